import type { Box, Scene } from './scene.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** A focusable entity of the scene and where it is drawn. */
export interface NavItem extends Box {
  key: string;
}

/** Height of the strip at the top of a pod or container that stands for it when moving. */
const HEADER = 24;

/**
 * The focusable entities of a scene for arrow-key moves. A pod or a container counts as its
 * title strip, not its whole box, since everything else inside it is an entity too.
 */
export function navItems(scene: Scene): NavItem[] {
  const out: NavItem[] = [];
  for (const r of scene.rects)
    if (r.kind === 'pod' || r.kind === 'container')
      out.push({ key: r.key, x: r.x, y: r.y, w: r.w, h: Math.min(r.h, HEADER) });
  for (const l of scene.labels)
    if (l.process) out.push({ key: l.process.key, x: l.x, y: l.y, w: l.w, h: l.h });
  for (const c of scene.chips) out.push({ key: c.key, x: c.x, y: c.y, w: c.w, h: c.h });
  return out;
}

/** Distance between the intervals [a0, a1] and [b0, b1]; 0 when they overlap. */
const gap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, b0 - a1, a0 - b1);

/**
 * The entity an arrow key moves to from `from`: the nearest one in line with it whose centre
 * lies in that direction, else the nearest off to the side (the sideways gap counting thrice).
 * `neighbour(items, 'ns:n:1', 'down')` → the key of the container under that chip.
 */
export function neighbour(
  items: readonly NavItem[],
  from: string,
  dir: Direction,
): string | undefined {
  const a = items.find((i) => i.key === from);
  if (!a) return items[0]?.key;
  const ax = a.x + a.w / 2;
  const ay = a.y + a.h / 2;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const b of items) {
    if (b.key === from) continue;
    const bx = b.x + b.w / 2;
    const by = b.y + b.h / 2;
    let primary: number;
    let side: number;
    if (dir === 'up' || dir === 'down') {
      primary = dir === 'down' ? by - ay : ay - by;
      side = gap(a.x, a.x + a.w, b.x, b.x + b.w);
    } else {
      primary = dir === 'right' ? bx - ax : ax - bx;
      side = gap(a.y, a.y + a.h, b.y, b.y + b.h);
    }
    if (primary <= 0.5) continue;
    // Anything in line (overlapping sideways) beats anything off to the side.
    const score = side === 0 ? primary : 1e6 + primary + 3 * side;
    if (score < bestScore || (score === bestScore && best !== undefined && b.key < best)) {
      best = b.key;
      bestScore = score;
    }
  }
  return best;
}
