import type {
  ContainerRow,
  NamespaceRow,
  NsType,
  PodRow,
  ProcessRow,
  Scope,
  Snapshot,
  Summary,
  SummaryNamespace,
} from '../protocol/snapshot.ts';

/**
 * Every drawable entity of a snapshot under its contract §5 key, with the keys it relates to.
 * The views share this index: hover highlights `related`, the inspector shows an entity's
 * facts, search matches `terms`. Built once per snapshot, in O(processes + namespaces).
 */
export type EntityKind = 'pod' | 'container' | 'process' | 'namespace';

interface EntityBase {
  key: string;
  kind: EntityKind;
  node: string;
  /** A short human name: `pod myweb2`, `nginx`, `PID 4242 nginx`, `net:[4026532264]`. */
  label: string;
  /** Lower-cased words search matches against: PID, names, ids, inode, IPs, hostname. */
  terms: string[];
}

export interface PodEntity extends EntityBase {
  kind: 'pod';
  row: PodRow | undefined;
  podKey: string;
  containers: string[];
}
export interface ContainerEntity extends EntityBase {
  kind: 'container';
  row: ContainerRow | undefined;
  id: string;
  pod: string | undefined;
  sandbox: boolean;
  processes: string[];
  /** Every namespace any of its processes is in. */
  namespaces: string[];
  /**
   * The container's namespace of each type: that of its main process (contract §3), as the
   * classification says; for containers outside any pod, that of its lowest PID.
   */
  main: Partial<Record<NsType, string>>;
}
export interface ProcessEntity extends EntityBase {
  kind: 'process';
  row: ProcessRow;
  container: string | undefined;
  pod: string | undefined;
  namespaces: string[];
}
export interface NamespaceEntity extends EntityBase {
  kind: 'namespace';
  nsType: NsType;
  inode: number;
  scope: Scope;
  summary: SummaryNamespace;
  /** The snapshot's row: NPROCS, owner, parent, interfaces, hostname, as far as known. */
  row: NamespaceRow | undefined;
  processes: string[];
  containers: string[];
  pods: string[];
}

export type Entity = PodEntity | ContainerEntity | ProcessEntity | NamespaceEntity;

export interface EntityIndex {
  byKey: ReadonlyMap<string, Entity>;
  /** Namespace key by `node\0type\0inode`, for views that only know an inode. */
  nsKey: (node: string, type: NsType, inode: number) => string;
}

export const podKeyOf = (node: string, key: string): string => `pod:${node}:${key}`;
export const containerKeyOf = (node: string, id: string): string => `ctr:${node}:${id}`;
export const processKeyOf = (node: string, pid: number): string => `proc:${node}:${pid}`;
export const namespaceKeyOf = (node: string, inode: number): string => `ns:${node}:${inode}`;

export function buildEntityIndex(snapshot: Snapshot, summary: Summary): EntityIndex {
  const byKey = new Map<string, Entity>();
  const podRows = new Map(snapshot.pods.map((p) => [`${p.node}\u0000${p.key}`, p]));
  const ctrRows = new Map(snapshot.containers.map((c) => [`${c.node}\u0000${c.id}`, c]));

  for (const pod of summary.pods) {
    const row = podRows.get(`${pod.node}\u0000${pod.key}`);
    const key = podKeyOf(pod.node, pod.key);
    const name = pod.name ?? row?.name ?? pod.key;
    byKey.set(key, {
      key,
      kind: 'pod',
      node: pod.node,
      label: `pod ${name}`,
      terms: words([name, pod.key, row?.uid, row?.namespace, ...(row?.ips ?? [])]),
      row,
      podKey: pod.key,
      containers: pod.containers.map((c) => containerKeyOf(pod.node, c.id)),
    });
    for (const c of pod.containers) {
      const ckey = containerKeyOf(pod.node, c.id);
      const crow = ctrRows.get(`${pod.node}\u0000${c.id}`);
      const entity = containerEntity(ckey, pod.node, c.id, crow, key, c.sandbox, c.name);
      for (const [type, ns] of Object.entries(c.namespaces) as [NsType, { inode: number }][])
        entity.main[type] = namespaceKeyOf(pod.node, ns.inode);
      byKey.set(ckey, entity);
    }
  }
  // Containers outside any pod (plain podman/docker containers) are entities too.
  for (const row of snapshot.containers) {
    const ckey = containerKeyOf(row.node, row.id);
    if (byKey.has(ckey)) continue;
    const pod = row.pod !== undefined ? podKeyOf(row.node, row.pod) : undefined;
    byKey.set(ckey, containerEntity(ckey, row.node, row.id, row, pod, row.sandbox === true));
  }

  // A namespace's inode is unique on its node whatever its type (nsfs), so the key needs no type.
  const nsKey = (node: string, _type: NsType, inode: number): string => namespaceKeyOf(node, inode);
  const nsRows = new Map(snapshot.namespaces.map((n) => [`${n.node}\u0000${n.inode}`, n]));
  for (const ns of summary.namespaces) {
    const key = namespaceKeyOf(ns.node, ns.inode);
    const row = nsRows.get(`${ns.node}\u0000${ns.inode}`);
    const ips = (row?.interfaces ?? []).flatMap((i) => [
      i.name,
      ...(i.mac ? [i.mac] : []),
      ...i.addresses,
      ...i.addresses.map((a) => a.split('/')[0] ?? a),
    ]);
    byKey.set(key, {
      key,
      kind: 'namespace',
      node: ns.node,
      label: `${ns.type}:[${ns.inode}]`,
      terms: words([String(ns.inode), `${ns.type}:[${ns.inode}]`, row?.hostname, ...ips]),
      nsType: ns.type,
      inode: ns.inode,
      scope: ns.scope,
      summary: ns,
      row,
      processes: ns.pids.map((pid) => processKeyOf(ns.node, pid)),
      containers: ns.containers.map((id) => containerKeyOf(ns.node, id)),
      pods: ns.pods.map((p) => podKeyOf(ns.node, p)),
    });
  }

  // Processes by PID, so a container's stand-in main process is its lowest PID.
  const processes = [...snapshot.processes].sort((a, b) => a.pid - b.pid);
  for (const row of processes) {
    const key = processKeyOf(row.node, row.pid);
    const container =
      row.container !== undefined ? containerKeyOf(row.node, row.container) : undefined;
    const ctr = container !== undefined ? byKey.get(container) : undefined;
    const pod = ctr?.kind === 'container' ? ctr.pod : undefined;
    const namespaces = Object.entries(row.namespaces)
      .filter((e): e is [NsType, number] => typeof e[1] === 'number')
      .map(([type, inode]) => nsKey(row.node, type, inode));
    const exe = commandName(row.command);
    byKey.set(key, {
      key,
      kind: 'process',
      node: row.node,
      label: `PID ${row.pid}${exe ? ` ${exe}` : ''}`,
      terms: words([String(row.pid), exe, row.command, row.user]),
      row,
      container,
      pod,
      namespaces,
    });
    if (ctr?.kind === 'container') {
      ctr.processes.push(key);
      for (const n of namespaces) if (!ctr.namespaces.includes(n)) ctr.namespaces.push(n);
      // Outside a pod the classification names no main process: the lowest PID stands in.
      if (Object.keys(ctr.main).length === 0) {
        for (const [type, inode] of Object.entries(row.namespaces) as [NsType, number][])
          ctr.main[type] = nsKey(row.node, type, inode);
      }
    }
  }
  return { byKey, nsKey };
}

