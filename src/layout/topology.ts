import { linkVertical } from 'd3-shape';
import {
  NS_TYPES,
  type Snapshot,
  type Summary,
  type SummaryNamespace,
} from '../protocol/snapshot.ts';
import { podCard, type CardContext } from './cards.ts';
import { buildModel, ctrKey, nsKey, processIndex, type NodeModel } from './model.ts';
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
import type { Box, Scene, SceneLink, TopologyOptions } from './scene.ts';
import { lineHeight, textWidth } from './text.ts';
import { EN_WORDS, type SceneWords } from './words.ts';

/** Past this many processes a snapshot lists fewer per container by default (level of detail). */
export const LARGE_PROCESSES = 600;

const NODE_PAD = 14;
const NODE_GAP = 20;
const POD_GAP = 16;
const BAND_PAD = 8;
const SMALL = 12;
const BRIDGE_GAP = 34;

/**
 * The topology as structured cards (docs: topology-view): node regions stacked; in each a host
 * band with the node's own namespaces, the bridges of namespaces shared across pods, the pods
 * packed in rows (containers in a row inside, sandbox first, processes listed), and the
 * namespaces of no known container. Pure and deterministic: no DOM, no randomness, sorted
 * inputs, text measured by `textWidth`, so the same input gives a JSON-identical scene.
 *
 * `layoutTopology(snapshot, classify(snapshot))` → `{ width, height, rects, chips, links, labels }`.
 */
export function layoutTopology(
  snapshot: Snapshot,
  summary: Summary,
  options: TopologyOptions = {},
): Scene {
  const large = snapshot.processes.length > LARGE_PROCESSES;
  const threshold = Math.max(1, options.processThreshold ?? (large ? 2 : 4));
  const maxW = Math.max(400, options.width ?? 1200);
  const words = options.words ?? EN_WORDS;
  const procs = processIndex(snapshot);
  const types = new Set(options.types ?? NS_TYPES);
  const nodes = buildModel(snapshot, summary, { types, focus: options.focus, words });
  const focus = nodes.some((n) => n.pods.some((p) => p.key === options.focus))
    ? options.focus
    : undefined;
  const base = {
    procs,
    threshold,
    expanded: new Set(options.expanded ?? []),
    collapsed: new Set(options.collapsed ?? []),
    focus,
    controls: options.controls ?? false,
    words,
  };
  const hostLinks = options.hostLinks ?? false;
  const parts = nodes.map((n) => nodeRegion(n, { ...base, node: n.name }, maxW, hostLinks));
  const width = Math.max(720, ...parts.map((p) => p.group.w));
  const scene = emptyGroup();
  const pending: PendingLink[] = [];
  let y = 0;
  for (const p of parts) {
    // Every node region as wide as the widest, for a tidy stack.
    p.group.rects[0]!.w = width;
    for (const r of p.group.rects)
      if (r.kind === 'host' || (r.kind === 'group' && r.key.endsWith(':unattributed')))
        r.w = width - 2 * NODE_PAD;
    absorb(scene, shift(p.group, 0, y));
    pending.push(...p.links);
    y += p.group.h + NODE_GAP;
  }
  const boxes = new Map<string, Box>();
  for (const r of scene.rects) boxes.set(r.key, r);
  for (const c of scene.chips) boxes.set(c.key, c);
  const links = drawLinks(pending, boxes);
  const round = <T extends Box>(b: T): T => ({
    ...b,
    x: r1(b.x),
    y: r1(b.y),
    w: r1(b.w),
    h: r1(b.h),
  });
  return {
    width: r1(width),
    height: r1(Math.max(0, y - NODE_GAP)),
    rects: scene.rects.map(round),
    chips: scene.chips.map(round),
    labels: scene.labels.map((l) => ({ ...round(l), baseline: r1(l.baseline) })),
    links,
    stats: {
      nodes: nodes.length,
      pods: nodes.reduce((n, x) => n + x.pods.filter((p) => !p.isGroup).length, 0),
      containers: nodes.reduce(
        (n, x) => n + x.pods.reduce((m, p) => m + p.containers.length, 0),
        0,
      ),
      processes: scene.labels.filter((l) => l.process).length,
      namespaces: scene.chips.length,
    },
  };
}

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
function bestRowWidth(cards: readonly { w: number; h: number }[], min: number): number {
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

interface PendingLink {
  ns: SummaryNamespace;
  to: string;
  held: boolean;
  /** Where on the target the link ends: x as a fraction of its width. */
  at?: number;
}

function nodeRegion(
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
  const rows: (typeof cards)[] = [];
  let rowW = 0;
  for (const c of cards) {
    const last = rows[rows.length - 1];
    if (last && rowW + POD_GAP + c.card.w <= rowMax) {
      last.push(c);
      rowW += POD_GAP + c.card.w;
    } else {
      rows.push([c]);
      rowW = c.card.w;
    }
  }
  const podsW = Math.max(
    0,
    ...rows.map((r) => r.reduce((w, c) => w + c.card.w + POD_GAP, -POD_GAP)),
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
  for (const row of rows) {
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
  if (rows.length > 0) y -= POD_GAP;

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

const curve = linkVertical<
  { source: [number, number]; target: [number, number] },
  [number, number]
>();

/**
 * Curves from the bottom of each namespace chip to the top of each member; a member with
 * several incoming links gets them spread along its top edge, ordered by where they come from.
 */
function drawLinks(pending: readonly PendingLink[], boxes: ReadonlyMap<string, Box>): SceneLink[] {
  const into = new Map<string, PendingLink[]>();
  for (const p of pending) {
    const list = into.get(p.to);
    if (list) list.push(p);
    else into.set(p.to, [p]);
  }
  const out: SceneLink[] = [];
  for (const [to, list] of into) {
    const target = boxes.get(to);
    if (!target) continue;
    const from = (p: PendingLink): Box => boxes.get(nsKey(p.ns))!;
    list.sort((a, b) => from(a).x - from(b).x || nsKey(a.ns).localeCompare(nsKey(b.ns)));
    list.forEach((p, i) => {
      const s = from(p);
      if (!s) return;
      const tx = target.x + (target.w * (i + 1)) / (list.length + 1);
      const path = curve({ source: [s.x + s.w / 2, s.y + s.h], target: [tx, target.y] }) ?? '';
      out.push({
        key: `link:${nsKey(p.ns)}>${to}`,
        from: nsKey(p.ns),
        to,
        nsType: p.ns.type,
        scope: p.ns.scope,
        held: p.held,
        path: path.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g, (v) => String(r1(Number(v)))),
      });
    });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

function r1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}
