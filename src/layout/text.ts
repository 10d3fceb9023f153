/**
 * Deterministic text measurement for the layout: no DOM, the same numbers in Node and every
 * browser. Widths are deliberately generous (an upper bound for common sans-serif fonts), so a
 * label never runs into its neighbour; the renderer draws with the matching font stacks.
 */

export type FontKind = 'sans' | 'mono';

/** Advance widths in em for a generic sans-serif, rounded up. */
function sansEm(ch: string): number {
  if (" .,:;'|!il`".includes(ch)) return 0.34;
  if ('ftjrI()[]{}/\\"-'.includes(ch)) return 0.42;
  if ('mwMW@%'.includes(ch)) return 0.95;
  if (ch >= '0' && ch <= '9') return 0.64;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  if (ch >= 'a' && ch <= 'z') return 0.6;
  // CJK and other wide glyphs.
  if (ch.codePointAt(0)! > 0x2e80) return 1.05;
  return 0.65;
}

/** `sansEm` for the first 0x2e80 code points, looked up instead of tested (hot in big scenes). */
const SANS = new Float64Array(0x2e81);
for (let c = 0; c < SANS.length; c++) SANS[c] = sansEm(String.fromCharCode(c));

/** Each code point's advance in em, in order (surrogate pairs are one wide glyph). */
function advances(text: string, font: FontKind): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    out.push(font === 'mono' ? 0.62 : c <= 0x2e80 ? SANS[c]! : 1.05);
  }
  return out;
}

const px = (em: number, size: number, bold: boolean): number =>
  Math.ceil(em * size * (bold ? 1.15 : 1) * 10) / 10;

/**
 * Estimated width of `text` at `size` px. `textWidth('abc', 10)` → 18.
 * Bold text is 15% wider (DejaVu Sans Bold, the widest common default); monospace is 0.62 em per character (covers common mono fonts).
 */
export function textWidth(
  text: string,
  size: number,
  font: FontKind = 'sans',
  bold = false,
): number {
  let em = 0;
  if (font === 'mono') {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
      em += 0.62;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
      em += c <= 0x2e80 ? SANS[c]! : 1.05;
    }
  }
  return px(em, size, bold);
}

const ELLIPSIS_EM = { sans: SANS[0x2026]!, mono: 0.62 };

/**
 * `text` cut with an ellipsis so that it fits in `max` px (the whole text when it fits).
 * `fitText('abcdef', 10, 22)` → `'ab…'`.
 */
export function fitText(
  text: string,
  size: number,
  max: number,
  font: FontKind = 'sans',
  bold = false,
): string {
  if (textWidth(text, size, font, bold) <= max) return text;
  // Largest prefix whose width plus the ellipsis fits: one pass over running sums.
  const adv = advances(text, font);
  let em = 0;
  let fit = 0;
  for (let k = 0; k < adv.length; k++) {
    em += adv[k]!;
    if (px(em + ELLIPSIS_EM[font], size, bold) <= max) fit = k + 1;
    else break;
  }
  if (fit === 0) return '…';
  const chars = [...text];
  return `${chars.slice(0, fit).join('').trimEnd()}…`;
}

/** Line box height for a font size. */
export const lineHeight = (size: number): number => Math.round(size * 1.3);

/** `…2264`: the last four digits of an inode, the full value goes in the tooltip. */
export const shortInode = (inode: number): string => `…${String(inode).slice(-4)}`;
