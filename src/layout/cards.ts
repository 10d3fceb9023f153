import type { ProcessRow } from '../protocol/snapshot.ts';
import type { CtrModel, PodModel } from './model.ts';
import { procKey } from './model.ts';
import {
  CHIP_H,
  chip,
  chipRows,
  chipWidth,
  emptyGroup,
  label,
  processText,
  shift,
  type Group,
} from './parts.ts';
import type { SceneLabel } from './scene.ts';
import { fitText, lineHeight, textWidth } from './text.ts';
import type { SceneWords } from './words.ts';

const CTR_PAD = 10;
const CTR_MIN = 170;
const CTR_MAX = 250;
const NAME = 14;
const BADGE = 11;
const PROC = 12;
const SMALL = 11;
const CONTROL = 12;

/** What the cards of one node need besides their model. */
export interface CardContext {
  node: string;
  procs: ReadonlyMap<string, ProcessRow>;
  threshold: number;
  /** Containers listing every process. */
  expanded: ReadonlySet<string>;
  /** Pods drawn as compact cards. */
  collapsed: ReadonlySet<string>;
  /** The pod shown alone, if any. */
  focus: string | undefined;
  controls: boolean;
  words: SceneWords;
}

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
 * One container card in its own coordinates, at its natural height: name (and the sandbox
 * badge), process lines (collapsed past `threshold`), the host marker, then its private
 * namespace chips at the bottom (`stretch` makes it taller, chips still at the bottom).
 */
export function containerCard(c: CtrModel, ctx: CardContext): Group {
  const { node, procs, threshold, words } = ctx;
  const g = emptyGroup();
  const long = c.pids.length > threshold;
  const open = long && ctx.expanded.has(c.key);
  const shown = long && !open ? c.pids.slice(0, Math.max(1, threshold - 1)) : c.pids;
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
        title: words.processTitle(pid, row?.user, row?.command),
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
    const text = hidden > 0 ? words.more(hidden) : words.noProcesses;
    const title =
      hidden > 0 ? words.moreTitle(c.pids.slice(shown.length).join(' ')) : words.noProcessesTitle;
    const spec = { owner: c.key, role: 'more' as const, text, size: PROC, title };
    const action = { type: 'expand' as const, target: c.key };
    const more = label(hidden > 0 && ctx.controls ? { ...spec, action, pad: 4 } : spec, CTR_PAD, y);
    g.labels.push(more);
    y += more.h + 2;
  } else if (open && ctx.controls) {
    const fewer = label(
      {
        owner: c.key,
        role: 'more',
        text: words.fewer,
        size: PROC,
        pad: 4,
        action: { type: 'fold', target: c.key },
      },
      CTR_PAD,
      y,
    );
    g.labels.push(fewer);
    y += fewer.h + 2;
  }
  if (c.hostTypes.length > 0) {
    // A grey badge: the links to the host's namespaces, folded (drawn with hostlinks=1).
    g.labels.push(
      label(
        {
          owner: c.key,
          role: 'host-marker',
          text: fitText(words.hostMarker(c.hostTypes), SMALL, inner - 10),
          size: SMALL,
          pad: 5,
          title: words.hostMarkerTitle(c.hostTypes),
        },
        CTR_PAD,
        y + 3,
      ),
    );
    y += lineHeight(SMALL) + 2 + 7;
  }
  const rows = chipRows(c.own, CTR_PAD, 0, inner, c.key, words);
  const h = y + (rows.h > 0 ? 6 + rows.h : 0) + CTR_PAD;
  shift({ ...emptyGroup(), chips: rows.chips }, 0, h - CTR_PAD - rows.h);
  g.chips.push(...rows.chips);
  g.w = inner + 2 * CTR_PAD;
  g.h = h;
  const title = words.ctrTitle(
    c.sandbox ? sandboxBadge(c) : undefined,
    c.name,
    c.id,
    c.pids.length,
  );
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

/** A container card made `h` tall (not shorter): its chips move down to the new bottom. */
function stretch(card: Group, h: number): Group {
  const dh = h - card.h;
  if (dh <= 0) return card;
  for (const chip of card.chips) chip.y += dh;
  card.rects[0]!.h = h;
  card.h = h;
  return card;
}

const POD_PAD = 12;
const POD_TITLE = 15;
const POD_META = 12;
const CTR_GAP = 14;
export const LINK_GAP = 44;

/** The pod's buttons at the right of its title: show it alone (or all again), collapse. */
function podControls(pod: PodModel, ctx: CardContext): SceneLabel[] {
  if (!ctx.controls || pod.isGroup) return [];
  const w = ctx.words;
  const compact = ctx.collapsed.has(pod.key);
  const focused = ctx.focus === pod.key;
  const spec = (
    text: string,
    title: string,
    type: 'focus' | 'unfocus' | 'collapse-pod' | 'expand-pod',
  ) =>
    label(
      {
        owner: pod.key,
        role: 'control',
        text,
        size: CONTROL,
        bold: true,
        pad: text.length === 1 ? 7 : 6,
        title,
        action: { type, target: pod.key },
      },
      0,
      0,
    );
  const name = w.pod(pod.title);
  return [
    focused
      ? spec(w.unfocus, w.unfocusTitle, 'unfocus')
      : spec(w.focus, w.focusTitle(name), 'focus'),
    compact
      ? spec(w.expand, w.expandTitle(name), 'expand-pod')
      : spec(w.collapse, w.collapseTitle(name), 'collapse-pod'),
  ];
}

