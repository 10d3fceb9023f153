import {
  NS_TYPES,
  type NsType,
  type ProcessRow,
  type Snapshot,
  type Summary,
  type SummaryNamespace,
} from '../protocol/snapshot.ts';

/** A container as the layout draws it. */
export interface CtrModel {
  key: string;
  id: string;
  name: string | undefined;
  sandbox: boolean;
  pids: number[];
  /** Namespaces of this container alone (scope container), drawn as chips on it. */
  own: SummaryNamespace[];
  /** Types in which the container is in the host's namespace (folded links). */
  hostTypes: NsType[];
}

/** A pod, or the group of a node's containers that belong to no pod. */
export interface PodModel {
  key: string;
  isGroup: boolean;
  title: string;
  meta: string;
  containers: CtrModel[];
  /** Pod-shared namespaces, for the rail. */
  shared: SummaryNamespace[];
}

export interface NodeModel {
  name: string;
  kernel: string | undefined;
  pods: PodModel[];
  host: SummaryNamespace[];
  cross: SummaryNamespace[];
  loose: SummaryNamespace[];
}

export const nsKey = (n: { node: string; inode: number }): string => `ns:${n.node}:${n.inode}`;
export const ctrKey = (node: string, id: string): string => `ctr:${node}:${id}`;
export const podKey = (node: string, key: string): string => `pod:${node}:${key}`;
export const procKey = (node: string, pid: number): string => `proc:${node}:${pid}`;

const byTypeThenInode = (a: SummaryNamespace, b: SummaryNamespace): number =>
  NS_TYPES.indexOf(a.type) - NS_TYPES.indexOf(b.type) || a.inode - b.inode;

/**
 * Groups the classification by node → pod → container and decides where each namespace is
 * drawn (exactly once): host band, pod rail, container chip, bridge lane or the group of
 * namespaces with no known container. Everything sorted, so the picture is deterministic.
 */
export function buildModel(snapshot: Snapshot, summary: Summary): NodeModel[] {
  const nodes = new Map<string, NodeModel>();
  const nodeOf = (name: string): NodeModel => {
    let n = nodes.get(name);
    if (!n) {
      const info = snapshot.nodes.find((x) => x.name === name);
      n = { name, kernel: info?.kernel, pods: [], host: [], cross: [], loose: [] };
      nodes.set(name, n);
    }
    return n;
  };
  for (const n of snapshot.nodes) nodeOf(n.name);

  const ctrs = new Map<string, CtrModel>();
  const pods = new Map<string, PodModel>();
  for (const pod of summary.pods) {
    const model: PodModel = {
      key: podKey(pod.node, pod.key),
      isGroup: false,
      title: podTitle(snapshot, pod.node, pod.key, pod.name),
      meta: podAddresses(snapshot, pod.node, pod.containers),
      containers: pod.containers.map((c) => {
        const m: CtrModel = {
          key: ctrKey(pod.node, c.id),
          id: c.id,
          name: c.name,
          sandbox: c.sandbox,
          pids: [...c.pids].sort((a, b) => a - b),
          own: [],
          hostTypes: [],
        };
        ctrs.set(m.key, m);
        return m;
      }),
      shared: [],
    };
    pods.set(model.key, model);
    nodeOf(pod.node).pods.push(model);
  }
  addStandalone(snapshot, nodeOf, ctrs);

  for (const ns of [...summary.namespaces].sort(byTypeThenInode)) {
    const node = nodeOf(ns.node);
    const members = ns.containers.map((id) => ctrs.get(ctrKey(ns.node, id)));
    if (ns.scope === 'host') {
      node.host.push(ns);
      for (const m of members) if (m && !m.hostTypes.includes(ns.type)) m.hostTypes.push(ns.type);
      continue;
    }
    const pod = ns.pods.length === 1 ? pods.get(podKey(ns.node, ns.pods[0]!)) : undefined;
    if (ns.scope === 'pod' && pod) pod.shared.push(ns);
    else if (ns.scope === 'container' && members.length === 1 && members[0])
      members[0].own.push(ns);
    else if (ns.scope === 'cross-pod' && members.some((m) => m)) node.cross.push(ns);
    else node.loose.push(ns);
  }
  for (const c of ctrs.values())
    c.hostTypes.sort((a, b) => NS_TYPES.indexOf(a) - NS_TYPES.indexOf(b));
  const out = [...nodes.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const n of out)
    n.pods.sort(
      (a, b) =>
        Number(a.isGroup) - Number(b.isGroup) ||
        a.title.localeCompare(b.title) ||
        a.key.localeCompare(b.key),
    );
  return out;
}

/** Containers outside any pod (plain docker or podman) form one group per node. */
function addStandalone(
  snapshot: Snapshot,
  nodeOf: (name: string) => NodeModel,
  ctrs: Map<string, CtrModel>,
): void {
  const pidsOf = new Map<string, number[]>();
  for (const p of snapshot.processes) {
    if (p.container === undefined) continue;
    const k = ctrKey(p.node, p.container);
    const list = pidsOf.get(k);
    if (list) list.push(p.pid);
    else pidsOf.set(k, [p.pid]);
  }
  const groups = new Map<string, PodModel>();
  const loose = snapshot.containers
    .filter((c) => c.pod === undefined && !ctrs.has(ctrKey(c.node, c.id)))
    .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id) || a.id.localeCompare(b.id));
  for (const c of loose) {
    let g = groups.get(c.node);
    if (!g) {
      g = {
        key: `group:${c.node}:standalone`,
        isGroup: true,
        title: 'containers outside any pod',
        meta: '',
        containers: [],
        shared: [],
      };
      groups.set(c.node, g);
      nodeOf(c.node).pods.push(g);
    }
    const m: CtrModel = {
      key: ctrKey(c.node, c.id),
      id: c.id,
      name: c.name,
      sandbox: false,
      pids: (pidsOf.get(ctrKey(c.node, c.id)) ?? []).sort((a, b) => a - b),
      own: [],
      hostTypes: [],
    };
    ctrs.set(m.key, m);
    g.containers.push(m);
  }
}

function podTitle(s: Snapshot, node: string, key: string, name: string | undefined): string {
  const row = s.pods.find((p) => p.node === node && p.key === key);
  if (row?.name) return row.namespace ? `${row.namespace}/${row.name}` : row.name;
  return name ?? key;
}

/** The pod's addresses from its sandbox's net namespace, e.g. `10.244.1.6/24`. */
function podAddresses(
  s: Snapshot,
  node: string,
  containers: readonly {
    sandbox: boolean;
    namespaces: Partial<Record<NsType, { inode: number }>>;
  }[],
): string {
  const holder = containers.find((c) => c.sandbox) ?? containers[0];
  const inode = holder?.namespaces.net?.inode;
  if (inode === undefined) return '';
  const net = s.namespaces.find((n) => n.node === node && n.type === 'net' && n.inode === inode);
  return (net?.interfaces ?? [])
    .filter((i) => i.name !== 'lo')
    .flatMap((i) => i.addresses.filter((a) => !a.startsWith('fe80:')))
    .join(', ');
}

/** Processes by `node:pid`, for commands on process lines. */
export function processIndex(s: Snapshot): Map<string, ProcessRow> {
  return new Map(s.processes.map((p) => [procKey(p.node, p.pid), p]));
}
