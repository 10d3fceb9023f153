import type { Box, Scene } from '../../layout/index.ts';
import type { SceneDetail } from '../../render/detail.ts';

/** Below this zoom, labels are too small to read: the SVG gets `data-lod="low"`. */
export const LOW_DETAIL_ZOOM = 0.45;

/** What the screen draws in full: nothing yet, nothing (zoomed out), or what meets `box`. */
export interface ShownDetail {
  detail: SceneDetail;
  /** With `full`: the part of the scene drawn in full, in scene coordinates. */
  box?: Box;
}

export const NOTHING_SHOWN: ShownDetail = { detail: 'none' };

/** Scenes of up to this many drawn items are cheap to draw in full at once. */
const EAGER_ITEMS = 1500;

/** The state before the first fit: everything, as far as `drawnDetail` allows. */
export const FIRST_SHOWN: ShownDetail = { detail: 'full' };

/**
 * What to draw of `scene` now. Before the view has decided (`FIRST_SHOWN`), a small scene is
 * drawn in full at once (also what a server render, which never measures, shows) and a large
 * one not at all: the first fit decides which detail its zoom needs, so it is never drawn (and
 * laid out) in full for nothing.
 */
export function drawnDetail(shown: ShownDetail, scene: Scene): ShownDetail {
  if (shown.detail !== 'full' || shown.box) return shown;
  const items = scene.rects.length + scene.chips.length + scene.labels.length + scene.links.length;
  return items <= EAGER_ITEMS ? shown : NOTHING_SHOWN;
}

/** How far past the screen, in screens, the detail reaches: short pans draw nothing new. */
const MARGIN = 0.5;

const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/**
 * The detail to draw after the view moved to `view` at zoom `k` (level of detail and culling):
 * zoomed out, shapes only (once drawn in full, the text stays and CSS hides it, so zooming out
 * re-renders nothing); zoomed in, full detail for what is on screen and half a screen around
 * it, kept while the view stays inside. Returns `prev` itself when nothing changes, so React
 * skips the render.
 *
 * `nextDetail(NOTHING_SHOWN, { x: 0, y: 0, w: 100, h: 50 }, 0.2)` → `{ detail: 'low' }`.
 */
export function nextDetail(prev: ShownDetail, view: Box, k: number): ShownDetail {
  if (k < LOW_DETAIL_ZOOM) return prev.detail === 'none' ? { detail: 'low' } : prev;
  if (prev.detail === 'full' && prev.box && contains(prev.box, view)) return prev;
  return {
    detail: 'full',
    box: {
      x: view.x - view.w * MARGIN,
      y: view.y - view.h * MARGIN,
      w: view.w * (1 + 2 * MARGIN),
      h: view.h * (1 + 2 * MARGIN),
    },
  };
}
