import type { NsType, Scope } from '../../protocol/snapshot.ts';

/** What each namespace type isolates: column-header tooltips, as domain.md puts it. */
export const TYPE_ISOLATES: Readonly<Record<NsType, string>> = {
  mnt: 'mount table, filesystem view',
  net: 'interfaces, IPs, routes, ports',
  pid: 'process IDs',
  ipc: 'SysV IPC, POSIX message queues, shared memory',
  uts: 'hostname and domain name',
  user: 'UIDs/GIDs and capabilities',
  cgroup: 'the view of /proc/self/cgroup',
  time: 'CLOCK_MONOTONIC/BOOTTIME offsets',
};

/** Scope words for the legend and the cells (the colour is never the only cue). */
export const SCOPE_TEXT: Readonly<Record<Scope, { label: string; meaning: string }>> = {
  pod: { label: 'pod', meaning: 'shared in one pod' },
  container: { label: 'container', meaning: "one container's own" },
  host: { label: 'host', meaning: "the node's own" },
  'cross-pod': { label: 'cross-pod', meaning: 'shared across pods' },
  unattributed: { label: 'unattributed', meaning: 'a member is in no known container' },
};

export const SCOPE_ORDER: readonly Scope[] = [
  'pod',
  'container',
  'host',
  'cross-pod',
  'unattributed',
];
