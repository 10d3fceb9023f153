import { NS_TYPES, type Snapshot, type Summary } from '../protocol/snapshot.ts';
import { drawLinks, type PendingLink } from './links.ts';
import { buildModel, processIndex } from './model.ts';
import { nodeRegion, widenRegion } from './nodeRegion.ts';
import { absorb, emptyGroup, r1, shift } from './parts.ts';
import type { Box, Scene, TopologyOptions } from './scene.ts';
import { EN_WORDS } from './words.ts';

/** Past this many processes a snapshot lists fewer per container by default (level of detail). */
export const LARGE_PROCESSES = 600;

const NODE_GAP = 20;

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
    widenRegion(p.group, width);
    absorb(scene, shift(p.group, 0, y));
    pending.push(...p.links);
    y += p.group.h + NODE_GAP;
  }
  const boxes = new Map<string, Box>();
  for (const r of scene.rects) boxes.set(r.key, r);
  for (const c of scene.chips) boxes.set(c.key, c);
  const links = drawLinks(pending, boxes);
  // Rounded in place, after the links: the boxes are the layout's own objects.
  for (const b of scene.rects) round(b);
  for (const b of scene.chips) round(b);
  for (const l of scene.labels) {
    round(l);
    l.baseline = r1(l.baseline);
  }
  return {
    width: r1(width),
    height: r1(Math.max(0, y - NODE_GAP)),
    rects: scene.rects,
    chips: scene.chips,
    labels: scene.labels,
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

function round(b: Box): void {
  b.x = r1(b.x);
  b.y = r1(b.y);
  b.w = r1(b.w);
  b.h = r1(b.h);
}
