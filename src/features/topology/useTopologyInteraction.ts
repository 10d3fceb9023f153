import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { navItems, neighbour, type Direction, type Scene } from '../../layout/index.ts';
import { relatedKeys, type EntityIndex } from '../../model/entities.ts';
import { entityBox } from '../../render/TopologySvg.tsx';
import { useUiStore } from '../../state/store.ts';
import { patchHash } from '../../state/useViewState.ts';
import type { ViewState } from '../../state/viewState.ts';
import {
  drawnDetail,
  FIRST_SHOWN,
  nextDetail,
  NOTHING_SHOWN,
  type ShownDetail,
} from './levelOfDetail.ts';
import { createPanZoom, type PanZoom } from './panZoom.ts';
import { copyOf, showTitle, TIPPED } from './hoverDom.ts';
import { actionOf, actionPatch } from './sceneActions.ts';

const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

interface Refs {
  viewport: RefObject<HTMLDivElement | null>;
  svg: RefObject<SVGSVGElement | null>;
  layer: RefObject<SVGGElement | null>;
}

/** The selector of an element by one attribute's value. */
const by = (attr: string, value: string): string => `[${attr}="${CSS.escape(value)}"]`;

/**
 * Everything the topology does besides drawing: the pan/zoom controller (fit on load, on
 * resize and on a new focus), scene controls (`+N more`, a pod's buttons) that write the hash,
 * arrow-key moves between entities, panning a focused or selected entity into view, and
 * lighting the links between highlighted entities (`data-lit`, next to the shared
 * `data-highlighted`). Listeners are native and sit below the workspace's own, so a control's
 * click stops there and never selects its pod.
 */
