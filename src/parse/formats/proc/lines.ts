/**
 * Small line helpers shared by the proc parsers. They scan characters instead of using regular
 * expressions: the multi-process outputs reach hundreds of thousands of lines, and a pasted
 * 1 MB line must not cost more than one pass.
 */

/** True for a space or a tab. */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Splits on runs of spaces and tabs. `tokens('  a \tb ')` → `['a', 'b']`.
 * With `max`, stops after that many tokens (the rest of the line is not scanned).
 */
export function tokens(line: string, max = Infinity): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n && out.length < max) {
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isBlank(line.charCodeAt(i))) i++;
    out.push(line.slice(start, i));
  }
  return out;
}

/**
 * Removes terminal colour / cursor escapes (`ESC [ … letter`) from a pasted line.
 * `stripAnsi('\u001b[01;36mnet\u001b[0m')` → `'net'`. Lines without ESC are returned as is.
 */
export function stripAnsi(line: string): string {
  if (!line.includes('\u001b')) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === 27 && line[i + 1] === '[') {
      i += 2;
      // Parameters and intermediates, then one final byte in @..~.
      while (i < line.length) {
        const d = line.charCodeAt(i++);
        if (d >= 0x40 && d <= 0x7e) break;
      }
    } else if (c === 27) {
      i += 2;
    } else {
      out += line[i];
      i++;
    }
  }
  return out;
}

/** The first non-blank lines of a text (at most `count`), for cheap detection. */
export function headLines(text: string, count: number, maxChars = 16384): string[] {
  const out: string[] = [];
  const limit = Math.min(text.length, maxChars);
  let start = 0;
  while (start < limit && out.length < count) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > limit) end = limit;
    let line = text.slice(start, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() !== '') out.push(line);
    start = end + 1;
  }
  return out;
}

/** True when every character is a decimal digit (and there is at least one). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/**
 * Calls `fn` for every line (LF or CRLF, BOM dropped; no trailing empty line), numbered from 1
 * like `splitLines`, without building an array of all lines first.
 */
export function eachLine(text: string, fn: (line: string, lineNo: number) => void): void {
  const n = text.length;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    fn(text.slice(start, stop), ++lineNo);
    start = end + 1;
  }
}
