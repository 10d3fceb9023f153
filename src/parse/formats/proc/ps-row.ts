import { isBlank } from './lines.ts';
import type { Column } from './ps-columns.ts';

/**
 * Cuts one `ps` row into cells. Columns left of the free-text column (`rest`) are read as words
 * from the left, columns right of it as words from the right, and the free text is what lies
 * between, so commands keep their blanks wherever the column sits. One pass, no regex.
 * `cutRow('  7 sleep 1', [pid, args], 1)` → `['7', 'sleep 1']`; `undefined` when words are missing.
 */
export function cutRow(
  line: string,
  columns: readonly Column[],
  rest: number,
): string[] | undefined {
  const cells: string[] = new Array<string>(columns.length);
  const n = line.length;
  let i = 0;
  const leftEnd = rest < 0 ? columns.length : rest;
  for (let c = 0; c < leftEnd; c++) {
    const words = columns[c]?.words ?? 1;
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    const start = i;
    for (let w = 0; w < words; w++) {
      while (i < n && isBlank(line.charCodeAt(i))) i++;
      if (i >= n) return undefined;
      while (i < n && !isBlank(line.charCodeAt(i))) i++;
    }
    cells[c] = line.slice(start, i);
  }
  if (rest < 0) return cells;
  let j = n;
  for (let c = columns.length - 1; c > rest; c--) {
    const words = columns[c]?.words ?? 1;
    while (j > i && isBlank(line.charCodeAt(j - 1))) j--;
    const end = j;
    for (let w = 0; w < words; w++) {
      while (j > i && isBlank(line.charCodeAt(j - 1))) j--;
      if (j <= i) return undefined;
      while (j > i && !isBlank(line.charCodeAt(j - 1))) j--;
    }
    cells[c] = line.slice(j, end);
  }
  cells[rest] = line.slice(i, j).trim();
  return cells;
}

/**
 * Strips the tree drawing of `ps -ef --forest` / `ps auxf` (`|   \_ cmd` → `cmd`).
 * `stripForest(' \\_ sleep 1')` → `'sleep 1'`.
 */
export function stripForest(command: string): string {
  let i = 0;
  const n = command.length;
  for (;;) {
    while (i < n && isBlank(command.charCodeAt(i))) i++;
    if (
      command[i] === '\\' &&
      command[i + 1] === '_' &&
      (i + 2 >= n || isBlank(command.charCodeAt(i + 2)))
    ) {
      i += 2;
    } else if (command[i] === '|' && (i + 1 >= n || isBlank(command.charCodeAt(i + 1)))) {
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
