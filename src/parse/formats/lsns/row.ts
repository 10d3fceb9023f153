import type { NsType } from '../../../protocol/snapshot.ts';
import { excerpt } from '../../text.ts';
import { COLUMN_NAMES, LSNS_TYPES, type ColumnName } from './columns.ts';
import { artLength } from './glyphs.ts';
import type { Reporter } from './issues.ts';

/**
 * One lsns output row, whatever the output style, with values checked and typed. Every field
 * is always present (undefined when unknown) so that all rows share one shape: a 10,000-row
 * table makes 10,000 of them.
 */
export interface LsnsRow {
  /** 1-based line of this text where the row starts. */
  line: number;
  /** Tree depth: 0 for roots (and for every row of a flat list). */
  depth: number;
  /** The row this one hangs under in a tree, if any. */
  parent: LsnsRow | undefined;
  /** Which cell carried tree art: NS (`-T` owner/parent trees) or COMMAND (process tree). */
  art: 'ns' | 'command' | undefined;
  ns: number | undefined;
  type: NsType | undefined;
  path: string | undefined;
  nprocs: number | undefined;
  pid: number | undefined;
  ppid: number | undefined;
  command: string | undefined;
  uid: number | undefined;
  user: string | undefined;
  netnsid: string | undefined;
  nsfs: string[] | undefined;
  pns: number | undefined;
  ons: number | undefined;
}

/**
 * One row's cell values in the order of its output's columns: strings from text (numbers for
 * numeric cells a table reader already parsed), JSON values from JSON. `undefined` means the
 * output has no such cell; an empty cell is `''` (or JSON `null`). An array rather than an
 * object keyed by column: readers fill it by index, tens of thousands of times.
 */
export type Cells = unknown[];

/** Where each column sits in a `Cells` array, -1 when the output does not print it. */
export type Schema = Readonly<Record<ColumnName, number>>;

/**
 * The schema of a column list; a repeated column (`-o PID,PID`) is read from its first place.
 * `schemaOf(['PID', 'COMMAND'])` → `{ PID: 0, COMMAND: 1, NS: -1, … }`.
 */
export function schemaOf(columns: readonly ColumnName[]): Schema {
  const out = Object.fromEntries(COLUMN_NAMES.map((c) => [c, columns.indexOf(c)]));
  return out as Record<ColumnName, number>;
}

/** How a parser names a column's place in its messages: `column 3 (PID)` or `key "pid"`. */
export type Where = (name: ColumnName) => string;

function newRow(line: number): LsnsRow {
  return {
    line,
    depth: 0,
    parent: undefined,
    art: undefined,
    ns: undefined,
    type: undefined,
    path: undefined,
    nprocs: undefined,
    pid: undefined,
    ppid: undefined,
    command: undefined,
    uid: undefined,
    user: undefined,
    netnsid: undefined,
    nsfs: undefined,
    pns: undefined,
    ons: undefined,
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Trims only when needed: table cells usually arrive trimmed already. */
function trimmed(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1)))
    ? s.trim()
    : s;
}

/** A cell as text: numbers from JSON as written, blank as undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const s = trimmed(value);
  return s === '' ? undefined : s;
}

/** Like `text`, but keeps leading blanks: they are tree indentation (`  └─…`) in NS and COMMAND. */
function withArt(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  let end = value.length;
  while (end > 0 && isSpace(value.charCodeAt(end - 1))) end--;
  if (end === 0) return undefined;
  const s = end === value.length ? value : value.slice(0, end);
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return s;
  return undefined;
}

/**
 * A non-negative safe integer from a JSON number or a run of ASCII digits, else undefined.
 * Hand-rolled: it runs for several cells of every row.
 */
export function cellInt(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = trimmed(value);
  if (s.length === 0 || s.length > 16) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

function intCell(
  row: LsnsRow,
  raw: unknown,
  name: ColumnName,
  b: Reporter,
  where: Where,
): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = cellInt(raw);
  if (n === undefined) {
    const shown = text(raw);
    if (shown !== undefined)
      b.warn(
        row.line,
        `expected a number for ${name} in ${where(name)}, found "${excerpt(shown, 40)}"`,
      );
  }
  return n;
}

/**
 * Checks and types one row's cells. Bad cells become issues naming the line and what was
 * expected; a row without a usable NS or TYPE (when the output has those columns) is dropped.
 * `toRow(['4026531836', 'pid', '1'], schemaOf(['NS', 'TYPE', 'PID']), 3, b, w)` →
 * `{ line: 3, ns: 4026531836, type: 'pid', pid: 1, depth: 0, … }`.
 */
export function toRow(
  cells: Cells,
  at: Schema,
  line: number,
  b: Reporter,
  where: Where,
): LsnsRow | undefined {
  const row = newRow(line);
  const nsCell = at.NS < 0 ? undefined : cells[at.NS];
  if (typeof nsCell === 'number' && nsCell > 0) row.ns = nsCell;
  else if (nsCell !== undefined) {
    const raw = withArt(nsCell) ?? '';
    const n = artLength(raw);
    const ns = cellInt(n === 0 ? raw : raw.slice(n));
    if (ns === undefined || ns === 0) {
      b.error(
        line,
        `expected an NS inode number in ${where('NS')}, found "${excerpt(raw.trim(), 40)}"`,
      );
      return undefined;
    }
    row.ns = ns;
    if (n > 0) {
      row.depth = n / 2;
      row.art = 'ns';
    }
  }
  const typeCell = at.TYPE < 0 ? undefined : cells[at.TYPE];
  if (typeCell !== undefined) {
    const raw = text(typeCell) ?? '';
    const type = LSNS_TYPES.get(raw);
    if (!type) {
      b.error(
        line,
        `expected a namespace type (mnt net pid uts ipc user cgroup time) in ${where('TYPE')}, found "${excerpt(raw, 40)}"`,
      );
      return undefined;
    }
    row.type = type;
  }
  if (at.NPROCS >= 0) row.nprocs = intCell(row, cells[at.NPROCS], 'NPROCS', b, where);
  if (at.PID >= 0) row.pid = intCell(row, cells[at.PID], 'PID', b, where);
  if (at.PPID >= 0) row.ppid = intCell(row, cells[at.PPID], 'PPID', b, where);
  if (at.UID >= 0) row.uid = intCell(row, cells[at.UID], 'UID', b, where);
  if (at.PNS >= 0) row.pns = intCell(row, cells[at.PNS], 'PNS', b, where);
  if (at.ONS >= 0) row.ons = intCell(row, cells[at.ONS], 'ONS', b, where);
  const command = at.COMMAND < 0 ? undefined : withArt(cells[at.COMMAND]);
  if (command !== undefined) {
    const n = artLength(command);
    const rest = trimmed(n === 0 ? command : command.slice(n));
    if (rest !== '') row.command = rest;
    if (n > 0 && row.depth === 0) {
      row.depth = n / 2;
      row.art = 'command';
    }
  }
  if (at.USER >= 0) row.user = text(cells[at.USER]);
  if (at.NETNSID >= 0) row.netnsid = text(cells[at.NETNSID]);
  if (at.PATH >= 0) row.path = text(cells[at.PATH]);
  const nsfs = at.NSFS < 0 ? undefined : cells[at.NSFS];
  if (typeof nsfs === 'string' && nsfs !== '') {
    const paths = nsfs
      .split(/[\n,]/)
      .map(trimmed)
      .filter((p) => p !== '');
    if (paths.length > 0) row.nsfs = paths;
  }
  return row;
}
