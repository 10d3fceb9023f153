import type { HashPatch, ViewState } from '../../state/viewState.ts';
import { typesParam } from '../../state/viewState.ts';
import { NS_TYPES } from '../../protocol/snapshot.ts';
import type { Tour, TourStep } from './types.ts';

/**
 * The hash of step `n` (1-based) of a tour: the tour and step, and everything the step shows.
 * Keys the step does not set are cleared, so a step looks the same however it was reached.
 * `stepPatch(tour, 2)` → `{ tour: 'pause-container', step: '2', src: 'myweb2', view: undefined, … }`.
 */
export function stepPatch(tour: Tour, n: number): HashPatch {
  const step = stepAt(tour, n);
  return {
    tour: tour.id,
    step: String(clampStep(tour, n)),
    src: step.src,
    view: step.view === undefined || step.view === 'topology' ? undefined : step.view,
    types: typesParam(step.types ?? NS_TYPES),
    select: step.select,
    against: step.against,
    compare: undefined,
    q: undefined,
    focus: undefined,
  };
}

/** Whether the view state already shows the step (then nothing needs writing). */
export function showsStep(state: ViewState, step: TourStep): boolean {
  const types = step.types ?? NS_TYPES;
  return (
    state.src === step.src &&
    state.view === (step.view ?? 'topology') &&
    typesParam(state.types) === typesParam(types) &&
    state.select === step.select &&
    state.against.join(',') === (step.against ?? []).join(',')
  );
}

export const clampStep = (tour: Tour, n: number): number =>
  Math.min(Math.max(1, Math.floor(n)), tour.steps.length);

export const stepAt = (tour: Tour, n: number): TourStep => tour.steps[clampStep(tour, n) - 1]!;
