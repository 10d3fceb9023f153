import { containerKeyOf } from '../../model/entities.ts';
import type { HashPatch } from '../../state/viewState.ts';

/**
 * The hash change that lists one container's processes beneath it in the matrix, or folds them
 * again, keeping the other open containers in order. It uses `expand=`, the list of containers
 * the topology shows all processes of ("+N more"): both say "show this container's processes",
 * so a shared link or a Back/Forward step opens the same containers in either view.
 * `toggleExpand(['ctr:n:a'], 'n', 'b')` → `{ expand: ['ctr:n:a', 'ctr:n:b'] }`.
 */
export function toggleExpand(expand: readonly string[], node: string, id: string): HashPatch {
  const key = containerKeyOf(node, id);
  return {
    expand: expand.includes(key) ? expand.filter((k) => k !== key) : [...expand, key],
  };
}
