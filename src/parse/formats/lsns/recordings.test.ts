/**
 * REAL recordings: every file in testdata/2.38.1-* was printed by util-linux 2.38.1 (Debian 12)
 * on a pod-like topology built with unshare/nsenter/ip netns (testdata/record.sh), and
 * testdata/2.38.1.truth.json holds /proc/PID/ns of every process right after. Facts are checked
 * against that truth to the inode.
 */
import { describe, expect, it } from 'vitest';
import type { NsType } from '../../../protocol/snapshot.ts';
import {
  detected,
  errors,
  keys,
  lowestPid,
  ns,
  proc,
  readData,
  recordings,
  routed,
  truth,
  truthNamespaces,
  type Recording,
} from './testkit.ts';

const T = truth.topology;
const parse = (rec: Recording) =>
  routed(rec.argv).parse(readData(rec.file), { source: rec.file, argv: rec.argv });
const byFile = (suffix: string) => recordings.find((r) => r.file === `2.38.1-${suffix}`)!;

/** The namespaces /proc says this command must list. */
function expectedNamespaces(rec: Recording): Set<string> | undefined {
  const argv = rec.argv;
  if (argv.some((a) => /^\d{6,}$/.test(a))) return undefined; // lsns <inode>: processes
  const p = argv.indexOf('-p');
  if (p >= 0) {
    const pid = Number(argv[p + 1]);
    const own = truth.processes[String(pid)]!.ns;
    return new Set(
      (['mnt', 'net', 'pid', 'ipc', 'uts', 'user', 'cgroup', 'time'] as const).map(
        (t) => `${t}:${own[t]}`,
      ),
    );
  }
  if (argv.includes('net')) return truthNamespaces((t) => t === 'net');
  return truthNamespaces();
}

describe.each(recordings)('real 2.38.1 recording $file', (rec) => {
  const text = readData(rec.file);

  it('is routed by its command line and detected from its text alone to the same parser', () => {
    expect(detected(text).id).toBe(routed(rec.argv).id);
  });

  it('parses without errors', () => {
    expect(errors(parse(rec))).toEqual([]);
  });

  it('records only memberships that /proc confirms, to the inode', () => {
    const s = parse(rec).fragment;
    expect(s.processes.length).toBeGreaterThan(0);
    for (const p of s.processes) {
      const real = truth.processes[String(p.pid)];
      expect(real, `PID ${p.pid} in /proc`).toBeDefined();
      for (const [type, inode] of Object.entries(p.namespaces)) {
        expect(inode, `PID ${p.pid} ${type}`).toBe(real!.ns[type as NsType]);
      }
      if (p.ppid !== undefined) expect(p.ppid, `PPID of ${p.pid}`).toBe(real!.ppid);
      if (p.uid !== undefined) expect(p.uid, `UID of ${p.pid}`).toBe(real!.uid);
    }
  });

  it('lists exactly the namespaces /proc shows, each with its lowest PID as a member', () => {
    const want = expectedNamespaces(rec);
    if (!want) return;
    const s = parse(rec).fragment;
    expect(keys(s)).toEqual(want);
    for (const n of s.namespaces) {
      const low = lowestPid(n.type, n.inode)!;
      expect(proc(s, low)?.namespaces[n.type], `${n.type}:${n.inode} has PID ${low}`).toBe(n.inode);
    }
  });
});

