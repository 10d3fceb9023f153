/**
 * Test-only generators of large inputs shaped like the real recordings: 10,000 processes in
 * a few hundred pods, for the throughput and linearity tests.
 */
import { NS_LINK_NAMES } from './nslink.ts';

const HOST = {
  cgroup: 4026531835,
  ipc: 4026531839,
  mnt: 4026531832,
  net: 4026531833,
  pid: 4026531836,
  time: 4026531834,
  user: 4026531837,
  uts: 4026531838,
};

/**
 * Namespace inodes of process `i`, like a busy node: a fifth of the processes on the host, the
 * rest in containers of 10 processes (own mnt, pid, cgroup), four containers per pod (shared
 * net, ipc, uts): about 1,000 namespaces for 10,000 processes.
 */
function inodes(i: number): typeof HOST {
  if (i % 5 === 0) return HOST;
  const container = Math.floor(i / 10);
  const pod = 4026532000 + Math.floor(container / 4) * 4;
  const own = 4026600000 + container * 4;
  return { ...HOST, net: pod, ipc: pod + 1, uts: pod + 2, mnt: own, pid: own + 1, cgroup: own + 2 };
}

function linkValue(ns: typeof HOST, link: (typeof NS_LINK_NAMES)[number]): [string, number] {
  const type = link.replace('_for_children', '') as keyof typeof HOST;
  return [type, ns[type]];
}

/** `ls -l /proc/[0-9]*\/ns` for `count` processes. */
export function lsAll(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pid = 100 + i;
    out.push(`/proc/${pid}/ns:`, 'total 0');
    for (const link of NS_LINK_NAMES) {
      const [type, inode] = linkValue(inodes(i), link);
      out.push(`lrwxrwxrwx 1 root root 0 Nov 28 06:21 ${link} -> ${type}:[${inode}]`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** `stat -L -c '%n %i' /proc/[0-9]*\/ns/*` for `count` processes. */
export function statAll(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    for (const link of NS_LINK_NAMES)
      out.push(`/proc/${100 + i}/ns/${link} ${linkValue(inodes(i), link)[1]}`);
  }
  return `${out.join('\n')}\n`;
}

/** `ps -eo pid,ppid,uid,user,pidns,netns,ipcns,utsns,mntns,userns,cgroupns,args`. */
export function psEoNs(count: number): string {
  const out = [
    '    PID    PPID   UID USER          PIDNS      NETNS      IPCNS      UTSNS      MNTNS     USERNS   CGROUPNS COMMAND',
  ];
  for (let i = 0; i < count; i++) {
    const ns = inodes(i);
    const cmd =
      i % 2 ? `/usr/bin/app --listen :${8000 + i} --config /etc/app/config.yaml` : '/pause';
    out.push(
      `${String(100 + i).padStart(7)} ${String(90 + (i % 7)).padStart(7)} ${String(i % 3 ? 65535 : 0).padStart(5)} ${(i % 3 ? '65535' : 'root').padEnd(8)} ${ns.pid} ${ns.net} ${ns.ipc} ${ns.uts} ${ns.mnt} ${ns.user} ${ns.cgroup} ${cmd}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** The expected namespaces of synthetic process `pid` (without time). */
export function syntheticNamespaces(pid: number): typeof HOST {
  return inodes(pid - 100);
}
