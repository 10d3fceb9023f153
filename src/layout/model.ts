import {
  NS_TYPES,
  type NamespaceRow,
  type NsType,
  type PodRow,
  type ProcessRow,
  type Snapshot,
  type Summary,
  type SummaryNamespace,
} from '../protocol/snapshot.ts';
import { EN_WORDS, type SceneWords } from './words.ts';

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

export interface ModelOptions {
  /** Types drawn; namespaces of other types are left out (default all). */
  types?: ReadonlySet<NsType>;
  /** Only this pod (and its node) is drawn. */
  focus?: string | undefined;
  words?: SceneWords;
}

/**
 * Groups the classification by node → pod → container and decides where each namespace is
 * drawn (exactly once): host band, pod rail, container chip, bridge lane or the group of
 * namespaces with no known container. Everything sorted, so the picture is deterministic.
 * With `focus`, only that pod's node, the pod and the namespaces it uses are kept.
 */
export function buildModel(
  snapshot: Snapshot,
  summary: Summary,
  options: ModelOptions = {},
): NodeModel[] {
  const words = options.words ?? EN_WORDS;
  const focus = summary.pods.some((p) => podKey(p.node, p.key) === options.focus)
    ? options.focus
    : undefined;
  const podRows = new Map<string, PodRow>(snapshot.pods.map((p) => [podKey(p.node, p.key), p]));
  const netRows = new Map<string, NamespaceRow>();
  for (const n of snapshot.namespaces) if (n.type === 'net') netRows.set(nsKey(n), n);
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
  const focusNode = focus
    ? summary.pods.find((p) => podKey(p.node, p.key) === focus)?.node
    : undefined;
  for (const n of snapshot.nodes)
    if (focusNode === undefined || n.name === focusNode) nodeOf(n.name);

  const ctrs = new Map<string, CtrModel>();
  const pods = new Map<string, PodModel>();
  for (const pod of summary.pods) {
    const key = podKey(pod.node, pod.key);
    if (focus !== undefined && key !== focus) continue;
    const model: PodModel = {
      key,
      isGroup: false,
      title: podTitle(podRows.get(key), pod.key, pod.name),
      meta: podAddresses(netRows, pod.node, pod.containers),
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
  if (focus === undefined) addStandalone(snapshot, nodeOf, ctrs, words);

  for (const ns of [...summary.namespaces].sort(byTypeThenInode)) {
    if (options.types && !options.types.has(ns.type)) continue;
    if (focusNode !== undefined && ns.node !== focusNode) continue;
    const members = ns.containers.map((id) => ctrs.get(ctrKey(ns.node, id)));
    // Focused on one pod: the host's namespaces stay (context), others only if the pod uses them.
    if (focus !== undefined && ns.scope !== 'host' && !members.some((m) => m)) continue;
    const node = nodeOf(ns.node);
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
  words: SceneWords,
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
        title: words.standalone,
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

function podTitle(row: PodRow | undefined, key: string, name: string | undefined): string {
  if (row?.name) return row.namespace ? `${row.namespace}/${row.name}` : row.name;
  return name ?? key;
}

/** The pod's addresses from its sandbox's net namespace, e.g. `10.244.1.6/24`. */
function podAddresses(
  nets: ReadonlyMap<string, NamespaceRow>,
  node: string,
  containers: readonly {
    sandbox: boolean;
    namespaces: Partial<Record<NsType, { inode: number }>>;
  }[],
): string {
  const holder = containers.find((c) => c.sandbox) ?? containers[0];
  const inode = holder?.namespaces.net?.inode;
  if (inode === undefined) return '';
  const net = nets.get(nsKey({ node, inode }));
  return (net?.interfaces ?? [])
    .filter((i) => i.name !== 'lo')
    .flatMap((i) => i.addresses.filter((a) => !a.startsWith('fe80:')))
    .join(', ');
}

/** Processes by `node:pid`, for commands on process lines. */
export function processIndex(s: Snapshot): Map<string, ProcessRow> {
  return new Map(s.processes.map((p) => [procKey(p.node, p.pid), p]));
}
