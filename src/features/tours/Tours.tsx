import { useEffect, useRef } from 'react';
import './tours.css';
import { patchHash, useViewState } from '../../state/useViewState.ts';
import { findTour } from './index.ts';
import { showsStep, stepAt, stepPatch } from './stepPatch.ts';
import { TourPanel } from './TourPanel.tsx';

/**
 * The open tour (contract §5): its step's card, and the step's state in the hash. The list of
 * tours is TourMenu, in the app header.
 * `#tour=<id>&step=<n>` opens a step: when the hash names a step but does not show it yet (a
 * shared link), the step's source, view, types and selection are written into the same history
 * entry. Moving between steps writes a new entry, so Back returns to the previous step.
 */
export function Tours() {
  const state = useViewState();
  const tour = findTour(state.tour);
  const applied = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!tour) {
      applied.current = undefined;
      return;
    }
    const id = `${tour.id}#${state.step}`;
    // Once per step: after that the user may look around (another view, a selection) freely.
    if (applied.current === id) return;
    applied.current = id;
    if (!showsStep(state, stepAt(tour, state.step))) patchHash(stepPatch(tour, state.step), true);
  }, [tour, state]);

  return tour ? <TourPanel tour={tour} step={state.step} /> : null;
}
