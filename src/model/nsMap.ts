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
