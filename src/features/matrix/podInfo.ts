import type { PodRow, Snapshot, SummaryPod } from '../../protocol/snapshot.ts';

export interface PodFacts {
  /** `namespace/name` when known, else the name, else the key. */
  title: string;
  /** Addresses of the pod's net namespace other than loopback, e.g. `eth0 10.244.1.6/24`. */
  addresses: string[];
}

/**
 * Facts the caption shows, looked up in the snapshot (never guessed): the pod's name and the
 * addresses recorded for the sandbox's net namespace.
 */
export function podFacts(snapshot: Snapshot, pod: SummaryPod): PodFacts {
  const row: PodRow | undefined = snapshot.pods.find(
    (p) => p.node === pod.node && p.key === pod.key,
  );
  const name = row?.name ?? pod.name;
  const title = name ? (row?.namespace ? `${row.namespace}/${name}` : name) : pod.key;
  const holder = pod.containers.find((c) => c.sandbox) ?? pod.containers[0];
  const netInode = holder?.namespaces.net?.inode;
  const net = snapshot.namespaces.find(
    (n) => n.node === pod.node && n.type === 'net' && n.inode === netInode,
  );
  const addresses = (net?.interfaces ?? [])
    .filter((i) => i.name !== 'lo')
    .flatMap((i) => i.addresses.filter((a) => !a.startsWith('fe80:')).map((a) => `${i.name} ${a}`));
  return { title, addresses };
}

/** Members of a namespace, for the cell tooltip: `node:type:inode` → counts. */
export type MemberIndex = ReadonlyMap<string, { pids: number; containers: number }>;

export const memberKey = (node: string, type: string, inode: number): string =>
  `${node}:${type}:${inode}`;
