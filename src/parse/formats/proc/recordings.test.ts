import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../types.ts';
import { parseCgroup } from './cgroup.ts';
import { netInterfacesOf } from './interfaces.ts';
import { parseIpJson, parseIpText } from './ip.ts';
import { parseLs } from './ls.ts';
import { parsePs } from './ps.ts';
import { parseReadlink } from './readlink.ts';
import { parseStat } from './stat.ts';
import { parseStatus } from './status.ts';
import { expectedNamespaces, recording, row, truth, truthOf } from './test-helpers.ts';

/** Real recordings (see testdata/record.sh) against the ground truth taken at the same time. */

const R = truth.roles;
const ALL = Object.values(R);
const run = (parse: (t: string, c: never) => ParseResult, file: string): ParseResult => {
  const { text, ctx } = recording(file);
  return parse(text, ctx as never);
};

function expectAllLinks(result: ParseResult, pid: number): void {
  const r = row(result.fragment.processes, pid);
  const want = expectedNamespaces(truthOf(pid));
  expect(r?.namespaces, `PID ${pid}`).toEqual(want.namespaces);
  expect(r?.forChildren, `PID ${pid} for children`).toEqual(want.forChildren);
}

describe('real /proc/PID/ns listings', () => {
  it.each(['ls-l.txt', 'ls-l-terminal.txt', 'busybox-ls.txt'])(
    '%s: the pause process, every link',
    (file) => {
      const result = run(parseLs, file);
      expect(result.issues).toEqual([]);
      expect(result.fragment.processes).toHaveLength(1);
      expectAllLinks(result, R.webPause);
    },
  );

  it('ls -la: skips . and .., reads the unshare wrapper whose pid_for_children differs', () => {
    const result = run(parseLs, 'ls-la.txt');
    expect(result.issues).toEqual([]);
    expectAllLinks(result, R.nginxWrap);
    const wrap = truthOf(R.nginxWrap).links;
    expect(wrap.pid_for_children).not.toBe(wrap.pid);
  });

  it('ls -l with full-path names: two processes, one link each', () => {
    const result = run(parseLs, 'ls-l-net.txt');
    expect(result.issues).toEqual([]);
    expect(row(result.fragment.processes, R.webPause)?.namespaces).toEqual({
      net: truthOf(R.webPause).links.net,
    });
    const nginx = row(result.fragment.processes, R.nginx);
    expect(nginx?.namespaces).toEqual({});
    expect(nginx?.forChildren).toEqual({ pid: truthOf(R.nginx).links.pid_for_children });
  });

  it('ls -l /proc/self/ns under nsenter -a is the target process', () => {
    const result = run(parseLs, 'ls-self-nsenter.txt');
    expect(result.issues).toEqual([]);
    expectAllLinks(result, R.nginx);
  });

  it('ls as an unprivileged user: the error is a warning naming line 1', () => {
    const result = run(parseLs, 'ls-l-denied.txt');
    expect(result.fragment.processes).toEqual([]);
    expect(result.issues).toMatchObject([{ level: 'warning', line: 1 }]);
    expect(result.issues[0]?.message).toContain('Permission denied');
  });

  it.each(['ls-l-all.txt.gz', 'stat-all.txt.gz'])(
    '%s: every process of the topology, to the inode',
    (file) => {
      const result = run(file.startsWith('ls') ? parseLs : parseStat, file);
      for (const pid of ALL) expectAllLinks(result, pid);
      // Thousands of host processes, none of them unreadable except PID 1 and vanished ones.
      expect(result.fragment.processes.length).toBeGreaterThan(100);
      expect(result.issues.every((i) => i.level === 'warning')).toBe(true);
      expect(
        result.issues.some((i) => i.message.includes("'/proc/1/ns/net': Permission denied")),
      ).toBe(true);
      expect(row(result.fragment.processes, 1)).toBeUndefined();
    },
  );

  it('readlink of a glob: position tells pid_for_children from pid', () => {
    const result = run(parseReadlink, 'readlink.txt');
    expect(result.issues).toEqual([]);
    expectAllLinks(result, R.nginxWrap);
  });

  it('readlink of one link', () => {
    const result = run(parseReadlink, 'readlink-net.txt');
    expect(result.fragment.processes[0]).toMatchObject({
      pid: R.webPause,
      namespaces: { net: truthOf(R.webPause).links.net },
    });
  });

  it.each([
    ['stat.txt', R.nginxWrap],
    ['stat-bare.txt', R.dbApp],
  ])('%s: every link of PID', (file, pid) => {
    const result = run(parseStat, file);
    expect(result.issues).toEqual([]);
    expectAllLinks(result, pid);
  });

  it('stat -c %i of one explicit link', () => {
    const result = run(parseStat, 'stat-bare-net.txt');
    expect(result.issues).toEqual([]);
    expect(result.fragment.processes[0]).toMatchObject({
      pid: R.webPause,
      namespaces: { net: truthOf(R.webPause).links.net },
    });
  });
});

