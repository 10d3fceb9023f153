import { podCard, type CardContext } from './cards.ts';
import type { PendingLink } from './links.ts';
import { ctrKey, nsKey, type NodeModel } from './model.ts';
import {
  absorb,
  CHIP_H,
  chip,
  chipRows,
  chipWidth,
  emptyGroup,
  label,
  shift,
  type Group,
} from './parts.ts';
import { bestRowWidth, POD_GAP, rows } from './rows.ts';
import type { Box } from './scene.ts';
import { lineHeight, textWidth } from './text.ts';
import type { SceneWords } from './words.ts';

/** Padding inside a node region. */
export const NODE_PAD = 14;
const BAND_PAD = 8;
const SMALL = 12;
const BRIDGE_GAP = 34;

/**
 * One node's region in its own coordinates, top to bottom: its title (and kernel), the host
 * band with the node's own namespaces (their member links folded into each container's
 * marker, or drawn with `hostLinks`), the bridges of namespaces shared across pods (each near
 * the middle of its pods), the pods in rows, then the namespaces of no known container. Returns
 * the links to draw once every region is in place.
 */
export function nodeRegion(
  n: NodeModel,
  ctx: CardContext,
  maxW: number,
  hostLinks: boolean,
): { group: Group; links: PendingLink[] } {
  const words: SceneWords = ctx.words;
  const g = emptyGroup();
  const links: PendingLink[] = [];
  const nodeKey = `node:${n.name}`;
  // Pods first: their sizes decide the region's width.
  const cards = n.pods.map((p) => ({ pod: p, card: podCard(p, ctx) }));
  const rowMax = bestRowWidth(
    cards.map((c) => c.card),
    maxW - 2 * NODE_PAD,
  );
  const podRows = rows(cards, rowMax);
  const podsW = Math.max(
    0,
    ...podRows.map((r) => r.reduce((w, c) => w + c.card.w + POD_GAP, -POD_GAP)),
  );
  const hostLabel = words.hostBand;
  const hostLabelW = textWidth(hostLabel, SMALL, 'sans', true);
  const hostChipsW = n.host.reduce((w, ns) => w + chipWidth(ns) + 6, -6);
  const inner = Math.max(podsW, Math.min(rowMax, hostLabelW + 12 + hostChipsW + 2 * BAND_PAD), 400);

  let y = NODE_PAD;
  const title = label(
    {
      owner: nodeKey,
      role: 'node-title',
      text: words.node(n.name),
      size: 16,
      bold: true,
    },
    NODE_PAD,
    y,
  );
  g.labels.push(title);
  if (n.kernel) {
    g.labels.push(
      label(
        { owner: nodeKey, role: 'note', text: words.kernel(n.kernel), size: SMALL },
        title.x + title.w + 12,
        y + 3,
      ),
    );
  }
  y += lineHeight(16) + 8;

  // Host band: the node's own namespaces; member links are folded into each container's marker.
  if (n.host.length > 0) {
    const bandKey = `host:${n.name}`;
    const top = y;
    y += BAND_PAD;
    g.labels.push(
      label(
        { owner: bandKey, role: 'band-title', text: hostLabel, size: SMALL, bold: true },
        NODE_PAD + BAND_PAD,
        y + (CHIP_H - lineHeight(SMALL)) / 2,
      ),
    );
    const x0 = NODE_PAD + BAND_PAD + hostLabelW + 12;
    const chips = chipRows(
      n.host,
      x0,
      y,
      inner - 2 * BAND_PAD - (x0 - NODE_PAD - BAND_PAD),
      bandKey,
      words,
    );
    g.chips.push(...chips.chips);
    y += chips.h + 4;
    const drawn = n.pods.filter((p) => !ctx.collapsed.has(p.key) || p.isGroup);
    const users = drawn.reduce(
      (k, p) => k + p.containers.filter((c) => c.hostTypes.length > 0).length,
      0,
    );
    if (hostLinks)
      for (const ns of n.host)
        for (const p of drawn)
          for (const c of p.containers)
            if (ns.containers.includes(c.id)) links.push({ ns, to: c.key, held: false });
    const hostCount = links.length;
    g.labels.push(
      label(
        {
          owner: bandKey,
          role: 'note',
          text: hostLinks ? words.hostDrawn(hostCount) : words.hostFolded(users),
          size: 11,
        },
        x0,
        y,
      ),
    );
    y += lineHeight(11) + BAND_PAD;
    g.rects.push({
      kind: 'host',
      key: bandKey,
      x: NODE_PAD,
      y: top,
      w: inner,
      h: y - top,
      title: words.hostTitle(n.host.length),
    });
    y += 12;
  }

  // Bridges: namespaces shared across pods, above the pods, each near the middle of its pods.
  const bridgeTop = y;
  if (n.cross.length > 0) y += lineHeight(SMALL) + 4 + CHIP_H + BRIDGE_GAP;

  // Pods, row by row.
  const podAt = new Map<string, Box>();
  const ctrPod = new Map<string, string>();
  for (const row of podRows) {
    let x = NODE_PAD;
    const rowH = Math.max(...row.map((c) => c.card.h));
    for (const { pod, card } of row) {
      absorb(g, shift(card, x, y));
      podAt.set(pod.key, card.rects[0]!);
      const compact = card.rects[0]!.compact === true;
      for (const c of pod.containers) {
        ctrPod.set(c.key, pod.key);
        if (compact) continue;
        for (const ns of pod.shared)
          if (ns.containers.includes(c.id)) links.push({ ns, to: c.key, held: c.sandbox });
      }
      x += card.w + POD_GAP;
    }
    y += rowH + POD_GAP;
  }
  if (podRows.length > 0) y -= POD_GAP;

  if (n.cross.length > 0) {
    const bandKey = `group:${n.name}:cross-pod`;
    g.labels.push(
      label(
        { owner: bandKey, role: 'band-title', text: words.crossBand, size: SMALL, bold: true },
        NODE_PAD,
        bridgeTop,
      ),
    );
    const chipY = bridgeTop + lineHeight(SMALL) + 4;
    const wanted = n.cross.map((ns) => {
      const pods = [
        ...new Set(
          ns.containers
            .map((id) => ctrPod.get(ctrKey(n.name, id)))
            .filter((k): k is string => k !== undefined),
        ),
      ].sort();
      const centres = pods.map((k) => podAt.get(k)!).map((b) => b.x + b.w / 2);
      const cx = centres.reduce((a, b) => a + b, 0) / Math.max(1, centres.length);
      return { ns, pods, cx };
    });
    wanted.sort((a, b) => a.cx - b.cx || nsKey(a.ns).localeCompare(nsKey(b.ns)));
    let minX = NODE_PAD;
    for (const w of wanted) {
      const cw = chipWidth(w.ns);
      const x = Math.round(Math.max(minX, w.cx - cw / 2));
      g.chips.push(chip(w.ns, x, chipY, bandKey, words));
      minX = x + cw + 10;
      for (const p of w.pods) links.push({ ns: w.ns, to: p, held: false });
    }
  }

  // Namespaces with a member in no known container (or whose container is not drawn).
  let wide = Math.max(inner, ...g.chips.map((c) => c.x + c.w - NODE_PAD));
  if (n.loose.length > 0) {
    y += 14;
    const key = `group:${n.name}:unattributed`;
    const top = y;
    y += BAND_PAD;
    g.labels.push(
      label(
        {
          owner: key,
          role: 'band-title',
          text: words.looseBand,
          size: SMALL,
          bold: true,
        },
        NODE_PAD + BAND_PAD,
        y,
      ),
    );
    y += lineHeight(SMALL) + 4;
    const chips = chipRows(n.loose, NODE_PAD + BAND_PAD, y, wide - 2 * BAND_PAD, key, words);
    g.chips.push(...chips.chips);
    y += chips.h + BAND_PAD;
    wide = Math.max(wide, chips.w + 2 * BAND_PAD);
    g.rects.push({
      kind: 'group',
      key,
      x: NODE_PAD,
      y: top,
      w: wide,
      h: y - top,
      title: words.looseTitle(n.loose.length),
    });
  }
  y += NODE_PAD;
  g.w = wide + 2 * NODE_PAD;
  g.h = y;
  g.rects.unshift({
    kind: 'node',
    key: nodeKey,
    x: 0,
    y: 0,
    w: g.w,
    h: g.h,
    title: `${words.node(n.name)}${n.kernel ? ` · ${words.kernel(n.kernel)}` : ''}`,
  });
  return { group: g, links };
}

/** Makes a node region `width` wide, with its host band and unattributed group to match. */
export function widenRegion(g: Group, width: number): void {
  g.rects[0]!.w = width;
  for (const r of g.rects)
    if (r.kind === 'host' || (r.kind === 'group' && r.key.endsWith(':unattributed')))
      r.w = width - 2 * NODE_PAD;
}
