import { describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot } from '../protocol/snapshot.ts';
import { classify } from './classify.ts';
import { mergeFragments } from './merge.ts';

const UID = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const slice = `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID.replace(/-/g, '_')}.slice`;
const id = (c: string): string => c.repeat(64);
const HOST = {
  mnt: 4026531841,
  net: 4026531840,
  pid: 4026531836,
  ipc: 4026531839,
  uts: 4026531838,
  user: 4026531837,
  cgroup: 4026531835,
  time: 4026531834,
};

function procFragment(): Snapshot {
  const s = emptySnapshot();
  s.processes.push(
    { node: '', pid: 1, command: '/sbin/init', namespaces: { ...HOST } },
    {
      node: '',
      pid: 2814,
      command: '/pause',
      cgroup: `${slice}/cri-containerd-${id('a')}.scope`,
      namespaces: { ...HOST, mnt: 10, pid: 11, net: 12, ipc: 13, uts: 14 },
    },
    {
      node: '',
      pid: 2900,
      ppid: 2880,
      command: 'nginx: master process',
      cgroup: `${slice}/cri-containerd-${id('b')}.scope`,
      namespaces: { ...HOST, mnt: 20, pid: 21, net: 12, ipc: 13, uts: 14, cgroup: 22 },
    },
    {
      node: '',
      pid: 2950,
      ppid: 2900,
      command: 'nginx: worker process',
      namespaces: { ...HOST, mnt: 20, pid: 21, net: 12, ipc: 13, uts: 14, cgroup: 22 },
    },
    {
      node: '',
      pid: 2794,
      command: 'bash',
      cgroup: `${slice}/cri-containerd-${id('c')}.scope`,
      namespaces: { ...HOST, mnt: 30, pid: 31, net: 12, ipc: 13, uts: 14, cgroup: 32 },
    },
    { node: '', pid: 500, command: 'sshd', namespaces: { ...HOST, net: 99 } },
  );
  return s;
}

function crictlFragment(): Snapshot {
  const s = emptySnapshot();
  const pod = id('a').slice(0, 13);
  s.pods.push({ node: '', key: pod, name: 'myweb2', namespace: 'default', sandboxId: pod });
  s.containers.push(
    { node: '', id: id('b').slice(0, 13), name: 'myweb2-nginx', pod },
    { node: '', id: id('c').slice(0, 13), name: 'myweb2-netshoot', pod },
  );
  return s;
}

describe('merge + classify', () => {
  const { snapshot, issues } = mergeFragments(
    [
      { source: 'proc.txt', fragment: procFragment() },
      { source: 'crictl.txt', fragment: crictlFragment() },
    ],
    { node: 'k8s-w1' },
  );
  const summary = classify(snapshot);

  it('joins truncated crictl ids to cgroup ids and names the pod by its UID', () => {
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(snapshot.pods).toEqual([
      expect.objectContaining({
        node: 'k8s-w1',
        key: UID,
        uid: UID,
        name: 'myweb2',
        namespace: 'default',
        qos: 'besteffort',
        sandboxId: id('a'),
      }),
    ]);
    expect(snapshot.containers.map((c) => [c.id[0], c.name, c.pod, c.sandbox])).toEqual([
      ['a', undefined, UID, true],
      ['c', 'myweb2-netshoot', UID, undefined],
      ['b', 'myweb2-nginx', UID, undefined],
    ]);
    // The worker has no cgroup line in this input: it inherits its parent's container.
    expect(snapshot.processes.find((p) => p.pid === 2950)?.container).toBe(id('b'));
  });

  it('classifies the pod: shared net/ipc/uts, private mnt/pid, host user/time', () => {
    const pod = summary.pods[0]!;
    expect(pod.name).toBe('default/myweb2');
    expect(pod.containers.map((c) => [c.name ?? 'pause', c.sandbox, c.pids])).toEqual([
      ['pause', true, [2814]],
      ['myweb2-netshoot', false, [2794]],
      ['myweb2-nginx', false, [2900, 2950]],
    ]);
    const nginx = pod.containers[2]!.namespaces;
    expect(nginx.net).toEqual({ inode: 12, scope: 'pod' });
    expect(nginx.ipc).toEqual({ inode: 13, scope: 'pod' });
    expect(nginx.mnt).toEqual({ inode: 20, scope: 'container' });
    expect(nginx.cgroup).toEqual({ inode: 22, scope: 'container' });
    expect(nginx.user).toEqual({ inode: HOST.user, scope: 'host' });
    expect(pod.containers[0]!.namespaces.cgroup).toEqual({ inode: HOST.cgroup, scope: 'host' });
    const byInode = new Map(summary.namespaces.map((n) => [`${n.type}:${n.inode}`, n]));
    expect(byInode.get('net:99')?.scope).toBe('unattributed');
    expect(byInode.get('net:12')).toMatchObject({
      scope: 'pod',
      pids: [2794, 2814, 2900, 2950],
      pods: [UID],
    });
  });

  it('reports contradicting unnamed inputs as different machines', () => {
    const a = emptySnapshot();
    a.processes.push({ node: '', pid: 7, namespaces: { net: 1 } });
    const b = emptySnapshot();
    b.processes.push({ node: '', pid: 7, namespaces: { net: 2 } });
    const r = mergeFragments([
      { source: 'a', fragment: a },
      { source: 'b', fragment: b },
    ]);
    expect(r.issues).toEqual([
      expect.objectContaining({
        level: 'error',
        source: 'b',
        message: expect.stringContaining('different machines'),
      }),
    ]);
    const named = mergeFragments(
      [
        { source: 'a', fragment: a },
        { source: 'b', fragment: b },
      ],
      { node: 'x' },
    );
    expect(named.issues.map((i) => i.level)).toEqual(['warning']);
  });
});
