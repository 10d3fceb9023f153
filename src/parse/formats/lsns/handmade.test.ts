/**
 * HAND-MADE samples: every file in testdata/handmade/ was written for this project following
 * formats.md §1 (the versions could not be run here): 2.23 (CentOS 7 backport), 2.32, 2.34,
 * 2.37, 2.40, 2.42, the uutils rewrite (its exact padding is an assumption), and a 2.38 table
 * as pasted into a chat. Their inode numbers are invented; the expectations below are what the
 * samples say, not what a kernel said.
 */
import { describe, expect, it } from 'vitest';
import { detected, errors, keys, ns, parseAs, proc, readData } from './testkit.ts';

const sample = (name: string) => readData(`handmade/${name}`);
const CNI_A = '/run/netns/cni-2b1f7c44-9a4e-5f7e-0c1d-6e2a8b3f9d10';
const CNI_DEAD = '/run/netns/cni-0d1e5f3a-6c2b-47d8-9e01-a2b3c4d5e6f7';

describe('hand-made: util-linux 2.23 (CentOS 7 backport), flat table, docker-era pod', () => {
  const text = sample('2.23-centos7.txt');
  const r = parseAs('lsns-table', text);

  it('is detected as a table and reads without any issue', () => {
    expect(detected(text).id).toBe('lsns-table');
    expect(r.issues).toEqual([]);
    expect(r.tool).toBeUndefined();
  });

  it('gives the pause container its five namespaces and each rep its own', () => {
    expect(proc(r.fragment, 2814)?.namespaces).toEqual({
      mnt: 4026532441,
      uts: 4026532442,
      ipc: 4026532443,
      pid: 4026532444,
      net: 4026532446,
    });
    expect(proc(r.fragment, 2871)?.namespaces).toEqual({ mnt: 4026532510, pid: 4026532511 });
    expect(proc(r.fragment, 2871)?.command).toBe('nginx: master process nginx -g daemon off;');
    expect(proc(r.fragment, 1)?.namespaces.net).toBe(4026531956);
    expect(ns(r.fragment, 'uts', 4026532442)?.nprocs).toBe(4);
    expect(r.fragment.namespaces).toHaveLength(16);
  });
});

describe('hand-made: 2.32 JSON, every value a string', () => {
  const r = parseAs('lsns-json', sample('2.32-json-t-net.json'), {
    argv: ['lsns', '-J', '-t', 'net'],
  });

  it('reads strings as numbers, null as absent, and proves exactly 2.32', () => {
    expect(errors(r)).toEqual([]);
    expect(r.tool).toBe('util-linux 2.32');
    expect(ns(r.fragment, 'net', 4026532264)).toMatchObject({
      nprocs: 3,
      netnsid: '0',
      nsfs: [CNI_A],
    });
    expect(ns(r.fragment, 'net', 4026531956)?.nsfs).toBeUndefined();
    expect(proc(r.fragment, 3120)).toMatchObject({
      user: '65535',
      command: '/pause',
      namespaces: { net: 4026532390 },
    });
  });
});

describe('hand-made: 2.34 compact JSON with unquoted numbers', () => {
  const r = parseAs('lsns-json', sample('2.34-json.json'));

  it('reads every row and dates it 2.33–2.36', () => {
    expect(errors(r)).toEqual([]);
    expect(r.tool).toBe('util-linux 2.33–2.36');
    expect(r.fragment.namespaces).toHaveLength(18);
    expect(proc(r.fragment, 2940)?.namespaces).toEqual({
      mnt: 4026532340,
      pid: 4026532341,
      cgroup: 4026532342,
    });
  });
});

describe('hand-made: 2.37', () => {
  it('flat default table: no tree, no version claim', () => {
    const r = parseAs('lsns-table', sample('2.37-table.txt'));
    expect(r.issues).toEqual([]);
    expect(r.tool).toBeUndefined();
    expect(r.fragment.namespaces).toHaveLength(21);
    expect(proc(r.fragment, 61)?.ppid).toBeUndefined();
  });

  it('lsns -t net <inode>: tree art in COMMAND, every process a member', () => {
    const r = parseAs('lsns-table', sample('2.37-inode-t-net.txt'), {
      argv: ['lsns', '-t', 'net', '4026532264'],
    });
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes.map((p) => [p.pid, p.ppid, p.user, p.namespaces.net])).toEqual([
      [2814, 2790, '65535', 4026532264],
      [2871, 2795, 'root', 4026532264],
      [2899, 2871, '101', 4026532264],
      [2940, 2921, 'root', 4026532264],
    ]);
    expect(proc(r.fragment, 2899)?.command).toBe('nginx: worker process');
  });

  it('lsns <inode> without -t: a fixed initial inode still tells its type', () => {
    const text =
      '  PID  PPID USER COMMAND\n    1     0 root /sbin/init\n  812     1 root └─/usr/sbin/sshd -D\n';
    const r = parseAs('lsns-table', text, { argv: ['lsns', '4026531836'] });
    expect(r.issues).toEqual([]);
    expect(proc(r.fragment, 812)?.namespaces).toEqual({ pid: 4026531836 });
  });

  it('--output-all JSON, one key per line: PATH, PPID, UID, PNS, ONS, NETNSID, NSFS', () => {
    const r = parseAs('lsns-json', sample('2.37-json-output-all.json'));
    expect(errors(r)).toEqual([]);
    expect(r.tool).toBe('util-linux ≥2.37');
    expect(ns(r.fragment, 'pid', 4026532265)).toMatchObject({
      parent: 4026531836,
      owner: 4026531837,
    });
    expect(ns(r.fragment, 'net', 4026532264)).toMatchObject({
      netnsid: '0',
      nsfs: [CNI_A],
      owner: 4026531837,
    });
    expect(ns(r.fragment, 'user', 4026531837)?.owner).toBeUndefined();
    expect(proc(r.fragment, 2814)).toMatchObject({ ppid: 2790, uid: 65535, user: '65535' });
  });
});

