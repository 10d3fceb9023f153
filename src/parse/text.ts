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

/** The first `max` characters, for detection that must stay cheap on 200 MB inputs. */
export function head(text: string, max = 65536): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** Shortens untrusted text for a message: one line, at most `max` characters. */
export function excerpt(text: string, max = 80): string {
  const one = text.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '?');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}
