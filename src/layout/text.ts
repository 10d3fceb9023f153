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
  for (const ch of text) em += font === 'mono' ? 0.62 : sansEm(ch);
  return Math.ceil(em * size * (bold ? 1.15 : 1) * 10) / 10;
}

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
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Largest prefix whose width plus the ellipsis fits.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('')}…`, size, font, bold) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '…' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** Line box height for a font size. */
export const lineHeight = (size: number): number => Math.round(size * 1.3);

/** `…2264`: the last four digits of an inode, the full value goes in the tooltip. */
export const shortInode = (inode: number): string => `…${String(inode).slice(-4)}`;
