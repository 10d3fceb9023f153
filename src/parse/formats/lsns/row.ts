import type { NsType } from '../../../protocol/snapshot.ts';
import { toNsType } from '../../nstype.ts';
import { excerpt, toInt } from '../../text.ts';
import type { ColumnName } from './columns.ts';
import { stripTree } from './glyphs.ts';
import type { Reporter } from './issues.ts';

/** One lsns output row, whatever the output style, with values checked and typed. */
export interface LsnsRow {
  /** 1-based line of this text where the row starts. */
  line: number;
  /** Tree depth: 0 for roots (and for every row of a flat list). */
  depth: number;
  /** The row this one hangs under in a tree, if any. */
  parent?: LsnsRow;
  /** Which cell carried tree art: NS (`-T` owner/parent trees) or COMMAND (process tree). */
  art?: 'ns' | 'command';
  ns?: number;
  type?: NsType;
  path?: string;
  nprocs?: number;
  pid?: number;
  ppid?: number;
  command?: string;
  uid?: number;
  user?: string;
  netnsid?: string;
  nsfs?: string[];
  pns?: number;
  ons?: number;
}

/** One parsed lsns output, before its facts are recorded. */
export interface LsnsDoc {
  rows: LsnsRow[];
  /** `procs`: the process list of `lsns <inode>`; `list`: the namespace list. */
  mode: 'list' | 'procs';
  /** JSON `children` nesting (a text table's tree shows in each row's `art`). */
  nested: boolean;
}

/** Cell values by column; strings from tables, strings/numbers/null from JSON. */
export type Cells = Partial<Record<ColumnName, unknown>>;

const INT_COLUMNS = ['NPROCS', 'PID', 'PPID', 'UID', 'PNS', 'ONS'] as const;
const INT_FIELD = {
  NPROCS: 'nprocs',
  PID: 'pid',
  PPID: 'ppid',
  UID: 'uid',
  PNS: 'pns',
  ONS: 'ons',
} as const;

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return s === '' ? undefined : s;
}

/** Like `str`, but keeps leading blanks: they are tree indentation (`  └─…`) in NS and COMMAND. */
function art(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.trimEnd();
  return s.trim() === '' ? undefined : s;
}

/** How a parser names a column's place in its messages: `column 3` or `key "pid"`. */
export type Where = (name: ColumnName) => string;

/**
 * Checks and types one row's cells. Bad cells become issues naming the line and what was
 * expected; a row without a usable NS or TYPE (when the output has those columns) is dropped.
 * `toRow({ NS: '4026531836', TYPE: 'pid', PID: '1' }, 3, b, w)` → `{ line: 3, ns: 4026531836, type: 'pid', pid: 1, depth: 0 }`.
 */
export function toRow(
  cells: Cells,
  line: number,
  b: Reporter,
  where: Where,
): LsnsRow | undefined {
  const row: LsnsRow = { line, depth: 0 };
  if ('NS' in cells) {
    const raw = art(cells.NS) ?? '';
    const { text, depth } = stripTree(raw);
    const ns = toInt(text.trim());
    if (ns === undefined || ns === 0) {
      b.error(line, `expected an NS inode number in ${where('NS')}, found "${excerpt(raw.trim(), 40)}"`);
      return undefined;
    }
    row.ns = ns;
    row.depth = depth;
    if (depth > 0) row.art = 'ns';
  }
  if ('TYPE' in cells) {
    const raw = str(cells.TYPE) ?? '';
    const type = toNsType(raw);
    // `mount`/`network` are OCI names, never printed by lsns
    if (!type || raw !== type) {
      b.error(
        line,
        `expected a namespace type (mnt net pid uts ipc user cgroup time) in ${where('TYPE')}, found "${excerpt(raw, 40)}"`,
      );
      return undefined;
    }
    row.type = type;
  }
  for (const name of INT_COLUMNS) {
    const raw = str(cells[name]);
    if (raw === undefined) continue;
    const n = toInt(raw);
    if (n === undefined)
      b.warn(line, `expected a number for ${name} in ${where(name)}, found "${excerpt(raw.trim(), 40)}"`);
    else row[INT_FIELD[name]] = n;
  }
  const command = art(cells.COMMAND);
  if (command !== undefined) {
    const { text, depth } = stripTree(command);
    if (text.trim() !== '') row.command = text.trim();
    if (depth > 0 && row.depth === 0) {
      row.depth = depth;
      row.art = 'command';
    }
  }
  const user = str(cells.USER);
  if (user !== undefined) row.user = user;
  const netnsid = str(cells.NETNSID);
  if (netnsid !== undefined) row.netnsid = netnsid;
  const path = str(cells.PATH);
  if (path !== undefined) row.path = path;
  const nsfs = cells.NSFS;
  if (typeof nsfs === 'string' && nsfs.trim() !== '') {
    row.nsfs = nsfs
      .split(/[\n,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
  }
  return row;
}

/**
 * Links rows drawn as a tree (depth from their glyphs) to their parents.
 * Depths [0, 1, 2, 1] → rows 2 and 4 hang under row 1, row 3 under row 2. A row deeper than
 * its predecessor allows (a line was lost) gets no parent rather than a wrong one.
 */
export function linkTree(rows: readonly LsnsRow[]): void {
  const stack: (LsnsRow | undefined)[] = [];
  for (const row of rows) {
    const d = row.depth;
    const parent = d > 0 ? stack[d - 1] : undefined;
    if (parent) row.parent = parent;
    stack.length = Math.min(stack.length, d);
    stack[d] = row;
  }
}
