import type { NsType } from '../../protocol/snapshot.ts';
import type { ViewName } from '../../state/viewState.ts';

/** Text in both UI languages. */
export interface Bilingual {
  en: string;
  ko: string;
}

/**
 * One step: what to show (a bundled fixture, a view, the namespace types, a selected entity)
 * and what to say about it. Unset fields mean the defaults: the topology, all eight types,
 * nothing selected.
 */
export interface TourStep {
  /** A fixture id of fixtures/manifest.json. */
  src: string;
  view?: ViewName;
  types?: readonly NsType[];
  /** A contract §5 key that exists in `src`'s parsed snapshot (checked by tours.test.ts). */
  select?: string;
  /** For `view: 'diff'`: the fixtures compared with `src`. */
  against?: readonly string[];
  title: Bilingual;
  text: Bilingual;
}

export interface Tour {
  id: string;
  title: Bilingual;
  summary: Bilingual;
  steps: readonly TourStep[];
}
