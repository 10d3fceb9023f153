import { useEffect, type RefObject } from 'react';
import type { EntityIndex } from '../../model/entities.ts';
import { patchHash } from '../../state/useViewState.ts';

/**
 * Click (or Enter on a focused entity) selects it: `select=<key>` in the hash, which opens the
 * inspector. Delegated, so every view's entities select the same way.
 */
export function useSelectOnClick(root: RefObject<HTMLElement | null>, index: EntityIndex): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const select = (target: EventTarget | null) => {
      if (!(target instanceof Element)) return false;
      // Controls inside an entity (buttons, links) do their own thing.
      if (target.closest('button, a, input, select, textarea, summary')) return false;
      const key = target.closest('[data-key]')?.getAttribute('data-key');
      if (!key || !index.byKey.has(key)) return false;
      patchHash({ select: key });
      return true;
    };
    const onClick = (e: MouseEvent) => {
      select(e.target);
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.key === 'Enter' || e.key === ' ') && select(e.target)) e.preventDefault();
    };
    el.addEventListener('click', onClick);
    el.addEventListener('keydown', onKey);
    return () => {
      el.removeEventListener('click', onClick);
      el.removeEventListener('keydown', onKey);
    };
  }, [root, index]);
}
