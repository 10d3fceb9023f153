import { create } from 'zustand';

/**
 * Transient UI state, one store of slices. What a link should reproduce lives in the URL hash
 * (viewState.ts); this holds what should not: the entity under the pointer or focus.
 */
interface HoverSlice {
  /** Contract §5 key of the hovered or focused entity. */
  hovered: string | undefined;
  setHovered: (key: string | undefined) => void;
}

export type UiState = HoverSlice;

export const useUiStore = create<UiState>()((set) => ({
  hovered: undefined,
  setHovered: (hovered) => set((s) => (s.hovered === hovered ? s : { hovered })),
}));
