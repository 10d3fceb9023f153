import {
  NS_TYPES,
  SNAPSHOT_SCHEMA,
  type NsType,
  type Snapshot,
} from '../../src/protocol/snapshot.ts';

/**
 * Deterministic synthetic node for benchmarks: `pods` pods of one pause and two app containers,
 * processes spread over them, the rest host processes. Same arguments, same bytes.
 */
export interface SyntheticNode {
  processes: {
    pid: number;
    ppid: number;
    uid: number;
    user: string;
    args: string;
    ns: Record<NsType, number>;
    cgroup: string;
  }[];
}

const HOST: Record<NsType, number> = {
  mnt: 4026531841,
  net: 4026531840,
  pid: 4026531836,
  ipc: 4026531839,
  uts: 4026531838,
  user: 4026531837,
  cgroup: 4026531835,
  time: 4026531834,
};

function hex(n: number, len: number): string {
  let s = '';
  let x = n * 2654435761;
  while (s.length < len) {
    x = (x * 1103515245 + 12345) >>> 0;
    s += x.toString(16).padStart(8, '0');
  }
  return s.slice(0, len);
}

export function syntheticNode(processCount: number, pods: number): SyntheticNode {
  let inode = 4026532000;
  const processes: SyntheticNode['processes'] = [];
  let pid = 1;
  processes.push({
    pid: pid++,
    ppid: 0,
    uid: 0,
    user: 'root',
    args: '/sbin/init',
    ns: { ...HOST },
    cgroup: '/init.scope',
  });
  const perPod = Math.max(3, Math.floor((processCount * 0.8) / pods));
  for (let p = 0; p < pods; p++) {
    const uid = `${hex(p + 1, 8)}-${hex(p + 2, 4)}-${hex(p + 3, 4)}-${hex(p + 4, 4)}-${hex(p + 5, 12)}`;
    const slice = `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${uid.replace(/-/g, '_')}.slice`;
    const shared = { net: inode++, ipc: inode++, uts: inode++ };
    for (let c = 0; c < 3; c++) {
      const ctr = hex(p * 7 + c + 100, 64);
      const own = { mnt: inode++, pid: inode++, cgroup: c === 0 ? HOST.cgroup : inode++ };
      const count = c === 0 ? 1 : Math.floor((perPod - 1) / 2);
      const first = pid;
      for (let k = 0; k < count && processes.length < processCount; k++) {
        processes.push({
          pid: pid++,
          ppid: k === 0 ? 900 + p : first,
          uid: c === 0 ? 65535 : 101,
          user: c === 0 ? '65535' : '101',
          args:
            c === 0 ? '/pause' : `/usr/bin/app-${c} --worker=${k} --config /etc/app/config.yaml`,
          ns: { ...HOST, ...shared, ...own },
          cgroup: `${slice}/cri-containerd-${ctr}.scope`,
        });
      }
    }
  }
  while (processes.length < processCount) {
    processes.push({
      pid: pid++,
      ppid: 1,
      uid: 0,
      user: 'root',
      args: `/usr/sbin/daemon-${pid} --foreground`,
      ns: { ...HOST },
      cgroup: '/system.slice/daemon.service',
    });
  }
  return { processes };
}

export function toSnapshot(n: SyntheticNode): Snapshot {
  const s: Snapshot = {
    schema: SNAPSHOT_SCHEMA,
    sources: [{ format: 'synthetic' }],
    nodes: [{ name: 'bench' }],
    namespaces: [],
    processes: [],
    containers: [],
    pods: [],
    warnings: [],
  };
  const seen = new Set<string>();
  for (const p of n.processes) {
    s.processes.push({
      node: 'bench',
      pid: p.pid,
      ppid: p.ppid,
      command: p.args,
      user: p.user,
      uid: p.uid,
      namespaces: { ...p.ns },
      cgroup: p.cgroup,
    });
    for (const t of NS_TYPES) {
      const k = `${t}:${p.ns[t]}`;
      if (!seen.has(k)) {
        seen.add(k);
        s.namespaces.push({ node: 'bench', type: t, inode: p.ns[t] });
      }
    }
  }
  return s;
}

/** The recorder's transcript for the node (what `scripts/nsviz-record.sh` prints). */
export function toTranscript(n: SyntheticNode): string {
  const out: string[] = [
    '# nsviz-record 1',
    '$ hostname',
    'bench',
    '$ uname -r',
    '6.1.0-bench',
    '$ ps -eo pid,ppid,uid,user,args',
    '    PID    PPID   UID USER     COMMAND',
  ];
  for (const p of n.processes)
    out.push(
      `${String(p.pid).padStart(7)} ${String(p.ppid).padStart(7)} ${String(p.uid).padStart(5)} ${p.user.padEnd(8)} ${p.args}`,
    );
  out.push(`$ stat -L -c '%n %i' /proc/[0-9]*/ns/*`);
  const order: NsType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];
  for (const p of n.processes) for (const t of order) out.push(`/proc/${p.pid}/ns/${t} ${p.ns[t]}`);
  out.push(`$ grep -H '' /proc/[0-9]*/cgroup`);
  for (const p of n.processes) out.push(`/proc/${p.pid}/cgroup:0::${p.cgroup}`);
  return out.join('\n') + '\n';
}

/** `lsns -l` style table (util-linux 2.38 columns) of the node's namespaces. */
export function toLsnsTable(n: SyntheticNode): string {
  const rows = new Map<
    string,
    { inode: number; type: NsType; nprocs: number; pid: number; user: string; args: string }
  >();
  for (const p of n.processes) {
    for (const t of NS_TYPES) {
      const k = `${t}:${p.ns[t]}`;
      const r = rows.get(k);
      if (r) r.nprocs++;
      else
        rows.set(k, { inode: p.ns[t], type: t, nprocs: 1, pid: p.pid, user: p.user, args: p.args });
    }
  }
  const out = ['        NS TYPE   NPROCS   PID USER     COMMAND'];
  for (const r of [...rows.values()].sort((a, b) => a.inode - b.inode)) {
    out.push(
      `${String(r.inode).padStart(10)} ${r.type.padEnd(6)} ${String(r.nprocs).padStart(6)} ${String(r.pid).padStart(5)} ${r.user.padEnd(8)} ${r.args}`,
    );
  }
  return out.join('\n') + '\n';
}
