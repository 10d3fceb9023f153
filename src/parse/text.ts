/** Splits text into lines, accepting LF, CRLF and a UTF-8 BOM; no trailing empty line. */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}

/**
 * Whether `trim()` removes the character `c` (ECMAScript WhiteSpace and LineTerminator), so
 * that lines read in place by offset are trimmed exactly as their string would be.
 */
export function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The start of `text[from, to)` once `trimStart()` would have removed its leading blanks. */
export function trimmedStart(text: string, from: number, to: number): number {
  let s = from;
  while (s < to && isTrimmed(text.charCodeAt(s))) s++;
  return s;
}

/** The end of `text[from, to)` once `trimEnd()` would have removed its trailing blanks. */
export function trimmedEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && isTrimmed(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Decodes util-linux raw-mode escapes: every `\xHH` byte, then UTF-8.
 * `decodeHexEscapes('/pause\\x20x')` → `'/pause x'`; `'\\xe2\\x94\\x94'` → `'└'`.
 */
export function decodeHexEscapes(cell: string): string {
  if (!cell.includes('\\x')) return cell;
  const bytes: number[] = [];
  for (let i = 0; i < cell.length; i++) {
    if (
      cell[i] === '\\' &&
      cell[i + 1] === 'x' &&
      /^[0-9a-fA-F]{2}$/.test(cell.slice(i + 2, i + 4))
    ) {
      bytes.push(parseInt(cell.slice(i + 2, i + 4), 16));
      i += 3;
    } else {
      const cp = cell.codePointAt(i)!;
      if (cp < 0x80) bytes.push(cp);
      else {
        const ch = String.fromCodePoint(cp);
        bytes.push(...new TextEncoder().encode(ch));
        i += ch.length - 1;
      }
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Parses a non-negative decimal integer; anything else → undefined. */
export function toInt(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!/^\d{1,16}$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Below this length a slice is read about as fast as a copy would be: not worth copying. */
const FLAT_COPY_MIN = 65536;

/**
 * The same characters as a string of their own. V8 keeps a slice of a string (a transcript's
 * block) as a view into its parent, and every character read through the view takes a detour:
 * the line-by-line parsers read a multi-MB block about a fifth slower that way. Joining two
 * halves makes a plain sequential string, a copy at memory speed (about 0.3 ms per MB). Small
 * texts are returned as they are. A parser reading the copy cuts the strings it keeps (and its
 * messages) from the original text, at the same offsets: a substring of the copy would keep the
 * whole copy alive.
 */
export function flatCopy(text: string): string {
  if (text.length < FLAT_COPY_MIN) return text;
  const mid = text.length >> 1;
  return [text.slice(0, mid), text.slice(mid)].join('');
}

/** The first `max` characters, for detection that must stay cheap on 200 MB inputs. */
export function head(text: string, max = 65536): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Shortens untrusted text for a message: one line, at most `max` characters. */
export function excerpt(text: string, max = 80): string {
  const one = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
