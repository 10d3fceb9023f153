import type { NsType, ProcessRow } from '../protocol/snapshot.ts';

type NsMap = ProcessRow['namespaces'];

/**
 * `ns[type]`, through named property reads. Same result; the point is speed. V8 serves
 * `ns[type]` with a key that changes from call to call through a slow generic path (several
 * times the cost of `ns.net`, and a fresh heap number per inode read), and this runs for every
 * link of every process of 10,000-process captures. Keys other than the eight types (a snapshot
 * document may carry any) still work, by the generic path.
 */
export function nsGet(ns: NsMap, type: NsType): number | undefined {
  switch (type) {
    case 'mnt':
      return ns.mnt;
    case 'net':
      return ns.net;
    case 'pid':
      return ns.pid;
    case 'ipc':
      return ns.ipc;
    case 'uts':
      return ns.uts;
    case 'user':
      return ns.user;
    case 'cgroup':
      return ns.cgroup;
    case 'time':
      return ns.time;
    default:
      return (ns as Record<string, number | undefined>)[type as string];
  }
}

/** `ns[type] = inode`, through named property writes (see `nsGet`): same keys, same order. */
export function nsSet(ns: NsMap, type: NsType, inode: number): void {
  switch (type) {
    case 'mnt':
      ns.mnt = inode;
      break;
    case 'net':
      ns.net = inode;
      break;
    case 'pid':
      ns.pid = inode;
      break;
    case 'ipc':
      ns.ipc = inode;
      break;
    case 'uts':
      ns.uts = inode;
      break;
    case 'user':
      ns.user = inode;
      break;
    case 'cgroup':
      ns.cgroup = inode;
      break;
    case 'time':
      ns.time = inode;
      break;
    default:
      (ns as Record<string, number>)[type as string] = inode;
  }
}

/**
 * The index of `type` in `NS_TYPES`, found by identity comparisons rather than a search;
 * -1 for any other key (a snapshot document may carry any).
 */
export function nsSlot(type: NsType): number {
  switch (type) {
    case 'mnt':
      return 0;
    case 'net':
      return 1;
    case 'pid':
      return 2;
    case 'ipc':
      return 3;
    case 'uts':
      return 4;
    case 'user':
      return 5;
    case 'cgroup':
      return 6;
    case 'time':
      return 7;
    default:
      return -1;
  }
}

/**
 * Namespace inodes are allocated just above 0xF0000000 (4026531840), beyond the small integers
 * V8 stores unboxed: as Map keys they are boxed numbers, hashed and compared as doubles. Keyed
 * by their distance from that base they are small integers again, and a 10,000-namespace index
 * is built and read about a third faster. The shift is exact for every integer a snapshot can
 * hold (below 2^53 both sides are exact; far above, it changes nothing), so distinct inodes keep
 * distinct keys.
 */
const INODE_BASE = 0xf0000000;

/** A Map from namespace inode to `V` (see `INODE_BASE` for why it is not a plain Map). */
export class InodeMap<V> {
  private readonly map = new Map<number, V>();

  get(inode: number): V | undefined {
    return this.map.get(inode - INODE_BASE);
  }

  has(inode: number): boolean {
    return this.map.has(inode - INODE_BASE);
  }

  set(inode: number, value: V): void {
    this.map.set(inode - INODE_BASE, value);
  }
}