describe('real recordings: what each option adds', () => {
  it('default: the process tree gives each nested row its parent PID', () => {
    const s = parse(byFile('default.txt')).fragment;
    expect(proc(s, T.app1)?.ppid).toBe(T.app1Wrapper);
    expect(proc(s, T.app2)?.ppid).toBe(T.app2Wrapper);
    expect(proc(s, T.app1Wrapper)?.command).toBe(
      'unshare --mount --pid --fork --mount-proc sleep infinity',
    );
    expect(proc(s, T.app1)?.command).toBe('sleep infinity');
    expect(parse(byFile('default.txt')).tool).toBe('util-linux ≥2.38');
    expect(parse(byFile('l.txt')).tool).toBeUndefined();
  });

  it('NSFS continuation lines, -W commas, raw commas and JSON newlines all give both mount points', () => {
    for (const f of [
      't-net.txt',
      't-net-W.txt',
      't-net-n.txt',
      'r-t-net.txt',
      'json-t-net.json',
      'o-columns.txt',
      'output-all.txt',
    ]) {
      const s = parse(byFile(f)).fragment;
      expect(ns(s, 'net', T.pauseNet)?.nsfs, f).toEqual([
        '/run/netns/nsviztest-pod',
        '/run/netns/nsviztest-pod2',
      ]);
      expect(ns(s, 'net', T.pauseNet)?.netnsid, f).toBe('1');
      const sidecar = truth.processes[String(T.netnsSleep)]!.ns.net!;
      expect(ns(s, 'net', sidecar)?.nsfs, f).toEqual(['/run/netns/nsviztest']);
      expect(ns(s, 'net', sidecar)?.netnsid, f).toBe('0');
      expect(ns(s, 'net', 4026531833)?.netnsid, f).toBe('unassigned');
    }
  });

  it('ONS/PNS columns give owners and parents; -T owner/parent trees give the same', () => {
    const all = parse(byFile('output-all.txt')).fragment;
    const rootlessUser = truth.processes[String(T.rootless)]!.ns.user!;
    const rootlessNet = truth.processes[String(T.rootless)]!.ns.net!;
    expect(ns(all, 'net', rootlessNet)?.owner).toBe(rootlessUser);
    expect(ns(all, 'user', rootlessUser)?.parent).toBe(4026531837);
    expect(ns(all, 'pid', truth.processes[String(T.app1)]!.ns.pid!)?.parent).toBe(4026531836);
    expect(ns(all, 'user', 4026531837)?.owner).toBeUndefined();
    for (const f of ['tree-owner.txt', 'r-tree-owner.txt', 'json-tree-owner.json']) {
      const s = parse(byFile(f)).fragment;
      const owned = s.namespaces.filter((n) => n.owner !== undefined);
      expect(owned.length, f).toBe(all.namespaces.length - 1);
      for (const n of owned)
        expect(n.owner, `${f} ${n.type}:${n.inode}`).toBe(ns(all, n.type, n.inode)?.owner);
    }
    for (const f of ['tree-parent.txt', 'ascii-tree-parent.txt', 'json-tree-parent.json']) {
      const s = parse(byFile(f)).fragment;
      const children = s.namespaces.filter((n) => n.parent !== undefined);
      expect(children.length, f).toBe(all.namespaces.filter((n) => n.parent !== undefined).length);
      for (const n of children)
        expect(n.parent, `${f} ${n.type}:${n.inode}`).toBe(ns(all, n.type, n.inode)?.parent);
    }
  });

  it('-p PID: the queried PID is a member of every listed namespace', () => {
    for (const f of ['p.txt', 'json-p.json']) {
      const s = parse(byFile(f)).fragment;
      const real = truth.processes[String(T.app1)]!.ns;
      const got = proc(s, T.app1)!.namespaces;
      for (const t of ['mnt', 'net', 'pid', 'ipc', 'uts', 'user', 'cgroup', 'time'] as const) {
        expect(got[t], `${f} ${t}`).toBe(real[t]);
      }
    }
  });

  it('-p PID without its command line: the PID is inferred from the NPROCS 1 row, with a warning', () => {
    for (const f of ['p.txt', 'json-p.json']) {
      const rec = byFile(f);
      const r = routed(rec.argv).parse(readData(f.replace(/^/, '2.38.1-')), { source: f });
      const real = truth.processes[String(T.app1)]!.ns;
      expect(proc(r.fragment, T.app1)?.namespaces, f).toEqual({
        time: real.time,
        cgroup: real.cgroup,
        user: real.user,
        uts: real.uts,
        ipc: real.ipc,
        net: real.net,
        mnt: real.mnt,
        pid: real.pid,
      });
      expect(r.issues.some((i) => i.message.includes(`read as \`lsns -p ${T.app1}\``))).toBe(true);
    }
  });

  it('-p PID from the context only: used when the rows can be -p output, refused otherwise', () => {
    const p = routed(['lsns']).parse(readData('2.38.1-p.txt'), { source: 'p', pid: T.app1 });
    expect(Object.keys(proc(p.fragment, T.app1)!.namespaces)).toHaveLength(8);
    expect(p.issues).toEqual([]);
    const full = routed(['lsns']).parse(readData('2.38.1-l.txt'), { source: 'l', pid: T.app1 });
    expect(proc(full.fragment, T.app1)?.namespaces).toEqual({
      pid: truth.processes[String(T.app1)]!.ns.pid,
    });
    expect(full.issues.map((i) => i.message)).toEqual([
      `the context names PID ${T.app1}, but a namespace type appears twice, so this is no \`lsns -p\` output; PID ${T.app1} was not recorded in its namespaces`,
    ]);
  });

  it('lsns <inode>: processes with PPID and USER; no membership while the type is unknown', () => {
    const r = parse(byFile('inode.txt'));
    const members = Object.entries(truth.processes)
      .filter(([, p]) => p.ns.net === T.pauseNet)
      .map(([pid]) => Number(pid))
      .sort((a, b) => a - b);
    expect(r.fragment.processes.map((p) => p.pid).sort((a, b) => a - b)).toEqual(members);
    expect(r.fragment.namespaces).toEqual([]);
    expect(r.issues.map((i) => i.message).join('\n')).toMatch(/type of namespace \d+ is unknown/);
    expect(proc(r.fragment, T.pause)?.ppid).toBe(T.pauseWrapper);
  });

  it('lsns -t net <inode> (table and JSON): every listed process is in that net namespace', () => {
    const json = byFile('inode-json.json');
    const runs = [
      parse(byFile('inode-t-net.txt')),
      routed(json.argv).parse(readData(json.file), {
        source: json.file,
        argv: ['lsns', '-J', '-t', 'net', String(T.pauseNet)],
      }),
    ];
    for (const r of runs) {
      expect(errors(r)).toEqual([]);
      expect(r.fragment.processes).toHaveLength(6);
      for (const p of r.fragment.processes) expect(p.namespaces.net).toBe(T.pauseNet);
      expect(r.issues.filter((i) => i.level === 'warning')).toEqual([]);
    }
  });

  it('a terminal capture (CRLF, COMMAND cut at 80 columns) still gives the facts, with cut commands', () => {
    const text = readData('2.38.1-terminal.txt');
    expect(text).toContain('\r\n');
    const s = parse(byFile('terminal.txt')).fragment;
    const full = parse(byFile('l.txt')).fragment;
    expect(keys(s)).toEqual(keys(full));
    const cut = proc(s, T.app2Wrapper)!.command!;
    expect(cut.length).toBeLessThan(proc(full, T.app2Wrapper)!.command!.length);
    expect(proc(full, T.app2Wrapper)!.command!.startsWith(cut)).toBe(true);
  });

  it('the JSON process tree (no command line needed: a mnt row under an ipc row is a process tree)', () => {
    const rec = byFile('json.json');
    const r = routed(rec.argv).parse(readData(rec.file), { source: rec.file });
    expect(proc(r.fragment, T.app1)?.ppid).toBe(T.app1Wrapper);
    expect(proc(r.fragment, 25)?.ppid).toBe(2);
  });

  it('JSON -T without its command line: nesting is ambiguous, so no owner is invented', () => {
    const rec = byFile('json-tree-owner.json');
    const r = routed(rec.argv).parse(readData(rec.file), { source: rec.file });
    expect(r.fragment.namespaces.filter((n) => n.owner !== undefined)).toEqual([]);
    expect(
      r.issues.some((i) => i.message.includes('process tree or a `-T` owner/parent tree')),
    ).toBe(true);
  });

  it('JSON re-indented by jq, or compacted, reads the same', () => {
    const rec = byFile('json-output-all.json');
    const text = readData(rec.file);
    const base = parse(rec).fragment;
    for (const variant of [
      JSON.stringify(JSON.parse(text), null, 2),
      JSON.stringify(JSON.parse(text)),
    ]) {
      const r = routed(rec.argv).parse(variant, { source: 'jq', argv: rec.argv });
      expect(r.fragment.namespaces).toEqual(base.namespaces);
      expect(r.fragment.processes).toEqual(base.processes);
      // jq's layout proves less than lsns' own: only the keys and number types remain
      expect(r.tool).toBe('util-linux ≥2.37');
    }
  });

  it('-n without its command line: the columns are inferred from the rows, with a warning', () => {
    for (const f of ['n.txt', 't-net-n.txt', 'r-n.txt']) {
      const rec = byFile(f);
      const withArgv = parse(rec).fragment;
      const r = routed(rec.argv).parse(readData(rec.file), { source: f });
      expect(errors(r), f).toEqual([]);
      expect(r.issues.map((i) => i.message).join('\n'), f).toMatch(
        /no (raw )?header line; read the rows as the columns NS TYPE/,
      );
      expect(r.fragment.namespaces, f).toEqual(withArgv.namespaces);
      expect(r.fragment.processes, f).toEqual(withArgv.processes);
    }
  });

  it('the same facts come out of the table, raw and JSON forms', () => {
    const facts = (f: string) => {
      const s = parse(byFile(f)).fragment;
      return { ns: keys(s), procs: s.processes.map((p) => [p.pid, p.namespaces]).sort() };
    };
    const l = facts('l.txt');
    for (const f of [
      'default.txt',
      'n.txt',
      'r.txt',
      'r-n.txt',
      'ascii.txt',
      'json.json',
      'json-l.json',
    ]) {
      expect(facts(f), f).toEqual(l);
    }
  });
});
