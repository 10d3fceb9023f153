import { describe, expect, it } from 'vitest';
import {
  cgroupForCommand,
  chooseCgroup,
  detectCgroup,
  parseCgroup,
  parseCgroupLine,
} from './cgroup.ts';
import { detectStatus, parseStatus, statusForCommand } from './status.ts';
import { readTestdata } from './test-helpers.ts';

const ctx = (argv?: string[], extra: object = {}) => ({
  source: 't',
  ...(argv ? { argv } : {}),
  ...extra,
});
const cgroupOf = (file: string, pid = 9) =>
  parseCgroup(readTestdata(`handmade/${file}`), ctx(['cat', `/proc/${pid}/cgroup`])).fragment
    .processes[0]?.cgroup;

describe('/proc/PID/cgroup variants (hand-made samples)', () => {
  it('cgroup v2-only kubelet node', () => {
    expect(cgroupOf('cgroup-v2-kubelet.txt')).toMatch(
      /kubepods-burstable-pod3f1c2a9e_.*\.slice\/cri-containerd-9b2e.*\.scope$/,
    );
  });

  it('cgroup v1 only, cgroupfs driver: name=systemd path', () => {
    expect(cgroupOf('cgroup-v1-cgroupfs.txt')).toBe(
      '/kubepods/besteffort/pod0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5/6e5d4c3b2a190817263544536271809f8e7d6c5b4a39281706f5e4d3c2b1a098',
    );
  });

  it('CRI-O, process below the container scope: the 0:: path as is', () => {
    expect(cgroupOf('cgroup-crio.txt')).toMatch(/crio-2c4e.*\.scope\/kube-proxy$/);
  });

  it('relative paths warn once, naming the first relative line', () => {
    const r = parseCgroup(
      readTestdata('handmade/cgroup-relative.txt'),
      ctx(['cat', '/proc/9/cgroup']),
    );
    expect(r.fragment.processes[0]?.cgroup).toMatch(/^\/\.\.\/\.\.\/kubepods-besteffort-pod/);
    expect(r.issues).toMatchObject([{ level: 'warning', line: 1 }]);
  });

  it('chooseCgroup order: non-root v2, then name=systemd, then the first non-root v1, then /', () => {
    expect(chooseCgroup({ v2: '/a', systemd: '/b', firstV1: '/c' })).toBe('/a');
    expect(chooseCgroup({ v2: '/', systemd: '/b', firstV1: '/c' })).toBe('/b');
    expect(chooseCgroup({ v2: '/', systemd: '/', firstV1: '/c', anyPath: '/' })).toBe('/c');
    expect(chooseCgroup({ v2: '/', anyPath: '/' })).toBe('/');
  });

  it('head of several files and plain cat of several files', () => {
    const head = '==> /proc/3/cgroup <==\n0::/a\n\n==> /proc/4/cgroup <==\n0::/b\n';
    const r = parseCgroup(head, ctx(['head', '/proc/3/cgroup', '/proc/4/cgroup']));
    expect(r.fragment.processes.map((p) => [p.pid, p.cgroup])).toEqual([
      [3, '/a'],
      [4, '/b'],
    ]);
    const cat = parseCgroup(
      '1:cpu:/x\n0::/a\n1:cpu:/y\n0::/b\n',
      ctx(['cat', '/proc/3/cgroup', '/proc/4/cgroup']),
    );
    expect(cat.fragment.processes.map((p) => [p.pid, p.cgroup])).toEqual([
      [3, '/a'],
      [4, '/b'],
    ]);
    const unknown = parseCgroup('0::/a\n0::/b\n', ctx(['cat', '/proc/3/cgroup']));
    expect(unknown.fragment.processes).toEqual([]);
    expect(unknown.issues.map((i) => i.line)).toEqual([1, 2]);
  });

  it('grep errors of vanished processes are warnings; junk is an error', () => {
    const text =
      '/proc/5/cgroup:0::/a\ngrep: /proc/6/cgroup: No such file or directory\n/proc/7/cgroup:zero::/x\n';
    const r = parseCgroup(text, ctx(['grep', '-H', '', '/proc/[0-9]*/cgroup']));
    expect(r.fragment.processes.map((p) => p.pid)).toEqual([5]);
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['warning', 2],
      ['error', 3],
    ]);
  });

  it('PID from ctx.pid when the text alone is given', () => {
    const r = parseCgroup('0::/a\n', ctx(undefined, { pid: 44 }));
    expect(r.fragment.processes[0]).toMatchObject({ pid: 44, cgroup: '/a' });
  });

  it('parseCgroupLine keeps colons of the path', () => {
    expect(parseCgroupLine('1:name=systemd:/x.slice:cri-containerd:abc')).toEqual({
      id: '1',
      controllers: 'name=systemd',
      path: '/x.slice:cri-containerd:abc',
    });
    expect(parseCgroupLine('x::/')).toBeUndefined();
    expect(parseCgroupLine('0::relative')).toBeUndefined();
  });

  it('detect and forCommand', () => {
    expect(detectCgroup(readTestdata('handmade/cgroup-v1-cgroupfs.txt'))).toBeGreaterThan(0.8);
    expect(detectCgroup('/proc/1/cgroup:0::/\n')).toBeGreaterThan(0.8);
    expect(detectCgroup('hello\n')).toBe(0);
    expect(cgroupForCommand(['cat', '/proc/1/cgroup'])).toBeGreaterThan(0.9);
    expect(cgroupForCommand(['grep', '-H', '', '/proc/[0-9]*/cgroup'])).toBeGreaterThan(0.9);
    expect(cgroupForCommand(['cat', '/proc/1/status'])).toBe(0);
  });
});

describe('/proc/PID/status', () => {
  it('plain cat: the PID from the Pid: line when the command line has none', () => {
    const r = parseStatus(
      'Name:\tpause\nPid:\t2814\nPPid:\t2790\nUid:\t65535\t65535\t65535\t65535\nNSpid:\t2814\t1\n',
      ctx(),
    );
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes).toEqual([
      { node: '', pid: 2814, ppid: 2790, uid: 65535, nsPid: 1, command: 'pause', namespaces: {} },
    ]);
  });

  it('/proc/self/status under nsenter describes the command, not the target', () => {
    const r = parseStatus(
      'Name:\tcat\nPid:\t9\n',
      ctx(['cat', '/proc/self/status'], { pid: 5, via: { tool: 'nsenter', target: '5' } }),
    );
    expect(r.fragment.processes).toEqual([]);
    expect(r.issues).toMatchObject([{ level: 'warning', line: 1 }]);
  });

  it('bad values and bad lines', () => {
    const r = parseStatus(
      '/proc/3/status:PPid:\tx\n/proc/3/status:Uid:\tq\nno colon here\n',
      ctx(),
    );
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['error', 1],
      ['error', 2],
      ['error', 3],
    ]);
  });

  it('detect and forCommand', () => {
    expect(detectStatus('/proc/1/status:Name:\tinit\n/proc/1/status:PPid:\t0\n')).toBeGreaterThan(
      0.8,
    );
    expect(detectStatus('Foo: bar\n')).toBe(0);
    expect(
      statusForCommand(['grep', '-H', '-E', '^(Name|PPid):', '/proc/[0-9]*/status']),
    ).toBeGreaterThan(0.9);
    expect(statusForCommand(['cat', '/proc/1/cgroup'])).toBe(0);
  });
});
