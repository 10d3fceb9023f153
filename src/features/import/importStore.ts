import { create } from 'zustand';
import type { SourceInput } from '../../api/types.ts';
import type { ImportKind } from './sources.ts';

/** The user's current import: what `#src=paste` or `#src=files` shows. */
export interface CurrentImport {
  /** Names this import's query (`sourceKeys.inputs(id)`). */
  id: string;
  kind: ImportKind;
  inputs: readonly SourceInput[];
}

interface ImportState {
  current: CurrentImport | undefined;
  setCurrent: (current: CurrentImport) => void;
}

/**
 * Client state only: the inputs the user gave (text, or File handles). The parsed result is
 * server-like state and stays in react-query's cache.
 */
export const useImportStore = create<ImportState>()((set) => ({
  current: undefined,
  setCurrent: (current) => set({ current }),
}));
