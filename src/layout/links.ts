import { linkVertical } from 'd3-shape';
import type { SummaryNamespace } from '../protocol/snapshot.ts';
import { nsKey } from './model.ts';
import { r1 } from './parts.ts';
import type { Box, SceneLink } from './scene.ts';

/** A link decided while placing the regions, drawn once every box is in place. */
export interface PendingLink {
  ns: SummaryNamespace;
  /** The member's key: a container or a pod. */
  to: string;
  /** The member is the sandbox that holds the namespace. */
  held: boolean;
}

/** `localeCompare`'s order, without building the comparison each call. */
const collator = new Intl.Collator();

const curve = linkVertical<
  { source: [number, number]; target: [number, number] },
  [number, number]
>();

/**
 * Curves from the bottom of each namespace chip to the top of each member; a member with
 * several incoming links gets them spread along its top edge, ordered by where they come from.
 * Sorted by key, so the same links always come out in the same order.
 */
export function drawLinks(
  pending: readonly PendingLink[],
  boxes: ReadonlyMap<string, Box>,
): SceneLink[] {
  // Each link's source key and box, looked up once (not in the sort's comparisons).
  const into = new Map<string, { p: PendingLink; from: string; box: Box }[]>();
  for (const p of pending) {
    const from = nsKey(p.ns);
    const box = boxes.get(from);
    if (!box) continue;
    const item = { p, from, box };
    const list = into.get(p.to);
    if (list) list.push(item);
    else into.set(p.to, [item]);
  }
  const out: SceneLink[] = [];
  for (const [to, list] of into) {
    const target = boxes.get(to);
    if (!target) continue;
    list.sort((a, b) => a.box.x - b.box.x || collator.compare(a.from, b.from));
    list.forEach(({ p, from, box: s }, i) => {
      const tx = target.x + (target.w * (i + 1)) / (list.length + 1);
      const path = curve({ source: [s.x + s.w / 2, s.y + s.h], target: [tx, target.y] }) ?? '';
      out.push({
        key: `link:${from}>${to}`,
        from,
        to,
        nsType: p.ns.type,
        scope: p.ns.scope,
        held: p.held,
        path: path.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (v) => String(r1(Number(v)))),
      });
    });
  }
  return out.sort((a, b) => collator.compare(a.key, b.key));
}
