import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { patchHash, useViewState } from '../../state/useViewState.ts';
import { tourText } from './messages.ts';
import { clampStep, stepAt, stepPatch } from './stepPatch.ts';
import type { Tour } from './types.ts';

/**
 * The open tour's card, in a corner so the drawing stays visible: the step's title and text
 * (an ARIA live region, read out on each move), Back and Next, and ←/→ from anywhere that is
 * not a text field.
 */
export function TourPanel({ tour, step }: { tour: Tour; step: number }) {
  const t = useMessages(tourText);
  const { lang } = useViewState();
  const n = clampStep(tour, step);
  const current = stepAt(tour, n);
  const total = tour.steps.length;
  // Folded to its step count and buttons, for a view that needs the whole screen.
  const [collapsed, setCollapsed] = useState(false);
  const go = (to: number) => {
    if (to >= 1 && to <= total && to !== n) patchHash(stepPatch(tour, to));
  };
  const goRef = useRef(go);
  useEffect(() => {
    goRef.current = go;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const el = e.target instanceof Element ? e.target : null;
      // Text fields, lists and drawings that use arrows keep them.
      if (el?.closest('input, textarea, select, [contenteditable], [role=listbox], svg')) return;
      e.preventDefault();
      goRef.current(e.key === 'ArrowRight' ? n + 1 : n - 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [n]);

  return (
    <aside
      className={collapsed ? 'tour-panel collapsed' : 'tour-panel'}
      data-testid="tour-panel"
      data-tour-id={tour.id}
      data-step={n}
      aria-labelledby="tour-panel-title"
      lang={lang}
    >
      <header>
        <h2 id="tour-panel-title">{tour.title[lang]}</h2>
        <button
          type="button"
          className="tour-collapse"
          data-testid="tour-collapse"
          aria-expanded={!collapsed}
          aria-label={collapsed ? t.expand : t.collapse}
          title={collapsed ? t.expand : t.collapse}
          onClick={() => setCollapsed(!collapsed)}
        >
          {collapsed ? '▴' : '▾'}
        </button>
        <button
          type="button"
          className="tour-close"
          data-testid="tour-close"
          aria-label={t.close}
          title={t.close}
          onClick={() => patchHash({ tour: undefined, step: undefined })}
        >
          ×
        </button>
      </header>
      <div className="tour-step" data-testid="tour-step" aria-live="polite" aria-atomic="true">
        <p className="tour-step-count">{t.stepOf(n, total)}</p>
        <h3>{current.title[lang]}</h3>
        <p>{current.text[lang]}</p>
      </div>
      <footer>
        <ol className="tour-dots" aria-hidden="true">
          {tour.steps.map((_, i) => (
            <li key={i} className={i + 1 === n ? 'on' : undefined} />
          ))}
        </ol>
        <span className="tour-keys">{t.keys}</span>
        <button type="button" data-testid="tour-prev" disabled={n <= 1} onClick={() => go(n - 1)}>
          ← {t.prev}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="tour-next"
          disabled={n >= total}
          onClick={() => go(n + 1)}
        >
          {t.next} →
        </button>
      </footer>
    </aside>
  );
}
