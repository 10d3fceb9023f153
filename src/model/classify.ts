import type { Snapshot, Summary } from '../protocol/snapshot.ts';

/**
 * The classification of contract §3: every namespace with its scope, and per pod its
 * containers (sandbox first) with their namespaces.
 */
export function classify(_snapshot: Snapshot): Summary {
  // Placeholder while the model is being written.
  return { namespaces: [], pods: [] };
}
