import type { FragmentBuilder } from '../../fragment.ts';
import { decodeHexEscapes, excerpt, splitLines } from '../../text.ts';
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
import { linkTree, toRow, type Cells, type LsnsDoc, type LsnsRow } from './row.ts';
import type { VersionRange } from './version.ts';

/**
 * `lsns -r` (formats.md §1.5): cells separated by exactly one space, empty cells empty, every
 * blank, backslash, control or non-ASCII byte inside a cell written as `\xHH` — tree art too.
 */

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
 * Reads `lsns -r` output into rows.
 * `readRaw('NS TYPE NPROCS PID USER COMMAND\n4026532001 net 2 4242 65535 /pause\\x20x\n', …)` →
 * one row with `command: '/pause x'`.
 */
export function readRaw(
  text: string,
  args: LsnsArgs,
  b: FragmentBuilder,
  version: VersionRange,
): LsnsDoc {
  const lines = splitLines(text);
  let columns: readonly ColumnName[] | undefined;
  let first = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || isToolMessage(l)) continue;
    const header = rawHeader(l);
    if (header) {
      columns = header;
      first = i + 1;
      version.columns(header);
    } else {
      columns = args.noHeadings ? expectedColumns(args) : undefined;
      if (!columns) {
        columns = byCount(l.split(' ').length) ?? DEFAULT_LIST;
        if (!args.noHeadings) {
          b.warn(i + 1, `no raw header line; read the rows as the columns ${columns.join(' ')}`);
        }
      }
      first = i;
    }
    break;
  }
  const rows: LsnsRow[] = [];
  if (!columns) return { rows, mode: 'list', nested: false };
  const cols = columns;
  const r = new IssueBudget(b);
  const where = (name: ColumnName) => `cell ${cols.indexOf(name) + 1} (${name})`;
  const commandLast = cols[cols.length - 1] === 'COMMAND';
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const no = i + 1;
    if (line.trim() === '') continue;
    if (isToolMessage(line)) {
      reportToolMessage(r, no, line);
      continue;
    }
    let fields = line.split(' ');
    if (fields.length > cols.length) {
      if (!commandLast) {
        r.error(
          no,
          `expected ${cols.length} cells separated by single spaces, found ${fields.length}: "${excerpt(line, 60)}"`,
        );
        continue;
      }
      // older raw writers left blanks unescaped; the surplus can only be COMMAND's
      fields = [...fields.slice(0, cols.length - 1), fields.slice(cols.length - 1).join(' ')];
    } else if (fields.length < cols.length) {
      const token = fields[0] ?? '';
      if (fields.length === 1 && !/^\d+$/.test(token)) {
        r.error(
          no,
          `expected ${cols.length} cells separated by single spaces (${cols.join(' ')}), found "${excerpt(line, 60)}"`,
        );
        continue;
      }
      r.warn(
        no,
        `expected ${cols.length} cells, found ${fields.length}; the missing ones are taken as empty`,
      );
    }
    const cells: Cells = {};
    for (let k = 0; k < cols.length; k++) cells[cols[k]!] = decodeHexEscapes(fields[k] ?? '');
    const row = toRow(cells, no, r, where);
    if (row) rows.push(row);
  }
  r.finish();
  if (rows.some((r) => r.depth > 0)) linkTree(rows);
  const procs =
    args.inode !== undefined ||
    (!cols.includes('NS') && !cols.includes('TYPE') && cols.includes('PID'));
  return { rows, mode: procs ? 'procs' : 'list', nested: false };
}
