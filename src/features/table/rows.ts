import {
  NS_TYPES,
  SCOPES,
  type NsType,
  type Scope,
  type Snapshot,
  type Summary,
} from '../../protocol/snapshot.ts';
import { containerKeyOf, namespaceKeyOf, podKeyOf } from '../../model/entities.ts';

/** A named member of a namespace, with its entity key so hovering it highlights it. */
export interface Member {
  key: string;
  name: string;
}

/** One row of the namespace table: what `lsns` prints, plus every member it cannot. */
export interface NsTableRow {
  key: string;
  node: string;
  type: NsType;
  inode: number;
  scope: Scope;
  /** NPROCS as a capture printed it, else the number of known member processes. */
  nprocs: number;
  /** Known member PIDs, ascending. */
  pids: number[];
  containers: Member[];
  pods: Member[];
  /** Lower-cased text the filter box searches. */
  text: string;
}

export const COLUMNS = [
  'type',
  'inode',
  'scope',
  'nprocs',
  'pids',
  'containers',
  'pods',
  'node',
] as const;
export type Column = (typeof COLUMNS)[number];
export interface Sort {
  column: Column;
  descending: boolean;
}
export const DEFAULT_SORT: Sort = { column: 'inode', descending: false };

const TYPE_RANK = new Map<NsType, number>(NS_TYPES.map((t, i) => [t, i]));

/**
 * The table's rows: one per classified namespace, members named as the snapshot names them.
 * `nsTableRows(snapshot, summary)[0]` → `{ type: 'mnt', inode: 4026531832, scope: 'host',
 * nprocs: 181, pids: [1], containers: [], pods: [], … }` for myweb2.
 */
export function nsTableRows(snapshot: Snapshot, summary: Summary): NsTableRow[] {
  const at = (node: string, id: string) => `${node}\u0000${id}`;
  const nsRows = new Map(snapshot.namespaces.map((n) => [at(n.node, String(n.inode)), n]));
  const ctrNames = new Map(snapshot.containers.map((c) => [at(c.node, c.id), c.name]));
  for (const pod of summary.pods)
    for (const c of pod.containers) {
      if (c.name) ctrNames.set(at(pod.node, c.id), c.name);
      // The sandbox has no name of its own in most captures: it is the pod's pause.
      else if (c.sandbox && !ctrNames.get(at(pod.node, c.id)))
        ctrNames.set(at(pod.node, c.id), 'pause');
    }
  const podNames = new Map(
    snapshot.pods.map((p) => [
      at(p.node, p.key),
      p.name ? (p.namespace ? `${p.namespace}/${p.name}` : p.name) : undefined,
    ]),
  );
  return summary.namespaces.map((ns) => {
    const row = nsRows.get(at(ns.node, String(ns.inode)));
    const pids = [...ns.pids].sort((a, b) => a - b);
    const containers = ns.containers.map((id) => ({
      key: containerKeyOf(ns.node, id),
      name: ctrNames.get(at(ns.node, id)) ?? id.slice(0, 13),
    }));
    const pods = ns.pods.map((p) => ({
      key: podKeyOf(ns.node, p),
      name: podNames.get(at(ns.node, p)) ?? p,
    }));
    const addresses = (row?.interfaces ?? []).flatMap((i) => [i.name, i.mac ?? '', ...i.addresses]);
    const text = [
      ns.type,
      ns.inode,
      `${ns.type}:[${ns.inode}]`,
      ns.scope,
      ns.node,
      row?.hostname ?? '',
      ...pids,
      ...containers.map((c) => c.name),
      ...ns.containers,
      ...pods.map((p) => p.name),
      ...addresses,
    ]
      .join(' ')
      .toLowerCase();
    return {
      key: namespaceKeyOf(ns.node, ns.inode),
      node: ns.node,
      type: ns.type,
      inode: ns.inode,
      scope: ns.scope,
      nprocs: row?.nprocs ?? pids.length,
      pids,
      containers,
      pods,
      text,
    };
  });
}

/**
 * Rows of the chosen types whose text holds every word of `query` (case-insensitive); a word
 * that names a type (`net`) means that type, not `netshoot`.
 * `filterRows(rows, 'net pod', NS_TYPES)` keeps the pod-shared net namespaces.
 */
export function filterRows(
  rows: readonly NsTableRow[],
  query: string,
  types: readonly NsType[],
): NsTableRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = new Set(types);
  const matches = (r: NsTableRow, w: string) =>
    TYPE_RANK.has(w as NsType) ? r.type === w : r.text.includes(w);
  return rows.filter((r) => shown.has(r.type) && words.every((w) => matches(r, w)));
}

const SCOPE_RANK = new Map(SCOPES.map((s, i) => [s, i]));
const names = (ms: readonly Member[]) => ms.map((m) => m.name).join(', ');
const text = new Intl.Collator('en', { numeric: true });

/** Compares two rows by one column; empty lists sort last in ascending order. */
function compareBy(column: Column, a: NsTableRow, b: NsTableRow): number {
  switch (column) {
    case 'type':
      return TYPE_RANK.get(a.type)! - TYPE_RANK.get(b.type)!;
    case 'inode':
      return a.inode - b.inode;
    case 'scope':
      return SCOPE_RANK.get(a.scope)! - SCOPE_RANK.get(b.scope)!;
    case 'nprocs':
      return a.nprocs - b.nprocs;
    case 'pids':
      return (a.pids[0] ?? Infinity) - (b.pids[0] ?? Infinity) || a.pids.length - b.pids.length;
    case 'containers':
    case 'pods': {
      const x = names(a[column]);
      const y = names(b[column]);
      return x === y ? 0 : x === '' ? 1 : y === '' ? -1 : text.compare(x, y);
    }
    case 'node':
      return text.compare(a.node, b.node);
  }
}

/**
 * A sorted copy: by the column, ties by node then inode (so the order is total and stable
 * across renders). `sortRows(rows, { column: 'nprocs', descending: true })[0]` is the busiest.
 */
export function sortRows(rows: readonly NsTableRow[], sort: Sort): NsTableRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      sign * compareBy(sort.column, a, b) || text.compare(a.node, b.node) || a.inode - b.inode,
  );
}

/** `sort=` in the hash: `nprocs` ascending, `-nprocs` descending; unknown → the default. */
export function readSort(param: string | undefined): Sort {
  const descending = param?.startsWith('-') ?? false;
  const column = (descending ? param!.slice(1) : param) as Column;
  return (COLUMNS as readonly string[]).includes(column) ? { column, descending } : DEFAULT_SORT;
}

/** The hash value for a sort; absent for the default. */
export function writeSort(sort: Sort): string | undefined {
  if (sort.column === DEFAULT_SORT.column && sort.descending === DEFAULT_SORT.descending)
    return undefined;
  return `${sort.descending ? '-' : ''}${sort.column}`;
}

/** Clicking a header: a new column sorts ascending (counts descending), the same one flips. */
export function nextSort(current: Sort, column: Column): Sort {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column === 'nprocs' };
}
