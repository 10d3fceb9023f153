import { NS_TYPES, type NsType, type Scope } from '../../protocol/snapshot.ts';
import type {
  ContainerEntity,
  EntityIndex,
  NamespaceEntity,
  ProcessEntity,
} from '../../model/entities.ts';

/** What can be compared: processes and containers (a container by its main process). */
export type Pickable = ProcessEntity | ContainerEntity;

export interface CompareCell {
  /** Namespace key (`ns:<node>:<inode>`). */
  key: string;
  inode: number;
  scope: Scope | undefined;
  /** Cells of one row with the same namespace share a group number (0, 1, …, by first use). */
  group: number;
}

/**
 * `same`: every pick is in one namespace; `different`: no two picks share; `partial`: some
 * share, some do not (three or more picks); `unknown`: the input does not say for some pick.
 */
export type Verdict = 'same' | 'partial' | 'different' | 'unknown';

export interface CompareRow {
  type: NsType;
  cells: (CompareCell | undefined)[];
  verdict: Verdict;
}

export interface Comparison {
  picks: Pickable[];
  /** Keys in `compare=` that are not a process or container of this snapshot. */
  missing: string[];
  rows: CompareRow[];
  /** Types shared by all picks, in a namespace that is not the host's. */
  shared: NsType[];
  /** Types shared by all picks in the host's namespace (user and time, usually). */
  host: NsType[];
  /** Types in which some picks differ. */
  differ: NsType[];
  unknown: NsType[];
}

/** An entity's namespace key per type: a process's own, a container's main process's. */
export function namespacesOf(index: EntityIndex, e: Pickable): Partial<Record<NsType, string>> {
  if (e.kind === 'container') return e.main;
  const out: Partial<Record<NsType, string>> = {};
  for (const [type, inode] of Object.entries(e.row.namespaces) as [NsType, number][])
    out[type] = index.nsKey(e.node, type, inode);
  return out;
}

/** The verdict for one type from the cells of every pick. */
export function verdictOf(cells: readonly (CompareCell | undefined)[]): Verdict {
  const known = cells.filter((c): c is CompareCell => c !== undefined);
  if (known.length < 2) return 'unknown';
  const groups = new Set(known.map((c) => c.group)).size;
  if (groups === 1) return known.length === cells.length ? 'same' : 'unknown';
  return groups === known.length ? 'different' : 'partial';
}

/**
 * Side by side, like two `lsns -p` outputs: one row per shown type, one cell per pick.
 * `comparePicks(index, [nginx, netshoot], NS_TYPES)` for myweb2 →
 * `{ shared: ['net','ipc','uts'], host: ['user','time'], differ: ['mnt','pid','cgroup'] }`.
 */
export function comparePicks(
  index: EntityIndex,
  keys: readonly string[],
  types: readonly NsType[] = NS_TYPES,
): Comparison {
  const picks: Pickable[] = [];
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    const e = index.byKey.get(key);
    if (e?.kind === 'process' || e?.kind === 'container') picks.push(e);
    else missing.push(key);
  }
  const maps = picks.map((p) => namespacesOf(index, p));
  const out: Comparison = {
    picks,
    missing,
    rows: [],
    shared: [],
    host: [],
    differ: [],
    unknown: [],
  };
  for (const type of NS_TYPES) {
    if (!types.includes(type)) continue;
    const groups = new Map<string, number>();
    const cells = maps.map((m): CompareCell | undefined => {
      const key = m[type];
      if (key === undefined) return undefined;
      const ns = index.byKey.get(key) as NamespaceEntity | undefined;
      if (!groups.has(key)) groups.set(key, groups.size);
      return {
        key,
        inode: ns?.inode ?? Number(key.slice(key.lastIndexOf(':') + 1)),
        scope: ns?.scope,
        group: groups.get(key)!,
      };
    });
    const verdict = verdictOf(cells);
    out.rows.push({ type, cells, verdict });
    if (verdict === 'same') (cells[0]?.scope === 'host' ? out.host : out.shared).push(type);
    else if (verdict === 'unknown') out.unknown.push(type);
    else out.differ.push(type);
  }
  return out;
}

/** `compare=` after toggling one key: added at the end, or removed. */
export function togglePick(picks: readonly string[], key: string): string[] {
  return picks.includes(key) ? picks.filter((k) => k !== key) : [...picks, key];
}

/**
 * Containers and processes for the picker, matching every word of `query` against their
 * search terms: containers first (sandbox first within a pod), then processes by PID.
 */
export function pickCandidates(index: EntityIndex, query: string): Pickable[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const containers: ContainerEntity[] = [];
  const processes: ProcessEntity[] = [];
  for (const e of index.byKey.values()) {
    if (e.kind !== 'container' && e.kind !== 'process') continue;
    // Also match the pod and container a pick belongs to, and `pause` for sandboxes.
    const owner = [e.pod, e.kind === 'process' ? e.container : undefined].map((k) =>
      k === undefined ? '' : (index.byKey.get(k)?.label.toLowerCase() ?? ''),
    );
    const terms = [...e.terms, ...owner, e.kind === 'container' && e.sandbox ? 'pause' : ''];
    if (!words.every((w) => terms.some((t) => t.includes(w)))) continue;
    if (e.kind === 'container') containers.push(e);
    else processes.push(e);
  }
  containers.sort(
    (a, b) =>
      (a.pod ?? '').localeCompare(b.pod ?? '') ||
      Number(b.sandbox) - Number(a.sandbox) ||
      a.label.localeCompare(b.label),
  );
  processes.sort((a, b) => a.node.localeCompare(b.node) || a.row.pid - b.row.pid);
  return [...containers, ...processes];
}
