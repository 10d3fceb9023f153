/**
 * Walks the lines of a text without building an array of them (a 200 MB paste stays one
 * string plus one line at a time). Accepts LF, CRLF and a UTF-8 BOM, like `splitLines`.
 * `forEachLine('a\r\nb', f)` calls `f('a', 1)` then `f('b', 2)`; returning false stops.
 */
export function forEachLine(
  text: string,
  visit: (line: string, no: number) => boolean | void,
): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let no = 0;
  const n = text.length;
  while (i < n) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = n;
    const end = j > i && text.charCodeAt(j - 1) === 13 ? j - 1 : j;
    no++;
    if (visit(text.slice(i, end), no) === false) return;
    i = j + 1;
  }
}

/** The first `max` lines (for headers and samples), as `forEachLine` sees them. */
export function firstLines(text: string, max: number): string[] {
  const out: string[] = [];
  forEachLine(text, (line) => {
    out.push(line);
    return out.length < max;
  });
  return out;
}