describe('real /proc/PID/cgroup and status', () => {
  it('cat /proc/PID/cgroup on a hybrid host: the 0:: path', () => {
    const result = run(parseCgroup, 'cgroup.txt');
    expect(result.issues).toEqual([]);
    expect(result.fragment.processes).toEqual([
      expect.objectContaining({ pid: R.nginx, cgroup: truthOf(R.nginx).cgroup }),
    ]);
    expect(truthOf(R.nginx).cgroup).toContain(`pod${truth.pods.web.replaceAll('-', '_')}.slice`);
  });

  it('grep -H over many cgroup files: one path per process', () => {
    const result = run(parseCgroup, 'cgroup-grep.txt');
    expect(result.issues).toEqual([]);
    for (const pid of ALL)
      expect(row(result.fragment.processes, pid)?.cgroup).toBe(truthOf(pid).cgroup);
  });

  it('read from a sibling cgroup namespace: relative path kept, with a warning', () => {
    const result = run(parseCgroup, 'cgroup-relative.txt');
    const path = row(result.fragment.processes, R.webPause)?.cgroup ?? '';
    expect(path.startsWith('/../')).toBe(true);
    expect(truthOf(R.webPause).cgroup.endsWith(path.slice(3))).toBe(true);
    expect(result.issues).toMatchObject([{ level: 'warning', line: 2 }]);
    expect(result.issues[0]?.message).toContain('non-root cgroup namespace');
  });

  it('/proc/self/cgroup under nsenter describes the command, not the target: not recorded', () => {
    const result = run(parseCgroup, 'cgroup-inside.txt');
    expect(result.fragment.processes).toEqual([]);
    expect(result.issues.map((i) => i.message).join('\n')).toMatch(/relative[\s\S]*\/proc\/self/);
  });

  it('grep -H of status fields: ppid, uid and comm', () => {
    const result = run(parseStatus, 'status-grep.txt');
    expect(result.issues).toEqual([]);
    for (const pid of ALL) {
      expect(row(result.fragment.processes, pid)).toMatchObject({
        ppid: truthOf(pid).ppid,
        uid: truthOf(pid).uid,
      });
    }
    expect(row(result.fragment.processes, R.nginxWrap)?.command).toBe('unshare');
    expect(row(result.fragment.processes, R.dbAppWrap)?.command).toBe('nsenter');
  });

  it('cat of a full status file', () => {
    const result = run(parseStatus, 'status.txt');
    expect(result.issues).toEqual([]);
    expect(result.fragment.processes).toEqual([
      expect.objectContaining({ pid: R.dbApp, ppid: R.dbAppWrap, uid: 0, command: 'sleep' }),
    ]);
  });
});

