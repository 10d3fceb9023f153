import type { Box, Scene } from './scene.ts';

/** Test-only geometry checks shared by the layout tests. */
export const intersects = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - 0.01 &&
  b.x < a.x + a.w - 0.01 &&
  a.y < b.y + b.h - 0.01 &&
  b.y < a.y + a.h - 0.01;

export const inside = (a: Box, b: Box): boolean =>
  a.x >= b.x - 0.01 &&
  a.y >= b.y - 0.01 &&
  a.x + a.w <= b.x + b.w + 0.01 &&
  a.y + a.h <= b.y + b.h + 0.01;

/** Every pair of labels or chips that overlap, described; sorted sweep, so big scenes are cheap. */
export function overlaps(scene: Scene): string[] {
  const boxes = [
    ...scene.labels.map((l) => ({ ...l, what: `label ${l.role} "${l.text}"` })),
    ...scene.chips.map((c) => ({ ...c, what: `chip ${c.key}` })),
  ].sort((a, b) => a.y - b.y);
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.y < a.y + a.h; j++)
      if (intersects(a, boxes[j]!)) out.push(`${a.what} × ${boxes[j]!.what}`);
  }
  return out;
}

/** Labels and chips outside the scene or outside the region that owns them. */
export function strays(scene: Scene): string[] {
  const all = { x: 0, y: 0, w: scene.width, h: scene.height };
  const owners = new Map(scene.rects.map((r) => [r.key, r]));
  const out: string[] = [];
  for (const l of scene.labels) {
    const owner = owners.get(l.owner);
    if (!inside(l, all) || (owner && !inside(l, owner)))
      out.push(`label "${l.text}" of ${l.owner}`);
  }
  for (const c of scene.chips) {
    const owner = owners.get(c.owner);
    if (!inside(c, all) || (owner && !inside(c, owner))) out.push(`chip ${c.key} on ${c.owner}`);
  }
  return out;
}
