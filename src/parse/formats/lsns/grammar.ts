import { LSNS_TYPES, cellKind, type ColumnName } from './columns.ts';
import { stripTree } from './glyphs.ts';
import type { Cells } from './row.ts';

/**
 * Reading a table line by its tokens instead of by column positions: for headerless output
 * (`-n`) and for lines that do not line up with their header (re-indented pastes, other
 * padding). Cells cannot contain spaces except COMMAND, which takes whatever is left between
 * the columns before it (matched left to right) and those after it (matched right to left).
 * lsns semantics settle the empty cells: no PID/PPID/COMMAND/PATH/NETNSID when NPROCS is 0,
 * NETNSID only on net rows.
 */

interface Token {
  start: number;
  end: number;
  text: string;
}

function tokenize(line: string, from: number): Token[] {
  const out: Token[] = [];
  let i = from;
  const n = line.length;
  while (i < n) {
    while (i < n && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && line.charCodeAt(i) !== 32 && line.charCodeAt(i) !== 9) i++;
    out.push({ start, end: i, text: line.slice(start, i) });
  }
  return out;
}

const INT = /^\d{1,20}$/;

interface Context {
  type?: string;
  nprocs?: number;
  /** The row has an NPROCS column (a namespace list); without one every row is a process. */
  listsNamespaces: boolean;
}

/** Does `token` fit `name`? */
function fits(name: ColumnName, token: string): boolean {
  switch (cellKind(name)) {
    case 'int':
      return INT.test(token);
    case 'type':
      return LSNS_TYPES.has(token);
    case 'path':
      return token.startsWith('/proc/');
    case 'netnsid':
      return token === 'unassigned' || INT.test(token) || token === '-1';
    case 'nsfs':
      // bind mounts live under /run (netns, docker/netns, ipcns, utsns) in practice; anything
      // else starting with `/` is more likely the COMMAND of a row with an empty NSFS
      return /^(\/var)?\/run\/|ns\//.test(token);
    default:
      return true;
  }
}

/** Whether a column may be blank on this row, given what is known of it so far. */
function mayBeEmpty(name: ColumnName, ctx: Context): boolean {
  switch (name) {
    case 'NS':
    case 'TYPE':
    case 'NPROCS':
    case 'PNS':
    case 'ONS':
      return false;
    case 'PID':
    case 'PPID':
      // blank only on a process-less namespace row (NPROCS 0, or not read yet)
      return ctx.listsNamespaces && (ctx.nprocs === undefined || ctx.nprocs === 0);
    default:
      return true;
  }
}

/** Columns that lsns leaves blank on this row whatever the tokens say. */
function mustBeEmpty(name: ColumnName, ctx: Context): boolean {
  if (ctx.nprocs === 0 && (name === 'PID' || name === 'PPID' || name === 'PATH')) return true;
  if (name === 'NETNSID' && ctx.type !== undefined && ctx.type !== 'net') return true;
  return false;
}

function take(name: ColumnName, token: Token | undefined, ctx: Context): 'take' | 'skip' | 'fail' {
  if (mustBeEmpty(name, ctx)) return 'skip';
  if (token && fits(name, token.text)) return 'take';
  return mayBeEmpty(name, ctx) ? 'skip' : 'fail';
}

function note(name: ColumnName, text: string, ctx: Context): void {
  if (name === 'TYPE') ctx.type = text;
  if (name === 'NPROCS') ctx.nprocs = Number(text);
}

export interface Match {
  cells: Cells;
  /** Where COMMAND starts in the line (-1 when empty or absent). */
  commandAt: number;
}

/**
 * Splits one line into cells for `columns`, or undefined when it cannot be read that way.
 * `margin` is the table's left edge when known: blanks between it and a `-T` tree's art are
 * indentation levels, not padding.
 * `matchTokens('4026531836 pid 85 1 root /sbin/init splash', DEFAULT_LIST)?.cells` →
 * `['4026531836', 'pid', '85', '1', 'root', '/sbin/init splash']`.
 */
export function matchTokens(
  line: string,
  columns: readonly ColumnName[],
  margin = -1,
): Match | undefined {
  const cells: Cells = new Array<unknown>(columns.length);
  const ctx: Context = { listsNamespaces: columns.includes('NPROCS') };
  let from = 0;
  let art = '';
  // `-T` trees put their art in front of NS: `│ └─4026532254 net …`
  if (columns[0] === 'NS') {
    while (from < line.length && line.charCodeAt(from) === 32) from++;
    const start = margin >= 0 && margin <= from ? margin : from;
    const { text, depth } = stripTree(line.slice(start));
    if (depth > 0) {
      art = line.slice(start, line.length - text.length);
      from = line.length - text.length;
    }
  }
  const tokens = tokenize(line, from);
  const cmd = columns.indexOf('COMMAND');
  const leftEnd = cmd < 0 ? columns.length : cmd;
  let lo = 0;
  for (let c = 0; c < leftEnd; c++) {
    const name = columns[c]!;
    const verdict = take(name, tokens[lo], ctx);
    if (verdict === 'fail') return undefined;
    if (verdict === 'take') {
      const text = tokens[lo++]!.text;
      cells[c] = c === 0 && art !== '' ? art + text : text;
      note(name, text, ctx);
    } else cells[c] = '';
  }
  if (cmd < 0) return lo === tokens.length ? { cells, commandAt: -1 } : undefined;
  let hi = tokens.length - 1;
  for (let c = columns.length - 1; c > cmd; c--) {
    const name = columns[c]!;
    const verdict =
      hi >= lo ? take(name, tokens[hi], ctx) : mayBeEmpty(name, ctx) ? 'skip' : 'fail';
    if (verdict === 'fail') return undefined;
    if (verdict === 'take') cells[c] = tokens[hi--]!.text;
    else cells[c] = '';
  }
  if (hi < lo) {
    cells[cmd] = '';
    return { cells, commandAt: -1 };
  }
  // a process-less row has no COMMAND: leftover tokens mean the line was not understood
  if (ctx.nprocs === 0) return undefined;
  cells[cmd] = line.slice(tokens[lo]!.start, tokens[hi]!.end);
  return { cells, commandAt: tokens[lo]!.start };
}