describe('hand-made: a 2.38 table pasted into a chat (header blanks lost, data indented, CRLF)', () => {
  const text = sample('2.38-pasted.txt');
  const r = parseAs('lsns-table', text);

  it('lines up every row anyway and keeps the tree', () => {
    expect(text).toContain('\r\n');
    expect(detected(text).id).toBe('lsns-table');
    expect(errors(r)).toEqual([]);
    expect(keys(r.fragment).size).toBe(9);
    expect(proc(r.fragment, 655)).toMatchObject({ ppid: 1, command: '/usr/sbin/chronyd -F 1' });
    expect(proc(r.fragment, 2814)?.namespaces.net).toBe(4026532264);
  });
});

describe('hand-made: 2.40 and 2.42', () => {
  it('2.40 default: a two-level process tree and an NPROCS 0 row with empty cells', () => {
    const r = parseAs('lsns-table', sample('2.40-table.txt'));
    expect(r.issues).toEqual([]);
    expect(r.tool).toBe('util-linux ≥2.38');
    expect(proc(r.fragment, 412)?.ppid).toBe(1);
    expect(proc(r.fragment, 655)?.ppid).toBe(1);
    expect(proc(r.fragment, 656)).toMatchObject({
      ppid: 655,
      user: '_chrony',
      namespaces: { net: 4026532202 },
    });
    expect(ns(r.fragment, 'net', 4026532500)?.nprocs).toBe(0);
    expect(r.fragment.processes.some((p) => p.namespaces.net === 4026532500)).toBe(false);
  });

  it('-t net: NETNSID empty for a process-less namespace in 2.40, filled in 2.42', () => {
    const argv = ['lsns', '-t', 'net'];
    const v240 = parseAs('lsns-table', sample('2.40-t-net.txt'), { argv });
    const v242 = parseAs('lsns-table', sample('2.42-t-net.txt'), { argv });
    for (const r of [v240, v242]) {
      expect(r.issues).toEqual([]);
      expect(ns(r.fragment, 'net', 4026532500)?.nsfs).toEqual([CNI_DEAD]);
      expect(ns(r.fragment, 'net', 4026532264)).toMatchObject({ netnsid: '0', nsfs: [CNI_A] });
    }
    expect(ns(v240.fragment, 'net', 4026532500)?.netnsid).toBeUndefined();
    expect(ns(v242.fragment, 'net', 4026532500)?.netnsid).toBe('1');
  });

  it('2.42 JSON: nested children two levels deep, null PID and COMMAND', () => {
    const r = parseAs('lsns-json', sample('2.42-json.json'));
    expect(r.issues).toEqual([]);
    expect(r.tool).toBe('util-linux ≥2.38');
    expect(keys(r.fragment).size).toBe(14);
    expect(proc(r.fragment, 656)).toMatchObject({ ppid: 655, namespaces: { net: 4026532202 } });
    expect(proc(r.fragment, 412)?.ppid).toBe(1);
    expect(ns(r.fragment, 'net', 4026532500)?.nprocs).toBe(0);
  });

  const owners = {
    'mnt:4026531832': 4026531837,
    'net:4026532500': 4026531837,
    'user:4026532600': 4026531837,
    'user:4026532610': 4026532600,
    'mnt:4026532611': 4026532610,
    'net:4026532612': 4026532610,
  };
  const checkOwners = (r: ReturnType<typeof parseAs>) => {
    for (const [key, owner] of Object.entries(owners)) {
      const [type, inode] = key.split(':');
      expect(ns(r.fragment, type as 'mnt', Number(inode))?.owner, key).toBe(owner);
    }
    expect(ns(r.fragment, 'user', 4026532610)?.parent).toBe(4026532600);
    expect(ns(r.fragment, 'user', 4026532600)?.nprocs).toBe(0);
    expect(proc(r.fragment, 3330)?.namespaces).toEqual({ net: 4026532612 });
  };

  it('2.42 -Towner: interpolated user namespace, three levels of art in NS', () => {
    const r = parseAs('lsns-table', sample('2.42-tree-owner.txt'), { argv: ['lsns', '-Towner'] });
    expect(r.issues).toEqual([]);
    checkOwners(r);
  });

  it('the same tree headerless (-n), and raw with escaped art', () => {
    const headerless = sample('2.42-tree-owner.txt').split('\n').slice(1).join('\n');
    const n = parseAs('lsns-table', headerless, { argv: ['lsns', '-n', '-Towner'] });
    expect(errors(n)).toEqual([]);
    checkOwners(n);
    const raw = sample('2.42-raw-tree-owner.txt');
    expect(detected(raw).id).toBe('lsns-raw');
    const r = parseAs('lsns-raw', raw, { argv: ['lsns', '-r', '-Towner'] });
    expect(r.issues).toEqual([]);
    checkOwners(r);
    expect(proc(r.fragment, 3301)?.command).toBe('catatonit -P');
  });
});

describe('hand-made: uutils lsns (no tree, argv[0] only, other padding)', () => {
  const text = sample('uutils-table.txt');
  const r = parseAs('lsns-table', text);

  it('reads every row and claims no util-linux version', () => {
    expect(detected(text).id).toBe('lsns-table');
    expect(r.issues).toEqual([]);
    expect(r.tool).toBeUndefined();
    expect(r.fragment.namespaces).toHaveLength(21);
    expect(proc(r.fragment, 2940)?.command).toBe('sleep');
    expect(ns(r.fragment, 'net', 4026532500)?.nprocs).toBe(0);
  });
});
