import type { ProcessRow } from '../protocol/snapshot.ts';
import type { CtrModel, PodModel } from './model.ts';
import { procKey } from './model.ts';
import {
  CHIP_H,
  chip,
  chipRows,
  chipWidth,
  count,
  emptyGroup,
  label,
  processText,
  shift,
  type Group,
} from './parts.ts';
import { fitText, lineHeight, textWidth } from './text.ts';

const CTR_PAD = 10;
const CTR_MIN = 170;
const CTR_MAX = 250;
const NAME = 14;
const BADGE = 11;
const PROC = 12;
const SMALL = 11;

/** Anchor points the links need, by entity key. */
export type Anchors = Map<string, { x: number; y: number; w: number; h: number }>;

/** The badge of a sandbox: `pause`, or `infra` for podman's infra container. */
export const sandboxBadge = (c: CtrModel): string =>
  c.name !== undefined && /infra/i.test(c.name) ? 'infra' : 'pause';

/** Inner width a container wants: its name, processes and chips (two per row), clamped. */
function ctrInnerWidth(c: CtrModel, lines: readonly string[]): number {
  const name = textWidth(c.name ?? c.id.slice(0, 12), NAME, 'sans', true);
  const badge = c.sandbox ? textWidth(sandboxBadge(c), BADGE, 'sans', true) + 16 : 0;
  const procs = Math.max(0, ...lines.map((l) => textWidth(l, PROC)));
  const chips = c.own.slice(0, 2).reduce((w, ns) => w + chipWidth(ns) + 6, -6);
  return Math.min(CTR_MAX, Math.max(CTR_MIN, name + badge, procs, chips));
}

/**
 * One container card in its own coordinates: name (and the sandbox badge), process lines
 * (collapsed past `threshold`), the host marker, then its private namespace chips at the bottom
 * of a card `height` tall (natural height when undefined).
 */
export function containerCard(
  c: CtrModel,
  node: string,
  procs: ReadonlyMap<string, ProcessRow>,
  threshold: number,
  height?: number,
): Group {
  const g = emptyGroup();
  const shown = c.pids.length > threshold ? c.pids.slice(0, Math.max(1, threshold - 1)) : c.pids;
  const lines = shown.map((pid) => processText(pid, procs.get(procKey(node, pid))));
  const inner = ctrInnerWidth(c, lines);
  let y = CTR_PAD;
  const display = c.name ?? c.id.slice(0, 12);
  const badgeText = c.sandbox ? sandboxBadge(c) : undefined;
  const badgeW = badgeText ? textWidth(badgeText, BADGE, 'sans', true) + 10 : 0;
  const nameText = fitText(display, NAME, inner - (badgeText ? badgeW + 6 : 0), 'sans', true);
  const name = label(
    { owner: c.key, role: 'ctr-name', text: nameText, size: NAME, bold: true, title: c.id },
    CTR_PAD,
    y,
  );
  g.labels.push(name);
  if (badgeText) {
    const b = label(
      { owner: c.key, role: 'badge', text: badgeText, size: BADGE, bold: true, pad: 5 },
      name.x + name.w + 6,
      y + 1,
    );
    g.labels.push(b);
  }
  y += lineHeight(NAME) + 6;
  shown.forEach((pid, i) => {
    const row = procs.get(procKey(node, pid));
    const full = lines[i]!;
    const l = label(
      {
        owner: c.key,
        role: 'process',
        text: fitText(full, PROC, inner),
        size: PROC,
        title: `PID ${pid}${row?.user ? ` (${row.user})` : ''}: ${row?.command ?? 'command unknown'}`,
      },
      CTR_PAD,
      y,
    );
    l.process = { key: procKey(node, pid), pid };
    g.labels.push(l);
    y += lineHeight(PROC) + 2;
  });
  const hidden = c.pids.length - shown.length;
  if (hidden > 0 || c.pids.length === 0) {
    const text = hidden > 0 ? `+${hidden} more` : 'no processes';
    const title = hidden > 0 ? `PIDs ${c.pids.slice(shown.length).join(' ')}` : 'none in the input';
    g.labels.push(label({ owner: c.key, role: 'more', text, size: PROC, title }, CTR_PAD, y));
    y += lineHeight(PROC) + 2;
  }
  if (c.hostTypes.length > 0) {
    const full = `host: ${c.hostTypes.join(' ')}`;
    g.labels.push(
      label(
        {
          owner: c.key,
          role: 'host-marker',
          text: fitText(full, SMALL, inner),
          size: SMALL,
          title: `in the node's ${c.hostTypes.join(', ')} namespace${c.hostTypes.length > 1 ? 's' : ''} (links folded)`,
        },
        CTR_PAD,
        y + 2,
      ),
    );
    y += lineHeight(SMALL) + 4;
  }
  const rows = chipRows(c.own, CTR_PAD, 0, inner);
  const natural = y + (rows.h > 0 ? 6 + rows.h : 0) + CTR_PAD;
  const h = Math.max(natural, height ?? 0);
  shift({ ...emptyGroup(), chips: rows.chips }, 0, h - CTR_PAD - rows.h);
  g.chips.push(...rows.chips);
  g.w = inner + 2 * CTR_PAD;
  g.h = h;
  const title = `${c.sandbox ? `sandbox (${sandboxBadge(c)}) ` : 'container '}${c.name ?? ''} ${c.id} · ${count(c.pids.length, 'process', 'processes')}`;
  g.rects.unshift({
    kind: 'container',
    key: c.key,
    x: 0,
    y: 0,
    w: g.w,
    h,
    title,
    sandbox: c.sandbox,
  });
  return g;
}