describe('real ps', () => {
  it.each(['ps-ef.txt', 'ps-aux.txt', 'ps-ef-forest.txt', 'ps-auxf.txt'])(
    '%s: ppid/user/command',
    (file) => {
      const result = run(parsePs, file);
      expect(result.issues).toEqual([]);
      const procs = result.fragment.processes;
      expect(procs).toHaveLength(ALL.length + 1);
      for (const pid of ALL) {
        const r = row(procs, pid);
        if (!file.includes('aux')) expect(r?.ppid).toBe(truthOf(pid).ppid);
        expect(r?.user).toBe('root');
      }
      expect(row(procs, R.webPause)?.command).toBe('/pause infinity');
      expect(row(procs, R.nginx)?.command).toBe('nginx infinity');
      expect(row(procs, 2)?.command).toBe('[kthreadd]');
      expect(row(procs, R.dbAppWrap)?.command).toMatch(
        /^nsenter --target \d+ .* exec -a redis-server sleep infinity$/,
      );
    },
  );

  it('ps -eo with namespace columns: every namespace but time, to the inode', () => {
    const result = run(parsePs, 'ps-eo-ns.txt');
    expect(result.issues).toEqual([]);
    for (const pid of ALL) {
      const { time: _time, ...want } = expectedNamespaces(truthOf(pid)).namespaces;
      const r = row(result.fragment.processes, pid);
      expect(r?.namespaces, `PID ${pid}`).toEqual(want);
      expect(r).toMatchObject({ ppid: truthOf(pid).ppid, uid: 0, user: 'root' });
    }
  });

  it('ps -eo pid,comm,netns,args: the two COMMAND headers told apart by -o', () => {
    const result = run(parsePs, 'ps-eo-comm.txt');
    expect(result.issues).toEqual([]);
    const r = row(result.fragment.processes, R.netshoot);
    expect(r).toMatchObject({
      command: 'netshoot infinity',
      namespaces: { net: truthOf(R.netshoot).links.net },
    });
  });

  it.each(['ps-ef-inside.txt', 'ps-aux-inside.txt', 'busybox-ps.txt'])(
    '%s: PIDs of a container pid namespace are not node PIDs',
    (file) => {
      const result = run(parsePs, file);
      expect(result.fragment.processes).toEqual([]);
      expect(result.issues).toMatchObject([{ level: 'warning', line: 2 }]);
    },
  );
});

describe('real ip addr', () => {
  // Set by record.sh.
  const lo = { name: 'lo', addresses: ['127.0.0.1/8', '::1/128'] };
  const eth0 = {
    name: 'eth0',
    mac: '02:42:0a:63:00:02',
    addresses: ['10.99.0.2/24', 'fe80::42:aff:fe63:2/64'],
  };

  it.each([
    ['ip-addr.txt', [lo, eth0]],
    ['busybox-ip.txt', [lo, eth0]],
    ['ip-addr-eth0.txt', [eth0]],
    ['ip-o.txt', [lo, { ...eth0, mac: undefined }]],
    ['ip-br.txt', [lo, { ...eth0, mac: undefined }]],
    [
      'ip-br-link.txt',
      [
        { name: 'lo', addresses: [] },
        { ...eth0, addresses: [] },
      ],
    ],
  ])('%s: interfaces on the nsenter target', (file, want) => {
    const result = run(parseIpText, file);
    expect(result.issues).toEqual([]);
    const clean = want.map((w) => JSON.parse(JSON.stringify(w)) as object);
    expect(netInterfacesOf(row(result.fragment.processes, R.webPause)!)).toEqual(clean);
    expect(result.fragment.namespaces).toEqual([]);
  });

  it.each(['ip-j.txt', 'ip-j-p.txt'])('%s: same as the text form', (file) => {
    const result = run(parseIpJson, file);
    expect(result.issues).toEqual([]);
    expect(netInterfacesOf(row(result.fragment.processes, R.webPause)!)).toEqual([lo, eth0]);
  });

  it('the other pod end of the veth', () => {
    const result = run(parseIpText, 'ip-addr-db.txt');
    expect(netInterfacesOf(row(result.fragment.processes, R.dbApp)!)?.[1]).toEqual({
      name: 'eth0',
      mac: '02:42:0a:63:00:03',
      addresses: ['10.99.0.3/24', 'fe80::42:aff:fe63:3/64'],
    });
  });
});
