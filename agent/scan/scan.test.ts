/**
 * scanProc against a fake proc tree: plain files for stat/status/cmdline/cgroup and dangling
 * symlinks for ns entries (readlink does not follow them, so `net:[123]` targets work).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcUnavailableError, recordProc, scanProc } from './index.ts';

interface FakeProc {
  comm?: string;
  state?: string;
  ppid?: number;
  uid?: number;
  start?: number;
  cmdline?: string;
  cgroup?: string;
  ns?: Record<string, string>;
  /** Files to leave out, to play a process that exits between reads. */
  omit?: string[];
}

const HOST_NS: Record<string, string> = {
  mnt: 'mnt:[4026531832]',
  net: 'net:[4026531833]',
  pid: 'pid:[4026531836]',
  pid_for_children: 'pid:[4026531836]',
  ipc: 'ipc:[4026531839]',
  uts: 'uts:[4026531838]',
  user: 'user:[4026531837]',
  cgroup: 'cgroup:[4026531835]',
  time: 'time:[4026531834]',
  time_for_children: 'time:[4026531834]',
};

function writeProc(root: string, pid: number | string, p: FakeProc): void {
  const dir = join(root, String(pid));
  mkdirSync(join(dir, 'ns'), { recursive: true });
  const comm = p.comm ?? 'sh';
  const fields = [p.state ?? 'S', p.ppid ?? 1, ...Array(17).fill(0), p.start ?? 1000, 0, 0];
  const files: Record<string, string> = {
    stat: `${pid} (${comm}) ${fields.join(' ')}\n`,
    status: `Name:\t${comm}\nPPid:\t${p.ppid ?? 1}\nUid:\t${p.uid ?? 0}\t0\t0\t0\n`,
    cmdline: p.cmdline ?? `${comm}\0`,
    cgroup: p.cgroup ?? '0::/\n',
  };
  for (const [name, text] of Object.entries(files)) {
    if (!p.omit?.includes(name)) writeFileSync(join(dir, name), text);
  }
  for (const [name, target] of Object.entries(p.ns ?? HOST_NS)) {
    symlinkSync(target, join(dir, 'ns', name));
  }
}

let root: string;
let passwdPath: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nsviz-fakeproc-'));
  passwdPath = join(root, 'passwd');
  writeFileSync(
    passwdPath,
    'root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n',
  );
  writeProc(root, 'self', {}); // what /proc/self/ns lists: the kinds this "kernel" has
  writeFileSync(
    join(root, 'self', 'mountinfo'),
    '22 27 0:21 / /proc rw - proc proc rw\n44 27 0:4 net:[4026532500] /run/netns/cni-1 rw - nsfs nsfs rw\n',
  );
  writeProc(root, 1, {
    comm: 'init',
    ppid: 0,
    cmdline: '/sbin/init\0splash\0',
    cgroup: '1:name=systemd:/init.scope\n0::/\n',
  });
  writeProc(root, 2, { comm: 'kthreadd', ppid: 0, cmdline: '' });
  writeProc(root, 42, {
    comm: 'a) (b',
    uid: 1000,
    start: 777,
    cmdline: '/bin/app\0--token\0s3cret\0',
  });
  mkdirSync(join(root, '43')); // exited before we read anything
  writeProc(root, 44, { omit: ['status'] }); // exited between stat and status
  // A live process (state S) whose mnt/net/… links are gone: it exited after stat was read.
  writeProc(root, 45, { ns: { pid: HOST_NS.pid!, user: HOST_NS.user! } });
  writeProc(root, 46, {
    comm: 'sleep',
    state: 'Z',
    cmdline: '',
    ns: { pid: HOST_NS.pid!, user: HOST_NS.user! },
  });
  writeProc(root, 47, { uid: 4242 });
  const { pid_for_children: _p, ...noChildLink } = HOST_NS;
  writeProc(root, 48, { ns: { ...noChildLink, net: 'net:[4026532001]', pid: 'pid:[4026532002]' } });
  writeProc(root, 49, { ns: { ...HOST_NS, pid_for_children: 'pid:[4026532003]' } });
  mkdirSync(join(root, 'sys')); // non-numeric entries are not processes
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const scan = (redact = false) =>
  scanProc({ procRoot: root, passwdPath, redact, node: 'n1', now: () => new Date(0) });