const POD_PAD = 12;
const POD_TITLE = 15;
const POD_META = 12;
const CTR_GAP = 14;
export const LINK_GAP = 44;

/**
 * A pod card in its own coordinates: title, addresses, the rail of pod-shared namespaces
 * (centred over the containers), a gap for the links, then the containers in a row.
 */
export function podCard(
  pod: PodModel,
  node: string,
  procs: ReadonlyMap<string, ProcessRow>,
  threshold: number,
): Group {
  const g = emptyGroup();
  const natural = pod.containers.map((c) => containerCard(c, node, procs, threshold));
  const cardH = Math.max(0, ...natural.map((n) => n.h));
  const cards = pod.containers.map((c) => containerCard(c, node, procs, threshold, cardH));
  const rowW = cards.reduce((w, c) => w + c.w + CTR_GAP, -CTR_GAP);
  const railLabel = 'shared in the pod';
  const railLabelW = textWidth(railLabel, SMALL);
  const railChipsW = pod.shared.reduce((w, ns) => w + chipWidth(ns) + 10, -10);
  const railW = pod.shared.length > 0 ? railLabelW + 12 + railChipsW : 0;
  const titleText = `${pod.isGroup ? '' : 'pod '}${pod.title}`;
  const titleW = Math.min(420, textWidth(titleText, POD_TITLE, 'sans', true));
  const inner = Math.max(rowW, railW, titleW, 160);

  let y = POD_PAD;
  g.labels.push(
    label(
      {
        owner: pod.key,
        role: 'pod-title',
        text: fitText(titleText, POD_TITLE, inner, 'sans', true),
        size: POD_TITLE,
        bold: true,
        title: `${titleText} · key ${pod.key}`,
      },
      POD_PAD,
      y,
    ),
  );
  y += lineHeight(POD_TITLE);
  if (pod.meta !== '') {
    g.labels.push(
      label(
        {
          owner: pod.key,
          role: 'pod-meta',
          text: fitText(pod.meta, POD_META, inner),
          size: POD_META,
          title: pod.meta,
        },
        POD_PAD,
        y,
      ),
    );
    y += lineHeight(POD_META);
  }
  y += 8;
  if (pod.shared.length > 0) {
    g.labels.push(
      label(
        { owner: pod.key, role: 'band-title', text: railLabel, size: SMALL },
        POD_PAD,
        y + (CHIP_H - lineHeight(SMALL)) / 2,
      ),
    );
    const centred = POD_PAD + (inner - railChipsW) / 2;
    let x = Math.max(centred, POD_PAD + railLabelW + 12);
    for (const ns of pod.shared) {
      g.chips.push(chip(ns, Math.round(x), y));
      x += chipWidth(ns) + 10;
    }
    y += CHIP_H + LINK_GAP;
  }
  let x = POD_PAD + Math.max(0, (inner - rowW) / 2);
  for (const card of cards) {
    const part = shift(card, Math.round(x), y);
    g.rects.push(...part.rects);
    g.chips.push(...part.chips);
    g.labels.push(...part.labels);
    x += card.w + CTR_GAP;
  }
  y += cardH + POD_PAD;
  g.w = inner + 2 * POD_PAD;
  g.h = y;
  const n = pod.containers.length;
  g.rects.unshift({
    kind: pod.isGroup ? 'group' : 'pod',
    key: pod.key,
    x: 0,
    y: 0,
    w: g.w,
    h: g.h,
    title: `${titleText}${pod.meta ? ` · ${pod.meta}` : ''} · ${count(n, 'container')}`,
  });
  return g;
}
