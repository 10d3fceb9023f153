import { useEffect, useId, useRef, useState } from 'react';
import './tours.css';
import { useMessages } from '../../i18n/index.ts';
import { patchHash, useViewState } from '../../state/useViewState.ts';
import { TOURS } from './index.ts';
import { tourText } from './messages.ts';
import { stepPatch } from './stepPatch.ts';

/** The header's "Tours" button and the list it opens (`[data-testid=tour-list]`). */
export function TourMenu() {
  const t = useMessages(tourText);
  const { lang, tour: active } = useViewState();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <div className="tour-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="tour-button"
        data-testid="tours-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">▶</span> {t.tours}
      </button>
      {open && (
        <div className="tour-popover" id={listId} role="group" aria-label={t.list}>
          <ul data-testid="tour-list">
            {TOURS.map((tour) => (
              <li key={tour.id} data-tour-id={tour.id}>
                <button
                  type="button"
                  aria-current={tour.id === active ? 'true' : undefined}
                  onClick={() => {
                    setOpen(false);
                    patchHash(stepPatch(tour, 1));
                  }}
                >
                  <strong lang={lang}>{tour.title[lang]}</strong>
                  <span className="tour-summary">{tour.summary[lang]}</span>
                  <span className="tour-steps">{t.steps(tour.steps.length)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
