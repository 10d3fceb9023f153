import type { DiffSide, SnapshotDiff } from './diffTypes.ts';
import { diffNamespaces, diffProcesses } from './diffEntities.ts';
import { emptyDiff } from './diffEntries.ts';
import { diffPods } from './diffPods.ts';
import { nodeRenames, sideIndex } from './diffSide.ts';

export type * from './diffTypes.ts';
export { changeMarks } from './diffMarks.ts';

/**
 * What changed between two snapshots (an older `before`, a newer `after`), keyed by contract §5
 * keys. Two questions are kept apart:
 * - *Is it the same entity?* A process is the same when its PID matches and so does its start
 *   time (else its command). A namespace is the same when its type and inode match *and* so
 *   does a holder: a member process or container, or both are the node's initial namespace.
 *   Inodes are reused after a namespace is freed (domain.md), so an inode alone proves nothing.
 * - *Is it the counterpart?* A pod deleted and created again has a new uid and new containers;
 *   matched by namespace/name (or as the only pod left on the node) and its containers by role
 *   (sandbox, or the name without the pod's prefix), it shows as `changed`, `recreated`, with
 *   per-container, per-type namespaces side by side (`pods`). That is the comparison a study
 *   group makes between two `lsns -p` sessions.
 * Linear in the size of both snapshots: a 2,000-process pair diffs in a few milliseconds.
 *
 * The parts: diffTypes.ts (the result), diffSide.ts (one side indexed, and sameness),
 * diffEntities.ts (processes and namespaces), diffPods.ts (the per-pod grid), diffEntries.ts
 * (recording entries and counts), diffMarks.ts (per-key marks for highlighting).
 */

/**
 * `diffSnapshots(myweb2, myweb2Sharepid).pods[0].containers[1].types.pid` →
 * `{ mark: 'scope', before: { scope: 'container', … }, after: { scope: 'pod', … } }`.
 */
export function diffSnapshots(before: DiffSide, after: DiffSide): SnapshotDiff {
  const renamedNodes = nodeRenames(before.snapshot, after.snapshot);
  const nodeOf = (n: string): string => renamedNodes.find((r) => r.before === n)?.after ?? n;
  const out = emptyDiff(renamedNodes);
  const B = sideIndex(before, nodeOf);
  const A = sideIndex(after, (n) => n);
  const processes = diffProcesses(out, B, A);
  const namespaces = diffNamespaces(out, B, A);
  const { pods, containers } = diffPods(out, B, A, namespaces.same);
  out.entries = [...pods, ...containers, ...namespaces.entries, ...processes];
  return out;
}

/** Each newer snapshot against the one before it: `diffSeries([a, b, c])` → `[a→b, b→c]`. */
export function diffSeries(sides: readonly DiffSide[]): SnapshotDiff[] {
  return sides.slice(1).map((s, i) => diffSnapshots(sides[i]!, s));
}
