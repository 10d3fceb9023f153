/** Space between pods, across and down. */
export const POD_GAP = 16;

/** Pods packed into rows no wider than `rowMax`: the rows' widths and total height. */
function pack(
  cards: readonly { w: number; h: number }[],
  rowMax: number,
): { w: number; h: number } {
  let w = 0;
  let h = 0;
  let rowW = -1;
  let rowH = 0;
  for (const c of cards) {
    if (rowW >= 0 && rowW + POD_GAP + c.w <= rowMax) {
      rowW += POD_GAP + c.w;
      rowH = Math.max(rowH, c.h);
    } else {
      if (rowW >= 0) h += rowH + POD_GAP;
      w = Math.max(w, rowW);
      rowW = c.w;
      rowH = c.h;
    }
  }
  return { w: Math.max(w, rowW), h: h + rowH };
}

/**
 * The widest row the pods may fill: at least `min` (the default width), wider when that makes
 * the picture of many pods fit a 16:9 screen at a larger scale than one tall column would.
 */
export function bestRowWidth(cards: readonly { w: number; h: number }[], min: number): number {
  let best = min;
  let bestScale = 0;
  const widest = Math.max(0, ...cards.map((c) => c.w));
  for (let cols = 1; cols <= Math.min(cards.length, 16); cols++) {
    const rowMax = Math.max(min, cols * (widest + POD_GAP));
    const { w, h } = pack(cards, rowMax);
    const scale = Math.min(1600 / Math.max(w, 1), 900 / Math.max(h, 1));
    if (scale > bestScale + 1e-9) {
      bestScale = scale;
      best = rowMax;
    }
  }
  return best;
}

/**
 * Items in rows, in order, each row no wider than `rowMax` (a wider item gets a row alone).
 * `rows([{ card: { w: 50 } }, { card: { w: 50 } }], 100)` → two rows of one (50 + gap + 50 > 100).
 */
export function rows<T extends { card: { w: number } }>(
  items: readonly T[],
  rowMax: number,
): T[][] {
  const out: T[][] = [];
  let rowW = 0;
  for (const c of items) {
    const last = out[out.length - 1];
    if (last && rowW + POD_GAP + c.card.w <= rowMax) {
      last.push(c);
      rowW += POD_GAP + c.card.w;
    } else {
      out.push([c]);
      rowW = c.card.w;
    }
  }
  return out;
}
