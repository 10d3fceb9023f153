import { useEffect, type RefObject } from 'react';
import type { ChangeMark } from '../../model/diff.ts';

/**
 * Marks every drawn entity under `root` whose `data-key` changed recently with
 * `data-change="added|removed|changed"` (and unmarks the rest), in every view at once, the way
 * useHighlight marks hovered entities: one pass over `[data-key]`, no re-render of the views.
 * Views that redraw on their own (a folded list opened, a pod collapsed) are marked again by a
 * MutationObserver; setting attributes does not wake it.
 */
export function useChangeMarks(
  root: RefObject<HTMLElement | null>,
  marks: ReadonlyMap<string, ChangeMark>,
): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const apply = (): void => {
      for (const m of el.querySelectorAll<HTMLElement | SVGElement>('[data-key]')) {
        const mark = marks.get(m.dataset.key ?? '');
        if (mark === undefined) {
          if (m.hasAttribute('data-change')) m.removeAttribute('data-change');
        } else if (m.getAttribute('data-change') !== mark) m.setAttribute('data-change', mark);
      }
    };
    apply();
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        apply();
      });
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, marks]);
}
