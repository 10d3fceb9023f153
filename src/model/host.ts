import type { NsType, ProcessRow, Snapshot } from '../protocol/snapshot.ts';
import { NS_TYPES } from '../protocol/snapshot.ts';

/**
 * The kernel's initial namespaces have fixed inode numbers (0xEFFFFFFF downwards). net and mnt
 * are fixed only on recent kernels (older ones allocate them), so they are trusted only when
 * PID 1 is missing and the inode actually occurs.
 */
export const INITIAL_INODES: Readonly<Record<NsType, number>> = {
  ipc: 4026531839,
  uts: 4026531838,
  user: 4026531837,
  pid: 4026531836,
  cgroup: 4026531835,
  time: 4026531834,
  net: 4026531833,
  mnt: 4026531832,
};

export type HostMethod = 'pid1' | 'initial-inode' | 'largest';

export interface HostNamespaces {
  /** Inode of the node's initial namespace per type, where known. */
  inodes: Partial<Record<NsType, number>>;
  /** How each was found. */
  method: Partial<Record<NsType, HostMethod>>;
}

/**
 * Finds a node's host (initial) namespaces: PID 1's links; else the kernel's fixed initial
 * inodes; else, as a stated heuristic, the namespace of that type with the most member
 * processes that belong to no container (only when it has at least 2 such members).
 */
export function findHostNamespaces(s: Snapshot, node: string): HostNamespaces {
  const procs = s.processes.filter((p) => p.node === node);
  const pid1 = procs.find((p) => p.pid === 1);
  const present = new Set(
    s.namespaces.filter((n) => n.node === node).map((n) => `${n.type}:${n.inode}`),
  );
  const out: HostNamespaces = { inodes: {}, method: {} };
  for (const type of NS_TYPES) {
    const fromPid1 = pid1?.namespaces[type];
    if (fromPid1 !== undefined) {
      out.inodes[type] = fromPid1;
      out.method[type] = 'pid1';
      continue;
    }
    const fixed = INITIAL_INODES[type];
    if (present.has(`${type}:${fixed}`)) {
      out.inodes[type] = fixed;
      out.method[type] = 'initial-inode';
      continue;
    }
    const guess = largestUncontained(procs, type);
    if (guess !== undefined) {
      out.inodes[type] = guess;
      out.method[type] = 'largest';
    }
  }
  return out;
}

function largestUncontained(procs: readonly ProcessRow[], type: NsType): number | undefined {
  const counts = new Map<number, number>();
  for (const p of procs) {
    const inode = p.namespaces[type];
    if (inode !== undefined && p.container === undefined)
      counts.set(inode, (counts.get(inode) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 1;
  for (const [inode, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== undefined && inode < best)) {
      best = inode;
      bestCount = n;
    }
  }
  return best;
}
