import type { ProcessRow, SummaryNamespace } from '../protocol/snapshot.ts';
import type { LabelRole, SceneAction, SceneChip, SceneLabel, SceneRect } from './scene.ts';
import { nsKey } from './model.ts';
import { lineHeight, shortInode, textWidth, type FontKind } from './text.ts';
import type { SceneWords } from './words.ts';

/** A piece of the scene in its own coordinates, moved into place with `shift`. */
export interface Group {
  w: number;
  h: number;
  rects: SceneRect[];
  chips: SceneChip[];
  labels: SceneLabel[];
}

export const emptyGroup = (): Group => ({ w: 0, h: 0, rects: [], chips: [], labels: [] });

/** Moves every box of `g` by (dx, dy), in place (the layout's own objects only). */
export function shift(g: Group, dx: number, dy: number): Group {
  for (const b of [...g.rects, ...g.chips]) {
    b.x += dx;
    b.y += dy;
  }
  for (const l of g.labels) {
    l.x += dx;
    l.y += dy;
    l.baseline += dy;
  }
  return g;
}

/** Appends `part` (already shifted) to `into`. */
export function absorb(into: Group, part: Group): void {
  into.rects.push(...part.rects);
  into.chips.push(...part.chips);
  into.labels.push(...part.labels);
}

export const CHIP_H = 22;
export const CHIP_FONT = 12;
const CHIP_GLYPH = 12;

/** Width of a namespace chip: padding, shape, gap, `type …1234`. */
export const chipWidth = (ns: SummaryNamespace): number =>
  Math.ceil(6 + CHIP_GLYPH + 5 + textWidth(chipText(ns), CHIP_FONT, 'mono') + 7);

const chipText = (ns: SummaryNamespace): string => `${ns.type} ${shortInode(ns.inode)}`;

/** A namespace chip at (x, y) on `owner`, with its full inode and members in the tooltip. */
export function chip(
  ns: SummaryNamespace,
  x: number,
  y: number,
  owner: string,
  words: SceneWords,
): SceneChip {
  return {
    kind: 'namespace',
    key: nsKey(ns),
    node: ns.node,
    nsType: ns.type,
    scope: ns.scope,
    inode: ns.inode,
    x,
    y,
    w: chipWidth(ns),
    h: CHIP_H,
    text: chipText(ns),
    title: words.chipTitle(ns.type, ns.inode, ns.scope, ns.containers.length, ns.pids.length),
    owner,
  };
}

/** Lays chips out left to right from (x, y), wrapping at `maxW`; returns them and the height. */
export function chipRows(
  list: readonly SummaryNamespace[],
  x: number,
  y: number,
  maxW: number,
  owner: string,
  words: SceneWords,
  gap = 6,
): { chips: SceneChip[]; w: number; h: number } {
  const chips: SceneChip[] = [];
  let cx = x;
  let cy = y;
  let w = 0;
  for (const ns of list) {
    const cw = chipWidth(ns);
    if (cx > x && cx + cw > x + maxW) {
      cx = x;
      cy += CHIP_H + gap;
    }
    chips.push(chip(ns, cx, cy, owner, words));
    w = Math.max(w, cx + cw - x);
    cx += cw + gap;
  }
  return { chips, w, h: list.length === 0 ? 0 : cy + CHIP_H - y };
}

export interface LabelSpec {
  owner: string;
  role: LabelRole;
  text: string;
  size: number;
  font?: FontKind;
  bold?: boolean;
  title?: string;
  /** Extra horizontal padding inside the box (badges). */
  pad?: number;
  action?: SceneAction;
}

/** A label box at (x, y) sized to its (already fitted) text. */
export function label(spec: LabelSpec, x: number, y: number): SceneLabel {
  const font = spec.font ?? 'sans';
  const bold = spec.bold ?? false;
  const pad = spec.pad ?? 0;
  const h = lineHeight(spec.size) + (pad > 0 ? 2 : 0);
  const out: SceneLabel = {
    owner: spec.owner,
    role: spec.role,
    text: spec.text,
    size: spec.size,
    font,
    bold,
    x,
    y,
    w: Math.ceil(textWidth(spec.text, spec.size, font, bold) + 2 * pad),
    h,
    baseline: y + Math.round((h + spec.size * 0.7) / 2),
  };
  if (spec.title !== undefined) out.title = spec.title;
  if (pad > 0) out.pad = pad;
  if (spec.action) out.action = spec.action;
  return out;
}

/** Rounded to 0.1, never `-0`: the scene's numbers, stable in JSON and SVG. */
export function r1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The text of a process line: `2903 nginx: master process …`. */
export const processText = (pid: number, row: ProcessRow | undefined): string =>
  `${pid} ${row?.command ?? ''}`.trimEnd();
