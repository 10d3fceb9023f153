import type {
  ProcessRow,
  Snapshot,
  SummaryContainer,
  SummaryNamespace,
  SummaryPod,
} from '../protocol/snapshot.ts';
import { containerKeyOf, namespaceKeyOf, podKeyOf } from './entities.ts';
import type { DiffSide } from './diffTypes.ts';

/**
 * One side of a diff, indexed for matching (diff.ts): processes and namespaces by node and
 * number, with the node names of `before` mapped to `after`'s; pods with what matches them
 * again when made anew (namespace/name, each container's role). Also what makes two of them
 * *the same* entity: a process by its start time or command, a namespace by a holder in common.
 */

/** Separates node and number in the index keys. */
export const sep = '\u0000';

export interface PodInfo {
  pod: SummaryPod;
  label: string;
  /** namespace/name, for matching a pod made again. */
  ident: string | undefined;
  containers: CtrInfo[];
}
export interface CtrInfo {
  c: SummaryContainer;
  label: string;
  /** The container's role in its pod: `sandbox`, or its name without the pod's prefix. */
  role: string | undefined;
}
export interface Side {
  /** Mapped node + pid → process. */
  procs: Map<string, ProcessRow>;
  /** Mapped node + inode → namespace. */
  ns: Map<string, SummaryNamespace>;
  nsKey: (n: SummaryNamespace) => string;
  pods: PodInfo[];
  podRows: Map<string, { qos?: string; ips?: string[] }>;
  ctrRows: Map<string, { name?: string; image?: string; state?: string }>;
  /** Containers in no pod: key → node. */
  loose: Map<string, string>;
  node: (n: string) => string;
}

export function sideIndex({ snapshot, summary }: DiffSide, node: (n: string) => string): Side {
  const procs = new Map<string, ProcessRow>();
  for (const p of snapshot.processes) procs.set(`${node(p.node)}${sep}${p.pid}`, p);
  const ns = new Map<string, SummaryNamespace>();
  for (const n of summary.namespaces) ns.set(`${node(n.node)}${sep}${n.inode}`, n);
  const podRows = new Map(snapshot.pods.map((p) => [podKeyOf(p.node, p.key), p]));
  const ctrRows = new Map(snapshot.containers.map((c) => [containerKeyOf(c.node, c.id), c]));
  const inPods = new Set<string>();
  const pods = summary.pods.map((pod): PodInfo => {
    const row = podRows.get(podKeyOf(pod.node, pod.key));
    const name = pod.name ?? row?.name;
    const ns = row?.namespace;
    const label = name
      ? ns && !name.includes('/')
        ? `${ns}/${name}`
        : name
      : pod.key.slice(0, 13);
    return {
      pod,
      label,
      ident: name ? `${node(pod.node)}${sep}${ns ?? ''}/${name}` : undefined,
      containers: pod.containers.map((c) => {
        inPods.add(containerKeyOf(pod.node, c.id));
        const cname = c.name ?? ctrRows.get(containerKeyOf(pod.node, c.id))?.name;
        const role = c.sandbox
          ? 'sandbox'
          : cname && name && cname.startsWith(`${name}-`)
            ? cname.slice(name.length + 1)
            : cname;
        return { c, label: cname ?? (c.sandbox ? 'pause' : c.id.slice(0, 13)), role };
      }),
    };
  });
  const loose = new Map<string, string>();
  for (const c of snapshot.containers) {
    const key = containerKeyOf(c.node, c.id);
    if (!inPods.has(key)) loose.set(key, c.node);
  }
  return {
    procs,
    ns,
    nsKey: (n) => namespaceKeyOf(n.node, n.inode),
    pods,
    podRows,
    ctrRows,
    loose,
    node,
  };
}

/** One node on each side under different names: the same node, renamed (or recaptured). */
export function nodeRenames(b: Snapshot, a: Snapshot): { before: string; after: string }[] {
  const names = (s: Snapshot) => new Set([...s.nodes.map((n) => n.name)]);
  const bn = [...names(b)];
  const an = [...names(a)];
  return bn.length === 1 && an.length === 1 && bn[0] !== an[0]
    ? [{ before: bn[0]!, after: an[0]! }]
    : [];
}

/** What makes a PID the same process: its start time, else its command. */
export function sameProcess(b: ProcessRow, a: ProcessRow): boolean {
  if (b.startTime !== undefined && a.startTime !== undefined) return b.startTime === a.startTime;
  return b.command === undefined || a.command === undefined || b.command === a.command;
}

export function sameHolder(B: Side, b: SummaryNamespace, A: Side, a: SummaryNamespace): boolean {
  if (b.scope === 'host' && a.scope === 'host') return true;
  if (b.pids.length + b.containers.length === 0 || a.pids.length + a.containers.length === 0)
    return true;
  const ctrs = new Set(b.containers);
  if (a.containers.some((c) => ctrs.has(c))) return true;
  const pids = new Set(b.pids);
  for (const pid of a.pids) {
    if (!pids.has(pid)) continue;
    const bp = B.procs.get(`${B.node(b.node)}${sep}${pid}`);
    const ap = A.procs.get(`${a.node}${sep}${pid}`);
    if (bp && ap && sameProcess(bp, ap)) return true;
  }
  return false;
}
