import type { NsType, Scope, Snapshot, Summary } from '../protocol/snapshot.ts';
import type { EntityKind } from './entities.ts';

/**
 * What a diff of two snapshots is made of (diff.ts explains how it is made): entries per
 * changed entity with what changed, the per-pod grid of namespaces side by side, and counts.
 */
export type ChangeMark = 'added' | 'removed' | 'changed';
export interface DiffSide {
  snapshot: Snapshot;
  summary: Summary;
}
/** A namespace as a container or process sees it. */
export interface NsRef {
  key: string;
  inode: number;
  scope: Scope | undefined;
}
export type TextField =
  | 'name'
  | 'command'
  | 'ppid'
  | 'user'
  | 'cgroup'
  | 'container'
  | 'image'
  | 'state'
  | 'hostname'
  | 'addresses'
  | 'qos'
  | 'ips';
export type Change =
  | { field: 'scope'; before: Scope; after: Scope }
  | { field: 'ns'; type: NsType; before: NsRef | undefined; after: NsRef | undefined }
  | { field: 'members'; added: string[]; removed: string[] }
  | { field: 'recreated'; before: string; after: string }
  | { field: TextField; before: string | undefined; after: string | undefined };

export interface DiffEntry {
  kind: EntityKind;
  mark: ChangeMark;
  /** The key in `after`, or in `before` for a removed entity. */
  key: string;
  before: string | undefined;
  after: string | undefined;
  node: string;
  label: string;
  nsType?: NsType;
  /** For `changed` entries, what changed; empty otherwise. */
  changes: Change[];
}
/** One type of one container: `scope` when the scope differs, `replaced` for a new inode. */
export type CellMark = 'same' | 'scope' | 'replaced' | 'added' | 'removed';
export interface CellDiff {
  mark: CellMark;
  before: NsRef | undefined;
  after: NsRef | undefined;
}
export interface ContainerDiff {
  mark: ChangeMark | 'same';
  label: string;
  sandbox: boolean;
  before: string | undefined;
  after: string | undefined;
  types: Partial<Record<NsType, CellDiff>>;
}
export interface PodDiff {
  mark: ChangeMark | 'same';
  label: string;
  before: string | undefined;
  after: string | undefined;
  containers: ContainerDiff[];
}
export type Tally = Record<ChangeMark | 'same', number>;
export interface SnapshotDiff {
  /** Pods, then containers, namespaces (by type) and processes; unchanged entities left out. */
  entries: DiffEntry[];
  pods: PodDiff[];
  counts: Record<EntityKind, Tally>;
  /** Namespace entries per type. */
  byType: Record<NsType, Tally>;
  /** Node names of `before` read as another name of `after` (one node on each side). */
  renamedNodes: { before: string; after: string }[];
}
