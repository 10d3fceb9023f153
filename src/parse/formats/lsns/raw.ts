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
 * Splits a raw line at single spaces into `cells` (missing cells become `''`) and returns how
 * many cells it found. When COMMAND is the last column, blanks beyond the last separator are
 * its own (older raw writers left them unescaped).
 */
function cutRaw(line: string, n: number, commandLast: boolean, cells: Cells): number {
  let start = 0;
  let k = 0;
  for (; k < n - 1; k++) {
    const end = line.indexOf(' ', start);
    if (end < 0) break;
    cells[k] = unescapeCell(line.slice(start, end));
    start = end + 1;
  }
  let found = k + 1;
  if (k === n - 1) {
    const rest = line.slice(start);
    if (!commandLast) {
      // the last cell cannot hold a blank: count what is left
      for (let i = rest.indexOf(' '); i >= 0; i = rest.indexOf(' ', i + 1)) found++;
    }
    cells[k] = unescapeCell(rest);
  } else cells[k] = unescapeCell(line.slice(start));
  for (let j = k + 1; j < n; j++) cells[j] = '';
  return found;
}

/** The tree art of 2.38+ raw output, as lsns escapes it. */
const ART: readonly (readonly [string, string])[] = [
  ['\\xe2\\x94\\x9c', '├'],
  ['\\xe2\\x94\\x94', '└'],
  ['\\xe2\\x94\\x82', '│'],
  ['\\xe2\\x94\\x80', '─'],
];

/**
 * A raw cell with its `\xHH` escapes decoded. Nearly every escape is `\x20` (the blanks of
 * COMMAND) or tree art, which plain replaces handle; anything else goes to the shared
 * UTF-8-aware decoder.
 * `unescapeCell('sleep\\x20infinity')` → `'sleep infinity'`.
 */
export function unescapeCell(cell: string): string {
  if (cell.indexOf('\\') < 0) return cell;
  let out = cell;
  if (out.includes('\\xe2\\x94'))
    for (const [escaped, glyph] of ART) out = out.replaceAll(escaped, glyph);
  out = out.replaceAll('\\x20', ' ');
  // every `\` in raw output starts an escape: any left is one the fast paths do not know
  return out.includes('\\') ? decodeHexEscapes(cell) : out;
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
    const found = cutRaw(line, cols.length, commandLast, cells);
    if (found > cols.length) {
      r.error(
        no,
        `expected ${cols.length} cells separated by single spaces, found ${found}: "${excerpt(line, 60)}"`,
      );
      return;
    }
    if (found < cols.length) {
      if (found === 1 && !/^\d+$/.test(line)) {
        r.error(
          no,
          `expected ${cols.length} cells separated by single spaces (${cols.join(' ')}), found "${excerpt(line, 60)}"`,
        );
        return;
      }
      r.warn(
        no,
        `expected ${cols.length} cells, found ${found}; the missing ones are taken as empty`,
      );
    }
    const row = toRow(cells, at, no, r, where);
    if (row) sink.add(row);
  });
  r.finish();
}