export function useTopologyInteraction(
  refs: Refs,
  scene: Scene,
  state: ViewState,
  index: EntityIndex | undefined,
): { fit: () => void; zoomBy: (factor: number) => void; shown: ShownDetail } {
  const zoom = useRef<PanZoom | null>(null);
  // What the body draws (levelOfDetail.ts): a large scene nothing until the controller has
  // fitted the still empty view (a cheap layout), then the detail for that view; it follows
  // the view after.
  const [shown, setShown] = useState<ShownDetail>(FIRST_SHOWN);
  const latest = useRef({ scene, state });
  const refocus = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    latest.current = { scene, state };
  });

  // One controller for the life of the view.
  useLayoutEffect(() => {
    const svg = refs.svg.current;
    const layer = refs.layer.current;
    if (!svg || !layer) return;
    const pz = createPanZoom(svg, layer, {
      // Interruptible: the text of the pods coming into view appears a moment after the move,
      // which stays smooth.
      onView: (box, k) => startTransition(() => setShown((prev) => nextDetail(prev, box, k))),
    });
    zoom.current = pz;
    return () => {
      pz.destroy();
      zoom.current = null;
    };
  }, [refs.svg, refs.layer]);

  // A new scene: new size (refit while auto-fitting); a new focus or source fits again.
  const fitted = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    zoom.current?.setContent(scene.width, scene.height);
    // The first fit decides the first detail; the body mounts in this same task, before paint.
    const view = zoom.current?.view();
    if (view)
      setShown((prev) =>
        drawnDetail(prev, scene).detail === 'none'
          ? nextDetail(NOTHING_SHOWN, view.box, view.k)
          : prev,
      );
    const what = `${state.src ?? ''}\u0000${state.focus ?? ''}`;
    if (fitted.current !== undefined && fitted.current !== what) zoom.current?.fit();
    fitted.current = what;
    // A control re-laid the scene: keep the keyboard where it was.
    const again = refocus.current;
    refocus.current = undefined;
    if (
      again !== undefined &&
      refs.svg.current &&
      !refs.svg.current.contains(document.activeElement)
    ) {
      const el =
        refs.svg.current.querySelector<SVGElement>(by('data-target', again)) ??
        refs.svg.current.querySelector<SVGElement>(by('data-key', again));
      el?.focus({ preventScroll: true });
    }
  }, [scene, state.src, state.focus, refs.svg]);

  // The selection (from a click, the search or a link) is brought into view.
  useEffect(() => {
    if (state.select === undefined) return;
    const box = entityBox(latest.current.scene, state.select);
    if (box) zoom.current?.reveal(box);
  }, [state.select, scene]);

  useEffect(() => {
    const viewport = refs.viewport.current;
    const svg = refs.svg.current;
    if (!viewport || !svg) return;
    const run = (target: EventTarget | null): boolean => {
      const el = target instanceof Element ? target.closest('[data-action]') : null;
      const action = el ? actionOf(el) : undefined;
      if (!action) return false;
      refocus.current = action.target;
      patchHash(actionPatch(action, latest.current.state));
      return true;
    };
    const onClick = (e: MouseEvent) => {
      if (run(e.target)) e.stopPropagation();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if ((e.key === 'Enter' || e.key === ' ') && run(e.target)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const dir = ARROWS[e.key];
      const from = e.target instanceof Element ? e.target.closest('[data-key]') : null;
      if (dir && from && svg.contains(from)) {
        const items = navItems(latest.current.scene);
        const next = neighbour(items, from.getAttribute('data-key') ?? '', dir);
        if (next !== undefined) svg.querySelector<SVGElement>(by('data-key', next))?.focus();
        e.preventDefault();
        return;
      }
      if (e.key === '+' || e.key === '=') zoom.current?.zoomBy(1.25);
      else if (e.key === '-' || e.key === '_') zoom.current?.zoomBy(0.8);
      else if (e.key === '0') zoom.current?.fit();
    };
    const onFocus = (e: FocusEvent) => {
      const el = e.target instanceof SVGGraphicsElement ? e.target : null;
      if (!el || !svg.contains(el) || el === svg) return;
      const key = el.getAttribute('data-key');
      const box = (key !== null ? entityBox(latest.current.scene, key) : undefined) ?? bbox(el);
      if (box) zoom.current?.reveal(box);
    };
    const onOver = (e: PointerEvent) => {
      const el = e.target instanceof Element ? e.target.closest(TIPPED) : null;
      if (el && el !== svg && svg.contains(el)) showTitle(el);
    };
    viewport.addEventListener('pointerover', onOver);
    viewport.addEventListener('click', onClick);
    viewport.addEventListener('keydown', onKey);
    viewport.addEventListener('focusin', onFocus);
    return () => {
      viewport.removeEventListener('pointerover', onOver);
      viewport.removeEventListener('click', onClick);
      viewport.removeEventListener('keydown', onKey);
      viewport.removeEventListener('focusin', onFocus);
    };
  }, [refs.viewport, refs.svg]);

  // Hover feedback without touching thousands of elements: the scene's body fades as one
  // group (`data-dim`, one compositing layer) and copies of the highlighted entities and the
  // links between them are drawn bright in an overlay above it. The originals keep their
  // `data-highlighted` (set by the workspace) for tests and screen readers; the copies carry
  // no keys or focus, and ignore the pointer, so hit-testing still reaches the originals.
  useEffect(() => {
    const svg = refs.svg.current;
    if (!svg || !index) return;
    const overlay = svg.querySelector('[data-layer="overlay"]');
    let lit: Element[] = [];
    let byKey: Map<string, Element> | undefined;
    const entities = () => {
      if (!byKey) {
        byKey = new Map();
        for (const el of svg.querySelectorAll('[data-layer="body"] [data-key]'))
          byKey.set(el.getAttribute('data-key') ?? '', el);
      }
      return byKey;
    };
    const mark = (hovered: string | undefined) => {
      for (const el of lit) el.removeAttribute('data-lit');
      lit = [];
      overlay?.replaceChildren();
      if (hovered === undefined || !index.byKey.has(hovered)) {
        delete svg.dataset.dim;
        return;
      }
      const related = relatedKeys(index, hovered);
      const copies: Element[] = [];
      for (const el of svg.querySelectorAll('[data-layer="body"] path.topo-link')) {
        const from = el.getAttribute('data-from') ?? '';
        const to = el.getAttribute('data-to') ?? '';
        if (related.has(from) && related.has(to)) {
          el.setAttribute('data-lit', 'true');
          lit.push(el);
          copies.push(copyOf(el));
        }
      }
      const found = entities();
      for (const key of related) {
        const el = found.get(key);
        if (el) copies.push(copyOf(el));
      }
      overlay?.replaceChildren(...copies);
      svg.dataset.dim = 'true';
    };
    mark(useUiStore.getState().hovered);
    return useUiStore.subscribe((s, prev) => {
      if (s.hovered !== prev.hovered) mark(s.hovered);
    });
  }, [refs.svg, index, scene, shown]);

  const fit = useCallback(() => zoom.current?.fit(), []);
  const zoomBy = useCallback((factor: number) => zoom.current?.zoomBy(factor), []);
  return { fit, zoomBy, shown: drawnDetail(shown, scene) };
}

function bbox(el: SVGGraphicsElement): { x: number; y: number; w: number; h: number } | undefined {
  try {
    const b = el.getBBox();
    return { x: b.x, y: b.y, w: b.width, h: b.height };
  } catch {
    return undefined;
  }
}
