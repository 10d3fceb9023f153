import type { NsType } from '../../../protocol/snapshot.ts';
import { LSNS_TYPES, columnName, isRightAligned, type ColumnName } from './columns.ts';
import { artLength } from './glyphs.ts';
import type { Cells } from './row.ts';

/**
 * Reading a table line by the positions its header gives (libsmartcols layout, formats.md
 * §1.3): a right-aligned cell ends exactly under its header's last character, a left-aligned
 * cell starts exactly under its header's first. Columns are separated by one space, so a
 * left-aligned cell (COMMAND may hold spaces) runs up to the next cell's content.
 */

export interface HeaderColumn {
  name: ColumnName;
  /** First character of the header word. */
  start: number;
  /** One past its last character. */
  end: number;
  right: boolean;
  /** Cells are plain decimal numbers: cut straight into numbers, no substring. */
  numeric: boolean;
}

const SPACE = 32;

/** Columns whose cells are plain decimal numbers (NS only when right-aligned, without art). */
const NUMERIC = new Set<ColumnName>(['NS', 'NPROCS', 'PID', 'PPID', 'UID', 'PNS', 'ONS']);

/**
 * Finds the header words of a line when every word is a column name.
 * `readHeader('        NS TYPE   NPROCS', false)` → NS at 8–10 (right), TYPE at 11–15, NPROCS at 18–24.
 */
export function readHeader(line: string, nsTree: boolean): HeaderColumn[] | undefined {
  const out: HeaderColumn[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const name = columnName(m[0]);
    if (name === undefined) return undefined;
    out.push({
      name,
      start: m.index,
      end: m.index + name.length,
      right: isRightAligned(name, nsTree),
      numeric: NUMERIC.has(name),
    });
  }
  return out.length >= 2 ? out : undefined;
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== SPACE) return false;
  return true;
}

