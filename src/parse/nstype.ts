import type { NsType } from '../protocol/snapshot.ts';

const ALIASES: Readonly<Record<string, NsType>> = {
  mnt: 'mnt',
  mount: 'mnt',
  net: 'net',
  network: 'net',
  pid: 'pid',
  ipc: 'ipc',
  uts: 'uts',
  user: 'user',
  cgroup: 'cgroup',
  time: 'time',
};

/**
 * Maps lsns / OCI / proc names of namespace types to ours.
 * `toNsType('network')` → `'net'`; `toNsType('bogus')` → `undefined`.
 */
export function toNsType(name: string): NsType | undefined {
  return ALIASES[name.trim().toLowerCase()];
}