/**
 * A pod card in its own coordinates: title (with its buttons), addresses, the rail of
 * pod-shared namespaces (centred over the containers), a gap for the links, then the
 * containers in a row — or, collapsed, one line that counts them instead.
 */
export function podCard(pod: PodModel, ctx: CardContext): Group {
  const { words } = ctx;
  const g = emptyGroup();
  const compact = ctx.collapsed.has(pod.key) && !pod.isGroup;
  // Every container of a pod as tall as the tallest.
  const natural = compact ? [] : pod.containers.map((c) => containerCard(c, ctx));
  const cardH = Math.max(0, ...natural.map((n) => n.h));
  const cards = natural.map((card) => stretch(card, cardH));
  const rowW = cards.reduce((w, c) => w + c.w + CTR_GAP, -CTR_GAP);
  const railLabel = words.rail;
  const railLabelW = textWidth(railLabel, SMALL);
  const railChipsW = pod.shared.reduce((w, ns) => w + chipWidth(ns) + 10, -10);
  const railW = pod.shared.length > 0 ? railLabelW + 12 + railChipsW : 0;
  const titleText = pod.isGroup ? pod.title : words.pod(pod.title);
  const titleW = Math.min(420, textWidth(titleText, POD_TITLE, 'sans', true));
  const controls = podControls(pod, ctx);
  const controlsW = controls.reduce((w, c) => w + c.w + 6, controls.length > 0 ? 6 : 0);
  const summary = compact
    ? words.compact(
        pod.containers.length,
        pod.containers.reduce((k, c) => k + c.pids.length, 0),
      )
    : '';
  const names = compact
    ? pod.containers.map((c) => (c.sandbox ? sandboxBadge(c) : (c.name ?? c.id.slice(0, 12))))
    : [];
  const inner = Math.max(
    rowW,
    railW,
    titleW + controlsW,
    compact ? Math.min(420, textWidth(summary, SMALL + 1)) : 0,
    160,
  );

  let y = POD_PAD;
  g.labels.push(
    label(
      {
        owner: pod.key,
        role: 'pod-title',
        text: fitText(titleText, POD_TITLE, inner - controlsW, 'sans', true),
        size: POD_TITLE,
        bold: true,
        title: `${titleText} · key ${pod.key}`,
      },
      POD_PAD,
      y,
    ),
  );
  // Right-aligned on the title row, in reading order.
  let cx = POD_PAD + inner - controls.reduce((w, c) => w + c.w + 6, -6);
  for (const c of controls) {
    g.labels.push(shift({ ...emptyGroup(), labels: [c] }, cx, y).labels[0]!);
    cx += c.w + 6;
  }
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
        y + 2,
      ),
    );
    y += lineHeight(POD_META) + 2;
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
    // Left-aligned after the label: over the sandbox, which holds these namespaces, so its
    // links are short and the others' reach out from it.
    let x = POD_PAD + railLabelW + 12;
    for (const ns of pod.shared) {
      g.chips.push(chip(ns, Math.round(x), y, pod.key, words));
      x += chipWidth(ns) + 10;
    }
    y += CHIP_H + (compact ? 10 : LINK_GAP);
  }
  if (compact) {
    const line = (text: string, size: number, role: 'note' | 'pod-meta') => {
      const l = label(
        { owner: pod.key, role, text: fitText(text, size, inner), size, title: text },
        POD_PAD,
        y,
      );
      g.labels.push(l);
      y += l.h + 2;
    };
    line(summary, SMALL + 1, 'pod-meta');
    line(names.join(' · '), SMALL + 1, 'note');
    y += POD_PAD - 2;
  } else {
    let x = POD_PAD + Math.max(0, (inner - rowW) / 2);
    for (const card of cards) {
      const part = shift(card, Math.round(x), y);
      g.rects.push(...part.rects);
      g.chips.push(...part.chips);
      g.labels.push(...part.labels);
      x += card.w + CTR_GAP;
    }
    y += cardH + POD_PAD;
  }
  g.w = inner + 2 * POD_PAD;
  g.h = y;
  const rect: Group['rects'][number] = {
    kind: pod.isGroup ? 'group' : 'pod',
    key: pod.key,
    x: 0,
    y: 0,
    w: g.w,
    h: g.h,
    title: words.podTitle(titleText, pod.meta, pod.containers.length),
  };
  if (compact) rect.compact = true;
  g.rects.unshift(rect);
  return g;
}
