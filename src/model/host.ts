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
  // PID 1 usually answers every type, so the other two methods' inputs (which namespaces sit at
  // the fixed inodes, the node's processes) are gathered only when a type is left open: on
  // 10,000-process snapshots they cost more than the rest of the classification.
  const all = s.processes;
  let pid1: ProcessRow | undefined;
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    if (p.pid === 1 && p.node === node) {
      pid1 = p;
      break;
    }
  }
  let atFixed: Set<string> | undefined;
  let procs: ProcessRow[] | undefined;
  const out: HostNamespaces = { inodes: {}, method: {} };
  for (const type of NS_TYPES) {
    const fromPid1 = pid1?.namespaces[type];
    if (fromPid1 !== undefined) {
      out.inodes[type] = fromPid1;
      out.method[type] = 'pid1';
      continue;
    }
    atFixed ??= typesAtFixedInodes(s, node);
    if (atFixed.has(type)) {
      out.inodes[type] = INITIAL_INODES[type];
      out.method[type] = 'initial-inode';
      continue;
    }
    procs ??= all.filter((p) => p.node === node);
    const guess = largestUncontained(procs, type);
    if (guess !== undefined) {
      out.inodes[type] = guess;
      out.method[type] = 'largest';
    }
  }
  return out;
}

/** The types whose namespace at the kernel's fixed initial inode is present on the node. */
function typesAtFixedInodes(s: Snapshot, node: string): Set<string> {
  const out = new Set<string>();
  for (const n of s.namespaces) {
    if (n.node !== node || !Object.hasOwn(INITIAL_INODES, n.type)) continue;
    if (INITIAL_INODES[n.type] === n.inode) out.add(n.type);
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
