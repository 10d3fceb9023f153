import type { FragmentBuilder } from '../../fragment.ts';
import { decodeHexEscapes, excerpt } from '../../text.ts';
import { expectedColumns, type LsnsArgs } from './argv.ts';
import {
  COLUMN_NAMES,
  DEFAULT_LIST,
  DEFAULT_NET,
  DEFAULT_PROCS,
  isColumnName,
  type ColumnName,
} from './columns.ts';
import { IssueBudget, isToolMessage, reportToolMessage } from './issues.ts';
import { forEachLine } from './lines.ts';
import type { Recorder } from './record.ts';
import { schemaOf, toRow, type Cells } from './row.ts';
import type { VersionRange } from './version.ts';

/**
 * `lsns -r` (formats.md §1.5): cells separated by exactly one space, empty cells empty, every
 * blank, backslash, control or non-ASCII byte inside a cell written as `\xHH` — tree art too.
 */

/**
 * A raw cell with its `\xHH` escapes decoded. Nearly every escape is `\x20` (the blanks of
 * COMMAND), which a plain replace handles; anything else goes to the shared UTF-8-aware decoder.
 * `unescapeCell('sleep\\x20infinity')` → `'sleep infinity'`.
 */
export function unescapeCell(cell: string): string {
  let i = cell.indexOf('\\');
  if (i < 0) return cell;
  for (; i >= 0; i = cell.indexOf('\\', i + 1)) {
    if (!cell.startsWith('\\x20', i)) return decodeHexEscapes(cell);
  }
  return cell.replaceAll('\\x20', ' ');
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++)
    if (line.charCodeAt(i) !== 32 && line.charCodeAt(i) !== 9) return false;
  return true;
}

/** The header of a raw table: bare column names joined by single spaces. */
export function rawHeader(line: string): ColumnName[] | undefined {
  const names = line.trimEnd().split(' ');
  if (names.length < 2 || !names.every(isColumnName)) return undefined;
  return names as ColumnName[];
}

function byCount(n: number): readonly ColumnName[] | undefined {
  for (const cols of [DEFAULT_LIST, DEFAULT_NET, DEFAULT_PROCS, COLUMN_NAMES])
    if (cols.length === n) return cols;
  return undefined;
}

/**
 * Reads `lsns -r` output and hands each row to `sink`.
 * `NS TYPE NPROCS PID USER COMMAND\n4026532001 net 2 4242 65535 /pause\x20x` →
 * one row with `command: '/pause x'`.
 */
export function readRaw(
  text: string,
  args: LsnsArgs,
  b: FragmentBuilder,
  version: VersionRange,
  sink: Recorder,
): void {
  let columns: readonly ColumnName[] | undefined;
  let first = 1;
  forEachLine(text, (l, no) => {
    if (l.trim() === '' || isToolMessage(l)) return true;
    const header = rawHeader(l);
    if (header) {
      columns = header;
      first = no + 1;
      version.columns(header);
    } else {
      columns = args.noHeadings ? expectedColumns(args) : undefined;
      if (!columns) {
        columns = byCount(l.split(' ').length) ?? DEFAULT_LIST;
        if (!args.noHeadings)
          b.warn(no, `no raw header line; read the rows as the columns ${columns.join(' ')}`);
      }
      first = no;
    }
    return false;
  });
  const cols = columns ?? DEFAULT_LIST;
  const procs =
    args.inode !== undefined ||
    (!cols.includes('NS') && !cols.includes('TYPE') && cols.includes('PID'));
  sink.begin(procs ? 'procs' : 'list');
  const r = new IssueBudget(b);
  const where = (name: ColumnName) => `cell ${cols.indexOf(name) + 1} (${name})`;
  const commandLast = cols[cols.length - 1] === 'COMMAND';
  const at = schemaOf(cols);
  // one array for every line's cells: toRow copies out what it keeps
  const cells: Cells = new Array<unknown>(cols.length);
  forEachLine(text, (line, no) => {
    if (no < first || isBlank(line)) return;
    if (isToolMessage(line)) {
      reportToolMessage(r, no, line);
      return;
    }
    let fields = line.split(' ');
    if (fields.length > cols.length) {
      if (!commandLast) {
        r.error(
          no,
          `expected ${cols.length} cells separated by single spaces, found ${fields.length}: "${excerpt(line, 60)}"`,
        );
        return;
      }
      // older raw writers left blanks unescaped; the surplus can only be COMMAND's
      fields = [...fields.slice(0, cols.length - 1), fields.slice(cols.length - 1).join(' ')];
    } else if (fields.length < cols.length) {
      if (fields.length === 1 && !/^\d+$/.test(fields[0] ?? '')) {
        r.error(
          no,
          `expected ${cols.length} cells separated by single spaces (${cols.join(' ')}), found "${excerpt(line, 60)}"`,
        );
        return;
      }
      r.warn(
        no,
        `expected ${cols.length} cells, found ${fields.length}; the missing ones are taken as empty`,
      );
    }
    for (let k = 0; k < cols.length; k++) {
      const f = fields[k] ?? '';
      cells[k] = unescapeCell(f);
    }
    const row = toRow(cells, at, no, r, where);
    if (row) sink.add(row);
  });
  r.finish();
}