function containerEntity(
  key: string,
  node: string,
  id: string,
  row: ContainerRow | undefined,
  pod: string | undefined,
  sandbox: boolean,
  name = row?.name,
): ContainerEntity {
  return {
    key,
    kind: 'container',
    node,
    label: name ?? id.slice(0, 13),
    terms: words([name, id, row?.image]),
    row,
    id,
    pod,
    sandbox,
    processes: [],
    namespaces: [],
    main: {},
  };
}

/**
 * The keys that light up with `key`: the entity itself, what it contains, what contains it and
 * the namespaces it is in (or, for a namespace, its members). "What does this container share,
 * and with whom?" is answered by hovering it.
 */
export function relatedKeys(index: EntityIndex, key: string): Set<string> {
  const out = new Set<string>();
  const e = index.byKey.get(key);
  if (!e) return out;
  out.add(key);
  const add = (keys: Iterable<string | undefined>) => {
    for (const k of keys) if (k !== undefined) out.add(k);
  };
  switch (e.kind) {
    case 'namespace':
      add(e.processes);
      add(e.containers);
      add(e.pods);
      break;
    case 'process':
      add([e.container, e.pod]);
      add(e.namespaces);
      break;
    case 'container':
      add([e.pod]);
      add(e.processes);
      add(e.namespaces);
      break;
    case 'pod':
      add(e.containers);
      for (const c of e.containers) {
        const ce = index.byKey.get(c);
        if (ce?.kind === 'container') add(ce.namespaces);
      }
      break;
  }
  return out;
}

/**
 * Entities matching a search: a PID, a name, an inode (also `net:[4026532264]`), an IP or MAC.
 * Exact term matches rank before prefix and substring matches; at most `limit` results.
 */
export function searchEntities(index: EntityIndex, query: string, limit = 50): Entity[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const ranked: { e: Entity; rank: number }[] = [];
  for (const e of index.byKey.values()) {
    let rank = Infinity;
    for (const t of e.terms) {
      if (t === q) rank = Math.min(rank, 0);
      else if (t.startsWith(q)) rank = Math.min(rank, 1);
      else if (q.length >= 3 && t.includes(q)) rank = Math.min(rank, 2);
    }
    if (rank !== Infinity) ranked.push({ e, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind]);
  return ranked.slice(0, limit).map((r) => r.e);
}

const KIND_ORDER: Readonly<Record<EntityKind, number>> = {
  pod: 0,
  container: 1,
  process: 2,
  namespace: 3,
};

function words(values: readonly (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v) out.push(v.toLowerCase());
  return out;
}

/**
 * `'/usr/sbin/nginx -g daemon off;'` → `'nginx'`; a process title such as
 * `'nginx: master process …'` → `'nginx'`.
 */
export function commandName(command: string | undefined): string | undefined {
  if (!command) return undefined;
  const first = command.trim().split(/\s+/)[0] ?? '';
  const base = first.slice(first.lastIndexOf('/') + 1).replace(/:$/, '');
  return base === '' ? undefined : base;
}
