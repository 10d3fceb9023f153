import { describe, expect, it } from 'vitest';
import {
  formatCommand,
  parseNsLink,
  parseNsfsMounts,
  parsePasswd,
  parseStat,
  parseStatus,
  pickCgroup,
} from './parse.ts';

/** A stat line with fields 3.. filled in: ppid at 4, start time at 22. */
const statLine = (pid: number, comm: string, state = 'S', ppid = 1, start = 4242): string => {
  const fields = [
    state,
    String(ppid),
    ...Array.from({ length: 17 }, (_, i) => String(i)),
    String(start),
    '9',
    '0',
  ];
  return `${pid} (${comm}) ${fields.join(' ')}\n`;
};

describe('parseStat', () => {
  it('reads state, ppid and field 22', () => {
    expect(parseStat(statLine(7, 'sleep', 'S', 3, 99))).toEqual({
      comm: 'sleep',
      state: 'S',
      ppid: 3,
      startTime: 99,
    });
  });

  it('parses after the last parenthesis when comm holds `) (` and spaces', () => {
    expect(parseStat(statLine(8, 'a) (b c) Z 9', 'R', 5, 77))).toEqual({
      comm: 'a) (b c) Z 9',
      state: 'R',
      ppid: 5,
      startTime: 77,
    });
  });

  it('reads a real kernel thread line', () => {
    const line =
      '2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 14 0 0 18446744073709551615 0 0';
    expect(parseStat(line)).toMatchObject({ comm: 'kthreadd', ppid: 0, startTime: 14 });
  });

  it('rejects truncated or garbled lines', () => {
    expect(parseStat('')).toBeUndefined();
    expect(parseStat('5 (x) S 1')).toBeUndefined();
    expect(parseStat('5 x S 1 2 3')).toBeUndefined();
  });
});

describe('parseStatus', () => {
  it('takes PPid and the first (real) Uid', () => {
    const text =
      'Name:\tx\nUmask:\t0022\nPPid:\t17\nTracerPid:\t0\nUid:\t1000\t0\t0\t0\nGid:\t5\t5\t5\t5\n';
    expect(parseStatus(text)).toEqual({ ppid: 17, uid: 1000 });
  });

  it('leaves out what is missing', () => {
    expect(parseStatus('Name:\tx\n')).toEqual({});
  });
});

describe('formatCommand', () => {
  it('joins argv with spaces and drops the trailing NUL', () => {
    expect(formatCommand('sleep\x00300\x00', 'sleep', false)).toBe('sleep 300');
  });

  it('keeps argv[0] when redacting', () => {
    expect(formatCommand('/bin/app\0--token\0s3cret\0', 'app', true)).toBe('/bin/app');
  });

  it('shows kernel threads and empty cmdlines as [comm], like ps', () => {
    expect(formatCommand('', 'kthreadd', false)).toBe('[kthreadd]');
    expect(formatCommand('\0\0', 'kworker/0:1', true)).toBe('[kworker/0:1]');
  });

  it('keeps a rewritten title without NULs as is', () => {
    expect(formatCommand('nginx: master process nginx', 'nginx', false)).toBe(
      'nginx: master process nginx',
    );
  });
});

describe('pickCgroup', () => {
  it('prefers the v2 path when it is not the root', () => {
    expect(pickCgroup('1:name=systemd:/a\n0::/kubepods/pod1/c1\n')).toBe('/kubepods/pod1/c1');
  });

  it('falls back to name=systemd, then the first v1 path that is not /', () => {
    expect(pickCgroup('4:memory:/m\n1:name=systemd:/sys/x\n0::/\n')).toBe('/sys/x');
    expect(
      pickCgroup('10:hugetlb:/\n9:name=systemd:/\n4:memory:/libpod_parent/p/libpod-c\n0::/\n'),
    ).toBe('/libpod_parent/p/libpod-c');
  });

  it('gives / at the root of every hierarchy and undefined for an empty file', () => {
    expect(pickCgroup('2:cpu:/\n0::/\n')).toBe('/');
    expect(pickCgroup('')).toBeUndefined();
  });

  it('keeps paths relative to the reader cgroup namespace untouched', () => {
    expect(pickCgroup('0::/../../kubepods-x.slice\n')).toBe('/../../kubepods-x.slice');
  });
});

describe('parseNsLink', () => {
  it('reads type and inode', () => {
    expect(parseNsLink('net:[4026531840]')).toEqual({ type: 'net', inode: 4026531840 });
    expect(parseNsLink('mnt:[4026531832]')).toEqual({ type: 'mnt', inode: 4026531832 });
  });

  it('rejects anything else', () => {
    expect(parseNsLink('')).toBeUndefined();
    expect(parseNsLink('pid_for_children:[1]')).toBeUndefined();
    expect(parseNsLink('socket:[123]')).toBeUndefined();
  });
});

describe('parseNsfsMounts', () => {
  it('finds nsfs mounts and unescapes the mount point', () => {
    const text = [
      '22 27 0:21 / /proc rw,relatime - proc proc rw',
      '44 27 0:4 ipc:[4026532177] /tmp/t/ipc rw - nsfs nsfs rw',
      '540 29 0:4 net:[4026532281] /run/netns/cni\\040a rw,nosuid shared:5 - nsfs nsfs rw',
      '',
    ].join('\n');
    expect(parseNsfsMounts(text)).toEqual([
      { type: 'ipc', inode: 4026532177, mountPoint: '/tmp/t/ipc' },
      { type: 'net', inode: 4026532281, mountPoint: '/run/netns/cni a' },
    ]);
  });
});

describe('parsePasswd', () => {
  it('maps uids to the first name', () => {
    const users = parsePasswd(
      'root:x:0:0:root:/root:/bin/sh\n# c\ntoor:x:0:0::/:/bin/sh\nbad\nnobody:x:65534:65534::/:/bin/false\n',
    );
    expect([...users]).toEqual([
      [0, 'root'],
      [65534, 'nobody'],
    ]);
  });
});
