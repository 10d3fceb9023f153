import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import { LOW_DETAIL_ZOOM } from './levelOfDetail.ts';

/** A box in scene coordinates. */
export interface SceneBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PanZoom {
  /** The scene's size changed (a new layout): keeps the view, or refits while auto-fitting. */
  setContent(width: number, height: number): void;
  /** The whole scene in view, centred; auto-fit on again (resizes refit). */
  fit(): void;
  zoomBy(factor: number): void;
  /** Pans (at the same zoom) so that `box` is in view, when it is not already. */
  reveal(box: SceneBox): void;
  transform(): ZoomTransform;
  /** The part of the scene on screen, in scene coordinates, and the zoom. */
  view(): { box: SceneBox; k: number };
  destroy(): void;
}

export interface PanZoomOptions {
  /** After every move (at the end of a gesture, or right after a fit, zoom or pan by code). */
  onView?: (box: SceneBox, k: number) => void;
}

export const MAX_FIT = 1.5;
export const MARGIN = 12;

/**
 * The topology's one d3-zoom controller (xyflow's XYPanZoom pattern: imperative, no React):
 * wheel, pinch and drag move `layer`'s transform attribute directly, so zooming never
 * re-renders the scene. Fits on start and on every resize until the user zooms or pans.
 *
 * The viewport's size is read once, at creation (create it before the scene is drawn, while a
 * layout is cheap), then kept from the ResizeObserver: reading `clientWidth` after thousands of
 * SVG elements were added would force a synchronous layout of all of them.
 */
export function createPanZoom(
  svg: SVGSVGElement,
  layer: SVGGElement,
  options: PanZoomOptions = {},
): PanZoom {
  let width = 1;
  let height = 1;
  let autoFit = true;
  let lod = '';
  const size = { w: svg.clientWidth || 1, h: svg.clientHeight || 1 };
  const selection: Selection<SVGSVGElement, unknown, null, undefined> = select(svg);
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.02, 4])
    // d3's default extent reads the SVG's size on every gesture.
    .extent(() => [
      [0, 0],
      [size.w, size.h],
    ])
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      const t = event.transform;
      layer.setAttribute('transform', t.toString());
      svg.dataset.zoom = String(Math.round(t.k * 1000) / 1000);
      const next = t.k < LOW_DETAIL_ZOOM ? 'low' : 'full';
      if (next !== lod) svg.dataset.lod = lod = next;
      // A wheel, pinch or drag by the user ends auto-fitting; our own moves do not.
      if (event.sourceEvent) autoFit = false;
    })
    .on('end', () => {
      const { box, k } = view();
      options.onView?.(box, k);
    });
  selection.call(behaviour).on('dblclick.zoom', null);

  const viewport = () => size;
  const view = () => {
    const t = zoomTransform(svg);
    return { box: { x: -t.x / t.k, y: -t.y / t.k, w: size.w / t.k, h: size.h / t.k }, k: t.k };
  };

  const fitTransform = (): ZoomTransform => {
    const { w, h } = viewport();
    const k = Math.min((w - 2 * MARGIN) / width, (h - 2 * MARGIN) / height, MAX_FIT);
    const safe = Number.isFinite(k) && k > 0 ? k : 1;
    return zoomIdentity.translate((w - width * safe) / 2, (h - height * safe) / 2).scale(safe);
  };

  const limits = () => {
    const fitK = fitTransform().k;
    behaviour.scaleExtent([Math.min(0.5, fitK / 2), 4]);
    const padX = width * 0.5 + 200;
    const padY = height * 0.5 + 200;
    behaviour.translateExtent([
      [-padX, -padY],
      [width + padX, height + padY],
    ]);
  };

  const fit = () => {
    autoFit = true;
    limits();
    behaviour.transform(selection, fitTransform());
  };

  const observer =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]?.contentRect;
          if (box) {
            size.w = box.width || 1;
            size.h = box.height || 1;
          }
          limits();
          if (autoFit) behaviour.transform(selection, fitTransform());
        });
  observer?.observe(svg);

  return {
    setContent(w, h) {
      width = Math.max(1, w);
      height = Math.max(1, h);
      limits();
      if (autoFit) behaviour.transform(selection, fitTransform());
    },
    fit,
    zoomBy(factor) {
      autoFit = false;
      behaviour.scaleBy(selection, factor);
    },
    reveal(box) {
      const t = this.transform();
      const { w, h } = viewport();
      const [x0, y0] = t.apply([box.x, box.y]);
      const [x1, y1] = t.apply([box.x + box.w, box.y + box.h]);
      if (x0 >= MARGIN && y0 >= MARGIN && x1 <= w - MARGIN && y1 <= h - MARGIN) return;
      autoFit = false;
      behaviour.translateTo(selection, box.x + box.w / 2, box.y + box.h / 2);
    },
    transform: () => zoomTransform(svg),
    view,
    destroy() {
      observer?.disconnect();
      selection.on('.zoom', null);
    },
  };
}
