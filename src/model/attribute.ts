import type { ContainerRow, PodRow, ProcessRow, Snapshot } from '../protocol/snapshot.ts';
import { attributeCgroupPath, type CgroupAttribution } from './cgroupPath.ts';
import type { MergeIssue } from './merge.ts';
import { PodIdentity, resolvePrefixes } from './podIdentity.ts';
import { mergeFields } from './rowMerge.ts';

/** Commands of sandbox (infra) processes: kubelet's pause image and podman's catatonit. */
const SANDBOX_COMMAND = /^(?:\S*\/)?(?:pause|catatonit\s+-P)(?:\s|$)/;

/**
 * Ties processes to containers and containers to pods, in place, on a merged snapshot:
 * full ids replace truncated ones, cgroup paths name containers and pods, a runtime's container
 * PID claims its process, children inherit their parent's container while they stay in its
 * mnt and pid namespaces, and each pod's sandbox is recognised. PIDs are unique per node, as
 * `mergeFragments` leaves them.
 */
export function attributeProcesses(s: Snapshot): MergeIssue[] {
  const issues: MergeIssue[] = [];
  // Nodes in the order they first appear in containers, processes, then pods; one pass over the
  // processes lists each node's (they come in runs of one node).
  const order = new Set<string>();
  for (const c of s.containers) order.add(c.node);
  const procsOf = new Map<string, ProcessRow[]>();
  let last: string | undefined;
  let run: ProcessRow[] = [];
  const all = s.processes;
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    if (p.node !== last) {
      last = p.node;
      let list = procsOf.get(last);
      if (!list) procsOf.set(last, (list = []));
      run = list;
      order.add(last);
    }
    run.push(p);
  }
  for (const p of s.pods) order.add(p.node);
  for (const node of order) attributeNode(s, node, procsOf.get(node) ?? [], issues);
  return issues;
}

