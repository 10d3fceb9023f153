import type { Column } from './ps-columns.ts';

/**
 * Space or tab. Kept local rather than imported: it runs once per character, and module
 * systems that reach imports through getters (test runners, some bundlers) slow such calls.
 */
function blank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Cuts one `ps` row, `line[from, to)`, into cells, as offsets into `line`: cell `c` is
 * `line.slice(at[2c], at[2c + 1])`. Columns left of the free-text column (`rest`) are read as
 * words from the left, columns right of it as words from the right, and the free text is what
 * lies between, so commands keep their blanks wherever the column sits. One pass, no regex, no
 * strings made: 10,000-row outputs would otherwise allocate a string per cell (and the row is
 * read in place in the whole output, not cut out of it first). False when words are missing.
 */
export function cutRowAt(
  line: string,
  from: number,
  to: number,
  columns: readonly Column[],
  rest: number,
  at: Int32Array,
): boolean {
  const n = to;
  let i = from;
  const leftEnd = rest < 0 ? columns.length : rest;
  for (let c = 0; c < leftEnd; c++) {
    const words = columns[c]!.words;
    while (i < n && blank(line.charCodeAt(i))) i++;
    at[2 * c] = i;
    for (let w = 0; w < words; w++) {
      while (i < n && blank(line.charCodeAt(i))) i++;
      if (i >= n) return false;
      while (i < n && !blank(line.charCodeAt(i))) i++;
    }
    at[2 * c + 1] = i;
  }
  if (rest < 0) return true;
  let j = n;
  for (let c = columns.length - 1; c > rest; c--) {
    const words = columns[c]!.words;
    while (j > i && blank(line.charCodeAt(j - 1))) j--;
    at[2 * c + 1] = j;
    for (let w = 0; w < words; w++) {
      while (j > i && blank(line.charCodeAt(j - 1))) j--;
      if (j <= i) return false;
      while (j > i && !blank(line.charCodeAt(j - 1))) j--;
    }
    at[2 * c] = j;
  }
  while (i < j && blank(line.charCodeAt(i))) i++;
  while (j > i && blank(line.charCodeAt(j - 1))) j--;
  at[2 * rest] = i;
  at[2 * rest + 1] = j;
  return true;
}

/**
 * `cutRowAt` as strings. `cutRow('  7 sleep 1', [pid, args], 1)` → `['7', 'sleep 1']`;
 * `undefined` when words are missing.
 */
export function cutRow(
  line: string,
  columns: readonly Column[],
  rest: number,
): string[] | undefined {
  const at = new Int32Array(columns.length * 2);
  if (!cutRowAt(line, 0, line.length, columns, rest, at)) return undefined;
  return columns.map((_, c) => line.slice(at[2 * c], at[2 * c + 1]));
}

/**
 * A decimal number in `line[s, e)`, at most 16 digits, or -1.
 * `uintAt('x 42 y', 2, 4)` → `42`.
 */
export function uintAt(line: string, s: number, e: number): number {
  if (e <= s || e - s > 16) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Strips the tree drawing of `ps -ef --forest` / `ps auxf` (`|   \_ cmd` → `cmd`).
 * `stripForest(' \\_ sleep 1')` → `'sleep 1'`.
 */
export function stripForest(command: string): string {
  let i = 0;
  const n = command.length;
  for (;;) {
    while (i < n && blank(command.charCodeAt(i))) i++;
    if (
      command[i] === '\\' &&
      command[i + 1] === '_' &&
      (i + 2 >= n || blank(command.charCodeAt(i + 2)))
    ) {
      i += 2;
    } else if (command[i] === '|' && (i + 1 >= n || blank(command.charCodeAt(i + 1)))) {
      i += 1;
    } else break;
  }
  return i === 0 ? command : command.slice(i);
}

/**
 * Busybox prints `{comm} args` when argv[0] is not the program's name; the args are the command.
 * `stripBusyboxComm('{sleep} /pause infinity')` → `'/pause infinity'`.
 */
export function stripBusyboxComm(command: string): string {
  if (command[0] !== '{') return command;
  const close = command.indexOf('} ');
  return close > 0 ? command.slice(close + 2).trim() : command;
}