/** The decimal number in `line[s, end)`, or -1 when it holds anything else. */
function digitsValue(line: string, s: number, end: number): number {
  if (end - s > 16) return -1;
  let n = 0;
  for (let i = s; i < end; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Start of the right-aligned token of `line[from, to)` that ends at `end`, or -1 when the cell
 * is empty.
 */
function tokenStart(line: string, from: number, to: number, end: number): number {
  if (end <= from || end > to || line.charCodeAt(end - 1) === SPACE) return -1;
  let s = end;
  while (s > from && line.charCodeAt(s - 1) !== SPACE) s--;
  return s;
}

function isDigits(s: string, from = 0): boolean {
  if (s.length <= from || s.length - from > 20) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Is a cell's text what its column can hold? Catches lines that do not line up. */
function plausible(name: ColumnName, text: string): boolean {
  if (text === '') return name !== 'NS' && name !== 'TYPE';
  switch (name) {
    case 'NS':
      return isDigits(text, artLength(text));
    case 'TYPE':
      return LSNS_TYPES.has(text);
    case 'NPROCS':
    case 'PID':
    case 'PPID':
    case 'UID':
    case 'PNS':
    case 'ONS':
      return isDigits(text);
    case 'NETNSID':
      return (
        text === 'unassigned' || isDigits(text) || (text.charCodeAt(0) === 45 && isDigits(text, 1))
      );
    case 'COMMAND':
      return text.charCodeAt(0) !== SPACE || artLength(text) > 0;
    default:
      return text.charCodeAt(0) !== SPACE;
  }
}

/**
 * The lsns type name that is exactly `line[s, e)`, compared in place, else undefined.
 * `typeAt('4026531840 net', 11, 14)` → `'net'`.
 */
export function typeAt(line: string, s: number, e: number): NsType | undefined {
  let name: NsType;
  switch (line.charCodeAt(s)) {
    case 109: // m
      name = 'mnt';
      break;
    case 110: // n
      name = 'net';
      break;
    case 112: // p
      name = 'pid';
      break;
    case 105: // i
      name = 'ipc';
      break;
    case 117: // u
      name = e - s === 3 ? 'uts' : 'user';
      break;
    case 99: // c
      name = 'cgroup';
      break;
    case 116: // t
      name = 'time';
      break;
    default:
      return undefined;
  }
  if (e - s !== name.length || !line.startsWith(name, s)) return undefined;
  return name;
}

/** Index of the first non-blank character in `line[at, to)`, or -1. */
function nonBlankFrom(line: string, at: number, to: number): number {
  for (let i = at; i < to; i++) if (line.charCodeAt(i) !== SPACE) return i;
  return -1;
}

/**
 * Cuts a line into cells at the header's positions shifted by `delta`, or undefined when the
 * line does not line up with them. `cells` may be an array to reuse (every slot is written).
 * The line is `line[from, to)`: a table is read in place, line by line, without cutting each
 * line out of it first; header positions count from `from`.
 */
export function cutLine(
  line: string,
  cols: readonly HeaderColumn[],
  delta: number,
  cells: Cells = new Array<unknown>(cols.length),
  from = 0,
  to = line.length,
): Cells | undefined {
  let floor = from; // the next cell's content may not start before this
  const at = from + delta;
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k]!;
    let text = '';
    if (col.right) {
      const end = at + col.end;
      // (before the line counts as a non-blank: no cell ends there)
      if (end < to && (end < from || line.charCodeAt(end) !== SPACE)) return undefined;
      const s = tokenStart(line, from, to, end);
      if (s >= 0) {
        if (s < floor) return undefined;
        floor = end + 1;
        if (col.numeric) {
          const n = digitsValue(line, s, end);
          if (n < 0) return undefined;
          cells[k] = n;
          continue;
        }
        text = line.slice(s, end);
      }
    } else {
      const s = at + col.start;
      if (s < floor) return undefined;
      if (s > from && s - 1 < to && line.charCodeAt(s - 1) !== SPACE) return undefined;
      let bound = to;
      const next = cols[k + 1];
      if (next) {
        bound = at + next.start - 1;
        if (next.right) {
          const ns = tokenStart(line, from, to, at + next.end);
          if (ns >= 0 && ns - 1 < bound) bound = ns - 1;
        }
      }
      if (bound > to) bound = to;
      // trim the blanks on the right; leading blanks stay (tree indentation)
      let e = bound;
      while (e > s && line.charCodeAt(e - 1) === SPACE) e--;
      if (e > s && nonBlankFrom(line, s, to) < e) {
        floor = e + 1;
        if (col.name === 'TYPE') {
          // the shared type name instead of a fresh substring to hash on every row
          const type = typeAt(line, s, e);
          if (type === undefined) return undefined;
          cells[k] = type;
          continue;
        }
        text = line.slice(s, e);
      }
    }
    if (!plausible(col.name, text)) return undefined;
    cells[k] = text;
  }
  // text after the last cell means the columns are not where the header says
  const last = cols[cols.length - 1]!;
  if (last.right && floor > from && nonBlankFrom(line, floor, to) >= 0) return undefined;
  return cells;
}

/**
 * The shift of a line against its header, guessed from where its first cell sits: pastes
 * re-indent data lines or strip the header's leading spaces.
 */
export function guessDelta(line: string, cols: readonly HeaderColumn[]): number {
  const first = cols[0]!;
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  if (!first.right) return i - first.start;
  let e = i;
  while (e < line.length && line.charCodeAt(e) !== SPACE) e++;
  return e - first.end;
}

/**
 * An NSFS continuation line: blank in every column but NSFS, which holds one more mount point.
 * `continuation('      /run/netns/b ', cols)` → `'/run/netns/b'` when NSFS starts at column 6.
 */
export function continuation(line: string, cols: readonly HeaderColumn[]): string | undefined {
  const k = cols.findIndex((c) => c.name === 'NSFS');
  if (k < 0) return undefined;
  const col = cols[k]!;
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  if (i !== col.start) return undefined;
  const next = cols[k + 1];
  const rest = next ? line.slice(i, next.start - 1) : line.slice(i);
  if (next && !isBlank(line.slice(next.start - 1))) return undefined;
  const path = rest.trim();
  return path === '' ? undefined : path;
}
