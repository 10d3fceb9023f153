import { createContext, useContext } from 'react';
import type { EntityIndex } from '../../model/entities.ts';

/** The shown snapshot's entities (src/model/entities.ts), for every view and panel. */
export const EntityIndexContext = createContext<EntityIndex | undefined>(undefined);

export function useEntityIndex(): EntityIndex {
  const index = useContext(EntityIndexContext);
  if (!index) throw new Error('useEntityIndex outside a Workspace');
  return index;
}
