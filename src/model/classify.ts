import {
  NS_TYPES,
  type ContainerRow,
  type NsType,
  type ProcessRow,
  type Scope,
  type Snapshot,
  type Summary,
  type SummaryContainer,
  type SummaryNamespace,
  type SummaryPod,
} from '../protocol/snapshot.ts';
import { findHostNamespaces, type HostNamespaces } from './host.ts';
import { InodeMap, nsGet, nsSlot } from './nsMap.ts';

/**
 * The classification of contract §3: every namespace with its scope (host, pod, container,
 * cross-pod, unattributed), and per pod its containers (sandbox first, then by name) with the
 * namespace of each type that the container's main process is in. Linear in the snapshot size.
 */
export function classify(snapshot: Snapshot): Summary {
  const hosts = new Map<string, HostNamespaces>();
  const hostOf = (node: string): HostNamespaces => {
    let h = hosts.get(node);
    if (!h) {
      h = findHostNamespaces(snapshot, node);
      hosts.set(node, h);
    }
    return h;
  };
  const containers = new Map<string, ContainerRow>();
  for (const c of snapshot.containers) containers.set(`${c.node}\u0000${c.id}`, c);

  // Per node, per type (by index in NS_TYPES), inode → accumulator: numeric keys and one
  // node lookup per process keep this pass cheap on 10,000-process snapshots.
  const index = new Map<string, InodeMap<Acc>[]>();
  const order: Acc[] = [];
  const tablesOf = (node: string): InodeMap<Acc>[] => {
    let t = index.get(node);
    if (!t) {
      t = NS_TYPES.map(() => new InodeMap<Acc>());
      index.set(node, t);
    }
    return t;
  };
  const accIn = (table: InodeMap<Acc>, node: string, type: NsType, inode: number): Acc => {
    let a = table.get(inode);
    if (!a) {
      a = {
        node,
        type,
        inode,
        row: undefined,
        pids: undefined,
        pods: undefined,
        ctrs: undefined,
        groups: undefined,
        loose: false,
        last: undefined,
        unsorted: false,
      };
      table.set(inode, a);
      order.push(a);
    }
    return a;
  };
  for (const n of snapshot.namespaces)
    accIn(tablesOf(n.node)[nsSlot(n.type)]!, n.node, n.type, n.inode);
  // Per type, the inode and accumulator of the previous process on the same node: neighbours
  // mostly share namespaces (and a container), so their lookups are skipped.
  const prevInode: (number | undefined)[] = NS_TYPES.map(() => undefined);
  const prevAcc: (Acc | undefined)[] = NS_TYPES.map(() => undefined);
  let prevNode: string | undefined;
  let tables: InodeMap<Acc>[] = [];
  let lastCtr: string | undefined;
  let lastPod: string | undefined;
  const procs = snapshot.processes;
  for (let i = 0; i < procs.length; i++) {
    const p = procs[i]!;
    if (p.node !== prevNode) {
      prevNode = p.node;
      tables = tablesOf(p.node);
      prevInode.fill(undefined);
      prevAcc.fill(undefined);
      lastCtr = undefined;
      lastPod = undefined;
    }
    const ctr = p.container;
    if (ctr !== lastCtr) {
      lastCtr = ctr;
      lastPod = ctr === undefined ? undefined : containers.get(`${p.node}\u0000${ctr}`)?.pod;
    }
    const pod = lastPod;
    for (let t = 0; t < NS_TYPES.length; t++) {
      const type = NS_TYPES[t]!;
      const inode = nsGet(p.namespaces, type);
      if (inode === undefined) continue;
      let a = prevAcc[t];
      if (a === undefined || prevInode[t] !== inode) {
        a = accIn(tables[t]!, p.node, type, inode);
        prevInode[t] = inode;
        prevAcc[t] = a;
      }
      const pids = a.pids;
      // The first PID makes a one-element array: a push onto an empty one would reserve room
      // for 17, and most namespaces of a big capture list one or two processes.
      if (pids === undefined) a.pids = [p.pid];
      else {
        if (p.pid < pids[pids.length - 1]!) a.unsorted = true;
        pids.push(p.pid);
      }
      if (ctr === undefined) a.loose = true;
      else if (a.last !== ctr) {
        // Consecutive processes usually share a container: skip the set work for repeats.
        a.last = ctr;
        (a.ctrs ??= new Set()).add(ctr);
        // A container outside any pod is a group of its own, so sharing between two such
        // containers (docker --net=container:) reads as cross-group, not as one pod.
        (a.groups ??= new Set()).add(pod !== undefined ? `pod:${pod}` : `ctr:${ctr}`);
        if (pod !== undefined) (a.pods ??= new Set()).add(pod);
      }
    }
  }
  const namespaces: SummaryNamespace[] = [];
  for (const a of order) {
    // Processes come sorted by PID: most lists are in order already.
    const pids = a.pids === undefined ? [] : a.unsorted ? a.pids.sort((x, y) => x - y) : a.pids;
    const row: SummaryNamespace = {
      node: a.node,
      type: a.type,
      inode: a.inode,
      scope: scope(a, hostOf(a.node).inodes[a.type] === a.inode),
      pods: a.pods ? [...a.pods].sort() : [],
      containers: a.ctrs ? [...a.ctrs].sort() : [],
      pids,
    };
    a.row = row;
    namespaces.push(row);
  }
  const scopeOf = (node: string, type: NsType, inode: number): Scope =>
    index.get(node)?.[nsSlot(type)]?.get(inode)?.row?.scope ?? 'unattributed';
  return { namespaces, pods: summarizePods(snapshot, scopeOf) };
}

