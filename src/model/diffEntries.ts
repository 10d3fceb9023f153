import {
  NS_TYPES,
  type NsType,
  type ProcessRow,
  type SummaryNamespace,
} from '../protocol/snapshot.ts';
import { namespaceKeyOf, processKeyOf, type EntityKind } from './entities.ts';
import type { Change, ChangeMark, DiffEntry, SnapshotDiff, Tally, TextField } from './diffTypes.ts';

/**
 * Recording a diff (diff.ts): each compared pair becomes an entry unless unchanged, and is
 * counted per kind. Shared by the entity diff (diffEntities.ts) and the pod grid (diffPods.ts).
 */

const tally = (): Tally => ({ added: 0, removed: 0, changed: 0, same: 0 });

/** A diff with nothing in it yet. */
export function emptyDiff(renamedNodes: SnapshotDiff['renamedNodes']): SnapshotDiff {
  return {
    entries: [],
    pods: [],
    counts: { pod: tally(), container: tally(), process: tally(), namespace: tally() },
    byType: Object.fromEntries(NS_TYPES.map((t) => [t, tally()])) as Record<NsType, Tally>,
    renamedNodes,
  };
}

/** Notes a text field that differs (and is known on both sides). */
export function text(
  changes: Change[],
  field: TextField,
  b: string | undefined,
  a: string | undefined,
) {
  if (b !== a && b !== undefined && a !== undefined) changes.push({ field, before: b, after: a });
}

function entry(
  kind: EntityKind,
  mark: ChangeMark,
  before: string | undefined,
  after: string | undefined,
  label: string,
  node: string,
  changes: Change[],
  nsType?: NsType,
): DiffEntry {
  const e: DiffEntry = { kind, mark, key: (after ?? before)!, before, after, node, label, changes };
  if (nsType) e.nsType = nsType;
  return e;
}

/** Keyed apart, on a renamed node. */
function renamed(
  b: ProcessRow | SummaryNamespace | string,
  a: ProcessRow | SummaryNamespace | string,
) {
  return typeof b === 'string' || typeof a === 'string' ? b !== a : b.node !== a.node;
}

function key(x: ProcessRow | SummaryNamespace | string | undefined): string | undefined {
  if (x === undefined || typeof x === 'string') return x;
  return 'pid' in x ? processKeyOf(x.node, x.pid) : namespaceKeyOf(x.node, x.inode);
}

export /** Adds an entry (unless unchanged) and counts it; returns its mark. */
function push(
  out: SnapshotDiff,
  list: DiffEntry[],
  kind: EntityKind,
  b: ProcessRow | SummaryNamespace | string | undefined,
  a: ProcessRow | SummaryNamespace | string | undefined,
  changes: Change[],
  label: string,
  node: string,
  nsType?: NsType,
  changedWithin = false,
): ChangeMark | 'same' {
  const mark: ChangeMark | 'same' = !b
    ? 'added'
    : !a
      ? 'removed'
      : changedWithin || changes.length > 0 || renamed(b, a)
        ? 'changed'
        : 'same';
  out.counts[kind][mark]++;
  if (mark !== 'same') list.push(entry(kind, mark, key(b), key(a), label, node, changes, nsType));
  return mark;
}
