import { useEffect, type RefObject } from 'react';
import { relatedKeys, type EntityIndex } from '../../model/entities.ts';
import { useUiStore } from '../../state/store.ts';

/**
 * Hover and focus highlighting for every view at once (contract §5 `data-highlighted`).
 * One delegated listener finds the entity under the pointer or focus by its `data-key`; one
 * effect marks it and its related entities wherever they are drawn, and sets
 * `data-highlighting` on the root so CSS dims the rest. Marking the DOM directly costs a
 * selector query, not a re-render of thousands of SVG elements. The hook does not subscribe
 * React to the hovered key (that would re-render the whole workspace on every pointer move):
 * a store subscription marks the DOM, and after each render the current key is marked again
 * on whatever the views drew.
 */
export function useHighlight(root: RefObject<HTMLElement | null>, index: EntityIndex): void {
  const setHovered = useUiStore((s) => s.setHovered);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const keyAt = (target: EventTarget | null): string | undefined =>
      target instanceof Element
        ? (target.closest('[data-key]')?.getAttribute('data-key') ?? undefined)
        : undefined;
    const over = (e: Event) => setHovered(keyAt(e.target));
    const out = (e: Event) => {
      const next = (e as PointerEvent | FocusEvent).relatedTarget;
      if (!(next instanceof Node) || !el.contains(next)) setHovered(undefined);
    };
    el.addEventListener('pointerover', over);
    el.addEventListener('focusin', over);
    el.addEventListener('pointerleave', out);
    el.addEventListener('focusout', out);
    return () => {
      el.removeEventListener('pointerover', over);
      el.removeEventListener('focusin', over);
      el.removeEventListener('pointerleave', out);
      el.removeEventListener('focusout', out);
      setHovered(undefined);
    };
  }, [root, setHovered]);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    markRelated(el, index, useUiStore.getState().hovered);
  });
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    return useUiStore.subscribe((s, prev) => {
      if (s.hovered !== prev.hovered) markRelated(el, index, s.hovered);
    });
  }, [root, index]);
}

function markRelated(el: HTMLElement, index: EntityIndex, hovered: string | undefined): void {
  for (const m of el.querySelectorAll('[data-highlighted]')) m.removeAttribute('data-highlighted');
  if (hovered === undefined || !index.byKey.has(hovered)) {
    delete el.dataset.highlighting;
    return;
  }
  const related = relatedKeys(index, hovered);
  for (const m of el.querySelectorAll('[data-key]')) {
    if (related.has(m.getAttribute('data-key') ?? '')) m.setAttribute('data-highlighted', 'true');
  }
  // The HTML views fade what is not highlighted through this attribute. The topology fades
  // its own body as one layer instead: flipping this on its thousands of SVG elements would
  // restyle them all for nothing.
  if (el.querySelector('.view-area [data-testid=topology]')) delete el.dataset.highlighting;
  else el.dataset.highlighting = 'true';
}