/**
 * What classification gathers about one namespace; its summary row is made once everything is
 * in. The sets are made on the first container member: most namespaces of a big capture (every
 * one of a host-only list) never get one, and three empty sets per namespace were a good part
 * of the cost of classifying.
 */
interface Acc {
  node: string;
  type: NsType;
  inode: number;
  row: SummaryNamespace | undefined;
  /** Member PIDs in the order met (`row.pids` once sorted); made on the first one. */
  pids: number[] | undefined;
  pods: Set<string> | undefined;
  ctrs: Set<string> | undefined;
  groups: Set<string> | undefined;
  loose: boolean;
  /** The container of the last member added. */
  last: string | undefined;
  /** A PID smaller than the one before it was added to `row.pids`. */
  unsorted: boolean;
}

function scope(
  a: { ctrs: Set<string> | undefined; groups: Set<string> | undefined; loose: boolean },
  isHost: boolean,
): Scope {
  if (isHost) return 'host';
  if (a.loose || a.ctrs === undefined || a.ctrs.size === 0) return 'unattributed';
  if (a.groups !== undefined && a.groups.size >= 2) return 'cross-pod';
  if (a.ctrs.size === 1) return 'container';
  return 'pod';
}

function summarizePods(
  s: Snapshot,
  scopeOf: (node: string, type: NsType, inode: number) => Scope,
): SummaryPod[] {
  const procsByCtr = new Map<string, ProcessRow[]>();
  // A container's processes mostly come one after another: its list is kept at hand rather
  // than looked up under a key made anew for every process.
  let lastNode: string | undefined;
  let lastCtr: string | undefined;
  let lastList: ProcessRow[] = [];
  for (const p of s.processes) {
    if (p.container === undefined) continue;
    if (p.container === lastCtr && p.node === lastNode) {
      lastList.push(p);
      continue;
    }
    lastNode = p.node;
    lastCtr = p.container;
    const k = `${p.node}\u0000${p.container}`;
    let list = procsByCtr.get(k);
    if (list) list.push(p);
    else procsByCtr.set(k, (list = [p]));
    lastList = list;
  }
  const byPod = new Map<string, ContainerRow[]>();
  for (const c of s.containers) {
    if (c.pod === undefined) continue;
    const k = `${c.node}\u0000${c.pod}`;
    const list = byPod.get(k);
    if (list) list.push(c);
    else byPod.set(k, [c]);
  }
  const pods: SummaryPod[] = [];
  for (const pod of s.pods) {
    const rows = (byPod.get(`${pod.node}\u0000${pod.key}`) ?? []).slice();
    rows.sort(
      (a, b) =>
        Number(b.sandbox === true) - Number(a.sandbox === true) ||
        (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') ||
        a.id.localeCompare(b.id),
    );
    const containers = rows.map((c): SummaryContainer => {
      const procs = procsByCtr.get(`${c.node}\u0000${c.id}`) ?? [];
      const main = mainProcess(procs, c.pid);
      const out: SummaryContainer = {
        id: c.id,
        sandbox: c.sandbox === true,
        pids: procs.map((p) => p.pid).sort((x, y) => x - y),
        namespaces: {},
      };
      if (c.name !== undefined) out.name = c.name;
      for (const type of NS_TYPES) {
        const inode =
          main?.namespaces[type] ??
          procs.find((p) => p.namespaces[type] !== undefined)?.namespaces[type];
        if (inode === undefined) continue;
        out.namespaces[type] = {
          inode,
          scope: scopeOf(c.node, type, inode),
        };
      }
      return out;
    });
    const out: SummaryPod = { node: pod.node, key: pod.key, containers };
    const name = pod.namespace && pod.name ? `${pod.namespace}/${pod.name}` : pod.name;
    if (name !== undefined) out.name = name;
    pods.push(out);
  }
  return pods;
}

/**
 * A container's main process: PID 1 of its pid namespace where known (NSpid, or the runtime's
 * container PID), else a process whose parent is outside its pid namespace (the namespace's
 * init — this skips `unshare --fork` wrappers left in the host pid namespace), else the lowest PID.
 */
export function mainProcess(
  procs: readonly ProcessRow[],
  runtimePid?: number,
): ProcessRow | undefined {
  if (procs.length === 0) return undefined;
  const byNsPid = procs.find((p) => p.nsPid === 1);
  if (byNsPid) return byNsPid;
  if (runtimePid !== undefined) {
    const r = procs.find((p) => p.pid === runtimePid);
    if (r) return r;
  }
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const inits = procs.filter((p) => {
    const parent = p.ppid === undefined ? undefined : byPid.get(p.ppid);
    if (!parent) return false;
    return (
      parent.namespaces.pid !== undefined &&
      p.namespaces.pid !== undefined &&
      parent.namespaces.pid !== p.namespaces.pid
    );
  });
  const pool = inits.length > 0 ? inits : procs;
  return pool.reduce((a, b) => (b.pid < a.pid ? b : a));
}
