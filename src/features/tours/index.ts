import { pauseContainerTour } from './data/pauseContainer.ts';
import { podmanRecordingTour } from './data/podmanRecording.ts';
import { podOptionsTour } from './data/podOptions.ts';
import type { Tour } from './types.ts';

export type { Bilingual, Tour, TourStep } from './types.ts';

/** Every tour, in the order the list shows them. One file per tour under data/. */
export const TOURS: readonly Tour[] = [pauseContainerTour, podOptionsTour, podmanRecordingTour];

export const findTour = (id: string | undefined): Tour | undefined =>
  id === undefined ? undefined : TOURS.find((t) => t.id === id);