describe('scanProc on a fake tree', () => {
  it('fills the snapshot header', async () => {
    const s = await scan();
    expect(s.schema).toBe('nsviz/snapshot@1');
    expect(s.capturedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(s.sources).toEqual([{ format: 'proc-scan', tool: 'nsviz record' }]);
    expect(s.nodes[0]).toMatchObject({ name: 'n1' });
    expect(s.nodes[0]!.kernel).toBeTruthy();
  });

  it('reads a normal process completely', async () => {
    const s = await scan();
    expect(s.processes.find((p) => p.pid === 1)).toEqual({
      node: 'n1',
      pid: 1,
      ppid: 0,
      command: '/sbin/init splash',
      user: 'root',
      uid: 0,
      namespaces: {
        mnt: 4026531832,
        net: 4026531833,
        pid: 4026531836,
        ipc: 4026531839,
        uts: 4026531838,
        user: 4026531837,
        cgroup: 4026531835,
        time: 4026531834,
      },
      forChildren: { pid: 4026531836, time: 4026531834 },
      cgroup: '/init.scope',
      startTime: 1000,
    });
  });

  it('parses stat after the last parenthesis', async () => {
    const p = (await scan()).processes.find((x) => x.pid === 42);
    expect(p).toMatchObject({ ppid: 1, startTime: 777, user: 'alice', uid: 1000 });
  });

  it('shows kernel threads in brackets and zombies as <defunct>', async () => {
    const s = await scan();
    expect(s.processes.find((p) => p.pid === 2)?.command).toBe('[kthreadd]');
    const z = s.processes.find((p) => p.pid === 46);
    expect(z?.command).toBe('[sleep] <defunct>');
    expect(z?.namespaces).toEqual({ pid: 4026531836, user: 4026531837 });
  });

  it('redacts arguments but keeps argv[0]', async () => {
    const s = await scan(true);
    expect(s.processes.find((p) => p.pid === 42)?.command).toBe('/bin/app');
    expect(s.processes.find((p) => p.pid === 1)?.command).toBe('/sbin/init');
    expect(JSON.stringify(s)).not.toContain('s3cret');
  });

  it('drops vanished processes with one warning', async () => {
    const s = await scan();
    // 43 (empty dir), 44 (no status), 45 (live but its net link is gone)
    expect(s.processes.map((p) => p.pid)).toEqual([1, 2, 42, 46, 47, 48, 49]);
    const exited = s.warnings.filter((w) => w.message.includes('exited'));
    expect(exited.map((w) => w.message)).toEqual(['3 processes exited during the scan']);
  });

  it('uses the numeric uid when passwd has no entry', async () => {
    const p = (await scan()).processes.find((x) => x.pid === 47);
    expect(p).toMatchObject({ user: '4242', uid: 4242 });
  });

  it('sets forChildren only from readable links', async () => {
    const s = await scan();
    expect(s.processes.find((p) => p.pid === 48)?.forChildren).toEqual({ time: 4026531834 });
    expect(s.processes.find((p) => p.pid === 49)?.forChildren).toEqual({
      pid: 4026532003,
      time: 4026531834,
    });
  });

  it('counts members per namespace and keeps process-less ones', async () => {
    const s = await scan();
    const ns = (type: string, inode: number) =>
      s.namespaces.find((n) => n.type === type && n.inode === inode);
    expect(ns('net', 4026531833)?.nprocs).toBe(5); // 1, 2, 42, 47, 49
    expect(ns('pid', 4026531836)?.nprocs).toBe(6); // + the zombie
    expect(ns('net', 4026532001)?.nprocs).toBe(1);
    expect(ns('pid', 4026532003)).toEqual({
      node: 'n1',
      type: 'pid',
      inode: 4026532003,
      nprocs: 0,
    });
    expect(ns('net', 4026532500)).toEqual({
      node: 'n1',
      type: 'net',
      inode: 4026532500,
      nprocs: 0,
      nsfs: ['/run/netns/cni-1'],
    });
    const order = s.namespaces.map((n) => `${n.type}:${n.inode}`);
    expect(order.slice(0, 4)).toEqual([
      'mnt:4026531832',
      'net:4026531833',
      'net:4026532001',
      'net:4026532500',
    ]);
  });

  it('treats links the kernel lacks as absent, not as an exit', async () => {
    const old = mkdtempSync(join(tmpdir(), 'nsviz-oldkernel-'));
    try {
      const { time: _t, time_for_children: _tc, cgroup: _c, ...oldNs } = HOST_NS;
      writeProc(old, 'self', { ns: oldNs });
      writeProc(old, 5, { ns: oldNs });
      const s = await scanProc({ procRoot: old, passwdPath, node: 'n1' });
      expect(s.processes.map((p) => p.pid)).toEqual([5]);
      expect(s.processes[0]!.namespaces).not.toHaveProperty('time');
      expect(s.namespaces.some((n) => n.type === 'time' || n.type === 'cgroup')).toBe(false);
      // No self/mountinfo in this tree: one warning, the scan goes on.
      expect(s.warnings.map((w) => w.message)).toEqual(['cannot read self/mountinfo (ENOENT)']);
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });

  it('rejects only when the proc root is missing', async () => {
    await expect(scanProc({ procRoot: join(root, 'nope') })).rejects.toBeInstanceOf(
      ProcUnavailableError,
    );
  });

  it('formats a recording with stable order', async () => {
    const a = await recordProc({ procRoot: root, passwdPath, node: 'n1', now: () => new Date(0) });
    const b = await recordProc({ procRoot: root, passwdPath, node: 'n1', now: () => new Date(0) });
    expect(a).toBe(b);
    expect(JSON.parse(a).processes[0].pid).toBe(1);
  });
});
