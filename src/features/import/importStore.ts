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
  /** Whether the "Open capture" dialog is open. */
  dialogOpen: boolean;
  setDialogOpen: (open: boolean) => void;
}

/**
 * Client state only: the inputs the user gave (text, or File handles) and whether the import
 * dialog is open (the header, a drop and the "open them again" notice all open it). The parsed
 * result is server-like state and stays in react-query's cache.
 */
export const useImportStore = create<ImportState>()((set) => ({
  current: undefined,
  setCurrent: (current) => set({ current }),
  dialogOpen: false,
  setDialogOpen: (dialogOpen) => set({ dialogOpen }),
}));

/** Opens the import dialog; for buttons outside the import feature. */
export const openImportDialog = (): void => useImportStore.getState().setDialogOpen(true);
