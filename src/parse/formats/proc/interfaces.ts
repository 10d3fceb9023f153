import type { NetInterface, ProcessRow, Snapshot } from '../../../protocol/snapshot.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import type { ParseContext } from '../../types.ts';

/**
 * Where `ip addr` interfaces wait for the merge step.
 *
 * Interfaces belong to a net namespace (`NamespaceRow.interfaces`), but `ip addr` prints no
 * namespace inode, so a parser alone can never place them. Until the merge step moves them,
 * they travel in one extra field, `netInterfaces`, documented here:
 *
 * - the command ran for a known PID (`nsenter -t PID -n ip addr` → `ctx.pid`): on that
 *   process's row, `ProcessRow & { netInterfaces }`. The merge step finds the PID's net inode
 *   (from any other capture) and moves the list to that namespace;
 * - no PID (plain `ip addr` inside `kubectl exec`): on the fragment itself,
 *   `Snapshot & { netInterfaces: [{ via, interfaces }] }`, with `ctx.via` saying which
 *   container it ran in. The merge step decides (e.g. through the container's processes).
 *
 * Nothing is warned in either case: placing them is the merge step's job.
 */
export const NET_INTERFACES_FIELD = 'netInterfaces';

/** A process row carrying interfaces seen from its net namespace. */
export type ProcessWithInterfaces = ProcessRow & { netInterfaces?: NetInterface[] };

/** Interfaces seen where no PID was known, with the wrapper the command ran in. */
export interface UnplacedInterfaces {
  via?: NonNullable<ParseContext['via']>;
  interfaces: NetInterface[];
}

/** A fragment carrying unplaced interfaces. */
export type SnapshotWithInterfaces = Snapshot & { netInterfaces?: UnplacedInterfaces[] };

/**
 * Stores parsed interfaces by the convention above.
 * `attachInterfaces(b, { source: 's', pid: 7 }, [{ name: 'lo', addresses: [] }])` puts them
 * on process 7.
 */
export function attachInterfaces(
  b: FragmentBuilder,
  ctx: ParseContext,
  interfaces: NetInterface[],
): void {
  if (interfaces.length === 0) return;
  if (ctx.pid !== undefined) {
    const row: ProcessWithInterfaces = b.process(ctx.pid);
    row.netInterfaces = [...(row.netInterfaces ?? []), ...interfaces];
    return;
  }
  const fragment: SnapshotWithInterfaces = b.fragment;
  const entry: UnplacedInterfaces = { interfaces };
  if (ctx.via !== undefined) entry.via = ctx.via;
  (fragment.netInterfaces ??= []).push(entry);
}

/** The interfaces a parser put on a process row (for the merge step). */
export function netInterfacesOf(row: ProcessRow): NetInterface[] | undefined {
  const list = (row as ProcessWithInterfaces).netInterfaces;
  return Array.isArray(list) ? list : undefined;
}

/** The interfaces a parser could not tie to a PID (for the merge step). */
export function unplacedInterfaces(fragment: Snapshot): UnplacedInterfaces[] {
  const list = (fragment as SnapshotWithInterfaces).netInterfaces;
  return Array.isArray(list) ? list : [];
}