function attributeNode(
  s: Snapshot,
  node: string,
  procs: readonly ProcessRow[],
  issues: MergeIssue[],
): void {
  // PID → process, built on first use: captures whose processes all have cgroup paths and no
  // runtime PIDs never need it. (Loops over `procs` are indexed: this runs once per parse,
  // mostly unoptimized, where for…of allocates per element.)
  let pidIndex: Map<number, ProcessRow> | undefined;
  const byPid = (pid: number): ProcessRow | undefined => {
    if (!pidIndex) {
      pidIndex = new Map();
      for (let i = 0; i < procs.length; i++) pidIndex.set(procs[i]!.pid, procs[i]!);
    }
    return pidIndex.get(pid);
  };
  const containers = new Map<string, ContainerRow>();
  const pods = new Map<string, PodRow>();
  for (const c of s.containers) if (c.node === node) containers.set(c.id, c);
  for (const p of s.pods) if (p.node === node) pods.set(p.key, p);

  // 1. Cgroup paths: the kernel's own record of which container a process runs in.
  // Many processes share one cgroup path: read each distinct path once. `fromCgroup[i]` is
  // what the path of `procs[i]` says.
  const byPath = new Map<string, CgroupAttribution | undefined>();
  const fromCgroup: (CgroupAttribution | undefined)[] = [];
  let lastPath: string | undefined;
  let lastAttribution: CgroupAttribution | undefined;
  for (let i = 0; i < procs.length; i++) {
    const path = procs[i]!.cgroup;
    if (path !== undefined && path !== lastPath) {
      // Neighbours usually share the path (a container's processes): compare, don't hash.
      lastPath = path;
      lastAttribution = byPath.get(path);
      if (lastAttribution === undefined && !byPath.has(path)) {
        lastAttribution = readCgroupPath(path);
        byPath.set(path, lastAttribution);
      }
    }
    fromCgroup.push(path === undefined ? undefined : lastAttribution);
  }

  // 2. One id per container: truncated ids (crictl tables) resolve to full ones.
  const allIds = new Set<string>(containers.keys());
  for (const a of byPath.values()) if (a) allIds.add(a.containerId);
  for (let i = 0; i < procs.length; i++) {
    const c = procs[i]!.container;
    if (c) allIds.add(c);
  }
  for (const pod of pods.values()) {
    allIds.add(pod.key);
    if (pod.sandboxId) allIds.add(pod.sandboxId);
  }
  for (const c of containers.values()) if (c.pod) allIds.add(c.pod);
  const full = resolvePrefixes(allIds);
  const canon = (id: string): string => full.get(id) ?? id;
  for (const [id, c] of [...containers]) {
    const target = canon(id);
    if (target === id) continue;
    containers.delete(id);
    const kept = containers.get(target);
    if (kept)
      mergeFields(kept, c, new Set(['node', 'id']), (f, a, b) =>
        issues.push({
          level: 'warning',
          message: `container ${target}: ${f} is ${String(a)} and ${String(b)}; keeping ${String(a)}`,
        }),
      );
    else containers.set(target, { ...c, id: target });
  }
  const container = (id: string): ContainerRow => {
    let c = containers.get(id);
    if (!c) {
      c = { node, id };
      containers.set(id, c);
    }
    return c;
  };

  // 3. Pod identity: UIDs, sandbox ids and podman pod ids of one pod become one key.
  const ident = new PodIdentity();
  for (const pod of pods.values()) {
    ident.add(pod.key);
    // Full ids only: a truncated key (crictl tables) must not outrank its own full form.
    ident.markKey(canon(pod.key));
    if (pod.uid) {
      ident.markUid(pod.uid);
      ident.union(pod.key, pod.uid);
    }
    if (pod.sandboxId) ident.union(pod.key, canon(pod.sandboxId));
  }
  for (const c of containers.values()) {
    if (c.pod) ident.markKey(canon(c.pod));
    if (c.pod) ident.union(c.pod, canon(c.pod));
    if (c.pod && c.sandbox) ident.union(c.pod, c.id);
  }
  // Container and pod facts once per distinct cgroup path, then each process gets its id.
  for (const a of byPath.values()) {
    if (!a) continue;
    const id = canon(a.containerId);
    const podName = a.podUid ?? a.podmanPodId;
    const c = container(id);
    if (c.runtime === undefined && a.runtime !== 'unknown') c.runtime = a.runtime;
    if (podName) {
      if (a.podUid) ident.markUid(a.podUid);
      else ident.markKey(podName);
      ident.union(podName, id);
      if (c.pod) ident.union(c.pod, podName);
      else c.pod = podName;
      const pod = pods.get(podName) ?? { node, key: podName };
      if (a.podUid) pod.uid = a.podUid;
      if (a.qos && pod.qos === undefined) pod.qos = a.qos;
      pods.set(podName, pod);
    }
  }
  let lastSeen: CgroupAttribution | undefined;
  let ctrId = '';
  for (let i = 0; i < procs.length; i++) {
    const a = fromCgroup[i];
    if (!a) continue;
    if (a !== lastSeen) {
      lastSeen = a;
      ctrId = canon(a.containerId);
    }
    const p = procs[i]!;
    if (p.container && canon(p.container) !== ctrId) {
      issues.push({
        level: 'warning',
        message: `PID ${p.pid}: its cgroup names container ${ctrId}, another input says ${p.container}; keeping the cgroup's`,
      });
    }
    p.container = ctrId;
  }
  // Pods merge under their canonical key; a sandbox id that only named the pod is dropped.
  const podRows = new Map<string, PodRow>();
  for (const pod of pods.values()) {
    const key = ident.find(pod.key);
    const kept = podRows.get(key);
    if (kept) mergeFields(kept, pod, new Set(['node', 'key']), () => undefined);
    else podRows.set(key, { ...pod, key });
  }
  for (const c of containers.values()) {
    if (c.pod !== undefined) {
      c.pod = ident.find(c.pod);
      if (!podRows.has(c.pod)) podRows.set(c.pod, { node, key: c.pod });
    }
  }
  for (const pod of podRows.values()) if (pod.sandboxId) pod.sandboxId = canon(pod.sandboxId);

  // 4. A runtime's container PID claims its process, and children follow their parent.
  for (const c of containers.values()) {
    if (c.pid === undefined) continue;
    const p = byPid(c.pid);
    if (p && p.container === undefined) p.container = c.id;
  }
  for (let i = 0; i < procs.length; i++) {
    const p = procs[i]!;
    if (p.container === undefined) continue;
    const c = full.get(p.container);
    if (c !== undefined) p.container = c;
  }
  inheritContainers(procs, byPid);

  // 5. The sandbox: named by the runtime, else the container whose process is pause/catatonit.
  for (const pod of podRows.values()) {
    if (pod.sandboxId && containers.has(pod.sandboxId))
      containers.get(pod.sandboxId)!.sandbox = true;
  }
  const sandboxByCommand = new Set<string>();
  for (let i = 0; i < procs.length; i++) {
    const p = procs[i]!;
    const command = p.command;
    // `includes` first: it rules out nearly every process far cheaper than the pattern does.
    if (
      p.container !== undefined &&
      command !== undefined &&
      (command.includes('pause') || command.includes('catatonit')) &&
      SANDBOX_COMMAND.test(command)
    ) {
      sandboxByCommand.add(p.container);
    }
  }
  for (const c of containers.values()) {
    if (c.sandbox === undefined && sandboxByCommand.has(c.id) && c.pod !== undefined)
      c.sandbox = true;
    if (c.sandbox && c.pod !== undefined) {
      const pod = podRows.get(c.pod);
      if (pod && pod.sandboxId === undefined) pod.sandboxId = c.id;
    }
  }

  s.containers = [...s.containers.filter((c) => c.node !== node), ...containers.values()];
  s.pods = [...s.pods.filter((p) => p.node !== node), ...podRows.values()];
}

/** A podman pod's cgroupfs parent: `/libpod_parent/<pod id>` (systemd: `machine-libpod_pod_<id>`). */
const PODMAN_POD_PARENT =
  /(?:^|\/)(?:libpod_parent\/|machine-libpod_pod_)([0-9a-f]{64})(?:\/|\.slice|$)/;

/**
 * What a cgroup path says, except that a podman pod's own cgroup (`/libpod_parent/<pod
 * id>/conmon`, where the pod's conmon processes live with the cgroupfs driver) names the pod,
 * not a container: its processes are runtime helpers of no container.
 */
function readCgroupPath(path: string): CgroupAttribution | undefined {
  const a = attributeCgroupPath(path);
  if (a === undefined || a.podmanPodId !== undefined || a.runtime !== 'podman') return a;
  const pod = PODMAN_POD_PARENT.exec(path);
  return pod && pod[1] === a.containerId ? undefined : a;
}

/**
 * A process with no container of its own (no cgroup path, no runtime record) belongs to its
 * parent's container while it shares the parent's mnt and pid namespaces: `kubectl exec` shells
 * and an app's workers, in captures that lack cgroup data.
 */
function inheritContainers(
  procs: readonly ProcessRow[],
  byPid: (pid: number) => ProcessRow | undefined,
): void {
  const resolve = (p: ProcessRow, depth: number): string | undefined => {
    if (p.container !== undefined || depth > 64 || p.cgroup !== undefined) return p.container;
    const parent = p.ppid === undefined ? undefined : byPid(p.ppid);
    if (!parent || parent === p) return undefined;
    const same =
      p.namespaces.mnt !== undefined &&
      p.namespaces.pid !== undefined &&
      p.namespaces.mnt === parent.namespaces.mnt &&
      p.namespaces.pid === parent.namespaces.pid;
    if (!same) return undefined;
    const c = resolve(parent, depth + 1);
    if (c !== undefined) p.container = c;
    return c;
  };
  for (let i = 0; i < procs.length; i++) resolve(procs[i]!, 0);
}
