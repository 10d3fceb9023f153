// Builds real namespaces with scripts/testbed/unshare-pod.sh and checks the node recorder
// (scripts/nsviz-record.sh) against what /proc says. Needs Linux and root; skips otherwise.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS_LINK_NAMES } from '../../src/parse/formats/proc/nslink.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TESTBED = join(ROOT, 'scripts/testbed/unshare-pod.sh');
const RECORDER = join(ROOT, 'scripts/nsviz-record.sh');
const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((p) => existsSync(p));
// The entries of /proc/PID/ns in glob order, as the recorder's stat lists them.
const NS_ENTRIES = NS_LINK_NAMES;
const STAT_CMD = "stat -L -c '%n %i' /proc/[0-9]*/ns/*";
const CGROUP_CMD = "grep -H '' /proc/[0-9]*/cgroup";

function run(cmd: string, args: readonly string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(input === undefined ? {} : { input }),
  });
}

function has(tool: string): boolean {
  return run('sh', ['-c', `command -v ${tool}`]).status === 0;
}

function skipReason(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux';
  if (process.getuid?.() !== 0) return 'needs root (creates namespaces and cgroups)';
  for (const tool of ['unshare', 'nsenter', 'ip', 'lsns', 'dash']) {
    if (!has(tool)) return `needs ${tool}`;
  }
  return undefined;
}
const SKIP = skipReason();
if (SKIP) console.warn(`unshare-pod test bed skipped: ${SKIP}`);

type Ns = Partial<Record<(typeof NS_ENTRIES)[number], number>>;

interface Truth {
  name: string;
  options: { sharePid: boolean; hostNetwork: boolean };
  pod: { uid: string; name: string; ip: string | null };
  host: { namespaces: Ns };
  containers: { id: string; name: string; sandbox: boolean; mainPid: number }[];
  processes: {
    pid: number;
    role: 'main' | 'wrapper';
    container: string;
    containerName: string;
    sandbox: boolean;
    namespaces: Ns;
    pid_for_children: number | null;
  }[];
}

/** The namespace links of a live process, read now. */
function procNs(pid: number): Ns {
  const out: Ns = {};
  for (const e of NS_ENTRIES) {
    const m = /\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/ns/${e}`));
    if (m?.[1]) out[e] = Number(m[1]);
  }
  return out;
}

/** The output lines of the step `$ command` (up to the next step or note). */
function section(transcript: string, command: string): string[] {
  const lines = transcript.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const start = lines.indexOf(`$ ${command}`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith('$ ') || l.startsWith('# ')) break;
    out.push(l);
  }
  return out;
}

/** The recorder's stat block as pid → entry → inode. */
function statBlock(transcript: string): Map<number, Ns> {
  const byPid = new Map<number, Ns>();
  for (const line of section(transcript, STAT_CMD)) {
    const m = /^\/proc\/(\d+)\/ns\/(\w+) (\d+)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const ns = byPid.get(pid) ?? {};
    ns[m[2] as keyof Ns] = Number(m[3]);
    byPid.set(pid, ns);
  }
  return byPid;
}

/**
 * The shell text with comments and single-quoted strings (awk programs, messages, the
 * printed command lines) removed: what is left is where redirections and commands are.
 */
function shellCode(text: string): string {
  let out = '';
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (single) {
      if (c === "'") single = false;
      continue;
    }
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i++;
    } else if (c === '"') {
      double = !double;
      out += c;
    } else if (c === "'" && !double) {
      single = true;
      out += "''";
    } else if (c === '#' && !double && /(^|\s)$/.test(out.slice(-1))) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol - 1;
    } else out += c;
  }
  return out;
}

function steps(transcript: string): string[] {
  return transcript.split('\n').filter((l) => l.startsWith('$ ') || l.startsWith('# '));
}

interface Bed {
  key: string;
  name: string;
  flags: string[];
  out: string;
  truth: Truth;
  record: string;
  session: string;
}

const tag = String(process.pid % 10000);
const VARIANTS = [
  { key: 'default', flags: [] as string[] },
  { key: 'sharepid', flags: ['--share-pid'] },
  { key: 'hostnet', flags: ['--host-network'] },
];

describe.skipIf(SKIP !== undefined)(
  `unshare-pod test bed${SKIP ? ` (skipped: ${SKIP})` : ''}`,
  () => {
    const beds: Bed[] = [];
    let work = '';

    beforeAll(() => {
      work = mkdtempSync(join(tmpdir(), 'nsviz-testbed-'));
      for (const v of VARIANTS) {
        const name = `vt${tag}-${v.key.slice(0, 2)}`;
        run('sh', [TESTBED, 'down', name]);
        const up = run('sh', [TESTBED, 'up', name, ...v.flags]);
        if (up.status !== 0) throw new Error(`up ${name} failed: ${up.stderr}`);
        const out = join(work, v.key);
        const rec = run('sh', [TESTBED, 'record', name, out]);
        if (rec.status !== 0) throw new Error(`record ${name} failed: ${rec.stderr}`);
        beds.push({
          ...v,
          name,
          out,
          truth: JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as Truth,
          record: readFileSync(join(out, 'record.txt'), 'utf8'),
          session: readFileSync(join(out, 'session.txt'), 'utf8'),
        });
      }
    });

    afterAll(() => {
      // Every variant, even one whose `up` failed half-way: down undoes whatever was recorded.
      for (const v of VARIANTS) run('sh', [TESTBED, 'down', `vt${tag}-${v.key.slice(0, 2)}`]);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    const bed = (key: string): Bed => {
      const b = beds.find((x) => x.key === key);
      if (!b) throw new Error(`test bed ${key} was not built`);
      return b;
    };

    describe.each(VARIANTS.map((v) => v.key))('%s', (key) => {
      it('record.txt has every test-bed pid with the namespace inodes /proc shows', () => {
        const b = bed(key);
        const recorded = statBlock(b.record);
        expect(b.truth.processes.length).toBe(6);
        for (const p of b.truth.processes) {
          const now = procNs(p.pid);
          expect(recorded.get(p.pid), `pid ${p.pid}`).toEqual(now);
          expect({ ...p.namespaces, pid_for_children: p.pid_for_children }).toEqual({
            cgroup: now.cgroup,
            ipc: now.ipc,
            mnt: now.mnt,
            net: now.net,
            pid: now.pid,
            time: now.time,
            user: now.user,
            uts: now.uts,
            pid_for_children: now.pid_for_children,
          });
        }
      });

      it('has the namespace pattern of a pod', () => {
        const { truth } = bed(key);
        const host = truth.host.namespaces;
        const main = (name: string) => {
          const p = truth.processes.find((x) => x.containerName === name && x.role === 'main');
          if (!p) throw new Error(`no main process for ${name}`);
          return p.namespaces;
        };
        const pause = main('pause');
        const apps = [main('app1'), main('app2')];
        expect(truth.containers.filter((c) => c.sandbox).map((c) => c.name)).toEqual(['pause']);
        expect(pause.ipc).not.toBe(host.ipc);
        expect(pause.pid).not.toBe(host.pid);
        expect(pause.mnt).not.toBe(host.mnt);
        if (truth.options.hostNetwork) {
          expect(pause.net).toBe(host.net);
          expect(pause.uts).toBe(host.uts);
        } else {
          expect(pause.net).not.toBe(host.net);
          expect(pause.uts).not.toBe(host.uts);
        }
        for (const app of apps) {
          expect([app.net, app.ipc, app.uts]).toEqual([pause.net, pause.ipc, pause.uts]);
          expect(app.mnt).not.toBe(pause.mnt);
          expect([app.user, app.time]).toEqual([host.user, host.time]);
          if (truth.options.sharePid) expect(app.pid).toBe(pause.pid);
          else expect(app.pid).not.toBe(pause.pid);
        }
        expect(apps[0]?.mnt).not.toBe(apps[1]?.mnt);
      });

      it('puts each process in its kubelet-style container cgroup, as the recorder shows', () => {
        const { truth, record } = bed(key);
        const lines = section(record, CGROUP_CMD);
        for (const p of truth.processes) {
          const suffix = `/kubepods/besteffort/pod${truth.pod.uid}/${p.container}`;
          const own = lines.filter((l) => l.startsWith(`/proc/${p.pid}/cgroup:`));
          expect(own.length, `pid ${p.pid}`).toBeGreaterThan(0);
          for (const l of own) expect(l.endsWith(suffix), l).toBe(true);
        }
      });

      it('records the pod network and hostname per namespace', () => {
        const { truth, record, name } = bed(key);
        // The recorder enters each namespace through its lowest pid; only test-bed processes
        // are in the pod's net and uts namespaces.
        const low = Math.min(...truth.processes.map((p) => p.pid));
        const ip = section(record, `nsenter -t ${low} -n ip -j addr`).join('\n');
        const uts = section(record, `nsenter -t ${low} -u hostname`);
        if (truth.options.hostNetwork) {
          expect(ip).toBe('');
          return;
        }
        const ifaces = JSON.parse(ip) as { ifname: string; addr_info: { local: string }[] }[];
        const eth0 = ifaces.find((i) => i.ifname === 'eth0');
        expect(eth0?.addr_info.map((a) => a.local)).toContain(truth.pod.ip);
        expect(uts).toEqual([name]);
      });

      it('writes the raw session commands', () => {
        const { truth, session } = bed(key);
        const mains = truth.containers.map((c) => c.mainPid);
        const cmds = steps(session);
        expect(cmds.slice(0, 3)).toEqual(['$ lsns', '$ lsns -l', '$ lsns -J -l']);
        for (const pid of mains) {
          for (const c of [
            `lsns -p ${pid}`,
            `ls -l /proc/${pid}/ns`,
            `cat /proc/${pid}/cgroup`,
            `nsenter -t ${pid} -n ip addr`,
          ]) {
            expect(cmds).toContain(`$ ${c}`);
            expect(section(session, c).length, c).toBeGreaterThan(0);
          }
        }
        expect(cmds.at(-1)).toBe('$ ps -ef');
      });
    });

    describe('recorder shells', () => {
      const shells: [string, string[]][] = [['dash', ['dash']]];
      if (BUSYBOX) shells.push(['busybox sh', [BUSYBOX, 'sh']]);
      else it.skip('busybox sh (skipped: busybox is not installed)', () => {});

      const checkAgainstProc = (out: string) => {
        expect(out.startsWith('# nsviz-record 1\n')).toBe(true);
        const recorded = statBlock(out);
        for (const p of bed('default').truth.processes) {
          expect(recorded.get(p.pid), `pid ${p.pid}`).toEqual(procNs(p.pid));
        }
      };

      it.each(shells)('runs under %s as a file and as sh -s < file', (_label, argv) => {
        const [cmd, ...pre] = argv as [string, ...string[]];
        const asFile = run(cmd, [...pre, RECORDER]);
        expect(asFile.status).toBe(0);
        checkAgainstProc(asFile.stdout);
        const asStdin = run(
          cmd,
          [...pre, '-s', '--', '--no-runtime'],
          readFileSync(RECORDER, 'utf8'),
        );
        expect(asStdin.status).toBe(0);
        checkAgainstProc(asStdin.stdout);
        // The script reached its last step although it was read from stdin.
        expect(asStdin.stdout).toContain('# note: runtimes skipped (--no-runtime)');
        expect(asStdin.stdout).toMatch(/^\$ nsenter -t \d+ -u (hostname|uname -n)$/m);
      });

      it.skipIf(!BUSYBOX)('runs on a node that has nothing but busybox', () => {
        // A chroot holding only a static busybox and /proc: lsns, crictl and podman are absent,
        // ip has no JSON. Everything lives in a private mount namespace and vanishes with it.
        const root = mkdtempSync(join(tmpdir(), 'nsviz-bb-'));
        try {
          const r = run('unshare', [
            '--mount',
            '--propagation',
            'private',
            'sh',
            '-c',
            `set -e
           mount -t tmpfs nsviz-bb "$1"
           mkdir -p "$1/bin" "$1/proc" "$1/dev"
           cp "$2" "$1/bin/busybox"
           for a in $("$2" --list); do [ "$a" = busybox ] || ln -s busybox "$1/bin/$a"; done
           mount --rbind /proc "$1/proc"
           : >"$1/dev/null"; mount --bind /dev/null "$1/dev/null"
           cp "$3" "$1/nsviz-record.sh"
           exec chroot "$1" /bin/sh /nsviz-record.sh`,
            'sh',
            root,
            BUSYBOX ?? '',
            RECORDER,
          ]);
          expect(r.status, r.stderr).toBe(0);
          checkAgainstProc(r.stdout);
          const s = steps(r.stdout);
          expect(s).toContain('$ ps -o pid,ppid,user,args');
          expect(s).toContain('# note: lsns not found');
          expect(s).toContain('# note: crictl not found');
          expect(s).toContain('# note: podman not found');
          const low = Math.min(...bed('default').truth.processes.map((p) => p.pid));
          expect(section(r.stdout, `nsenter -t ${low} -n ip addr`).join('\n')).toContain(
            `inet ${bed('default').truth.pod.ip}/24`,
          );
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      });

      it('answers --help and refuses unknown options', () => {
        const help = run('dash', [RECORDER, '--help']);
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('Usage:');
        const bad = run('dash', [RECORDER, '--bogus']);
        expect(bad.status).toBe(2);
        expect(bad.stdout).toBe('');
      });
    });

    describe('recorder is read-only', () => {
      it('redirects nothing but to /dev/null or stderr, and makes no files', () => {
        const code = shellCode(readFileSync(RECORDER, 'utf8'));
        const redirects = [...code.matchAll(/\d*>>?\s*(&\d|[^\s;)]+)/g)].map((m) => m[0]);
        for (const r of redirects) expect(r, r).toMatch(/>(&\d|\s*\/dev\/null)$/);
        expect(code).not.toMatch(/\b(mktemp|tee|touch|mkdir|rm|mv|cp|ln|truncate|dd)\b/);
      });

      it('produces the same transcript with every mount read-only', () => {
        const cwd = mkdtempSync(join(tmpdir(), 'nsviz-ro-'));
        try {
          const normal = run('dash', [RECORDER, '--no-runtime']);
          // A private mount namespace whose mounts are all remounted read-only: a write the
          // script depended on would fail and change the transcript. The host is not affected.
          const ro = run('unshare', [
            '--mount',
            '--propagation',
            'private',
            'sh',
            '-c',
            `awk '{ print $2 }' /proc/self/mounts | while read -r mp; do
             mount -o remount,bind,ro "$mp" 2>/dev/null || :
           done
           if (: >"$1/probe") 2>/dev/null; then echo "remount did not make $1 read-only" >&2; exit 99; fi
           cd "$1" && exec dash "$2" --no-runtime`,
            'sh',
            cwd,
            RECORDER,
          ]);
          expect(ro.status, ro.stderr).toBe(0);
          const norm = (t: string) =>
            steps(t).map((l) => l.replace(/^\$ nsenter -t \d+/, '$ nsenter -t PID'));
          expect(new Set(norm(ro.stdout))).toEqual(new Set(norm(normal.stdout)));
          expect(readdirSync(cwd)).toEqual([]);
        } finally {
          rmSync(cwd, { recursive: true, force: true });
        }
      });

      it.skipIf(!has('strace'))('opens no file for writing but /dev/null (strace)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'nsviz-strace-'));
        try {
          const log = join(dir, 'trace');
          // Without --no-runtime podman would show: its CLI takes lock files even to list.
          const r = run('strace', [
            '-f',
            '-qq',
            '-o',
            log,
            '-e',
            'trace=open,openat,creat,mkdir,mkdirat,unlink,unlinkat,rename,renameat,renameat2,truncate,symlink,symlinkat,link,linkat',
            'dash',
            RECORDER,
            '--no-runtime',
          ]);
          expect(r.status).toBe(0);
          const writes = readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) =>
              /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|mkdir|unlink|rename|truncate|link\(|creat\(/.test(l),
            )
            .filter((l) => !l.includes('"/dev/null"'));
          expect(writes).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });

    it('records a node with 1,000 extra processes in under 2 s', async () => {
      // One process group of 1,000 sleeps, ended by group id afterwards: only what we started.
      const spawner = spawn(
        'sh',
        ['-c', 'i=0; while [ $i -lt 1000 ]; do sleep 300 & i=$((i+1)); done; echo ready; wait'],
        { detached: true, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const pgid = spawner.pid;
      if (pgid === undefined) throw new Error('spawn failed');
      try {
        await new Promise<void>((ok, fail) => {
          spawner.stdout.on('data', (d: Buffer) => {
            if (d.toString().includes('ready')) ok();
          });
          spawner.on('exit', () => fail(new Error('spawner exited early')));
        });
        const times: number[] = [];
        let lines = 0;
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          const r = run('dash', [RECORDER]);
          times.push(performance.now() - t0);
          expect(r.status).toBe(0);
          lines = section(r.stdout, STAT_CMD).length;
        }
        console.info(
          `recorder with 1,000 extra processes: ${times.map((t) => `${Math.round(t)} ms`).join(', ')}; ${lines} stat lines`,
        );
        expect(lines).toBeGreaterThan(10_000);
        expect(Math.min(...times)).toBeLessThan(2000);

        // A 512 KiB stack limit makes ARG_MAX 128 KiB, too small for the ~11,000 expanded
        // /proc/PID/ns/* paths: the stat step must fall back to printf | xargs, losing nothing.
        const small = run('dash', ['-c', 'ulimit -s 512 && exec dash "$0" --no-runtime', RECORDER]);
        expect(small.status).toBe(0);
        const xargsCmd = "printf '%s\\n' /proc/[0-9]*/ns/* | xargs stat -L -c '%n %i'";
        expect(steps(small.stdout)).toContain(`$ ${xargsCmd}`);
        expect(section(small.stdout, xargsCmd).length).toBeGreaterThan(10_000);
      } finally {
        process.kill(-pgid, 'SIGKILL');
      }
    });

    it('down leaves no process, cgroup, netns or state behind, and is idempotent', () => {
      const name = `vt${tag}-dn`;
      const up = run('sh', [TESTBED, 'up', name]);
      expect(up.status, up.stderr).toBe(0);
      const stateDir = up.stdout.trim();
      const again = run('sh', [TESTBED, 'up', name]);
      expect(again.stdout.trim()).toBe(stateDir);
      const state = readFileSync(join(stateDir, 'state'), 'utf8');
      const pids = [...state.matchAll(/^PROC=(\d+):/gm)].map((m) => Number(m[1]));
      const dirs = [...state.matchAll(/^CGDIR=(.*)$/gm)].map((m) => m[1] ?? '');
      expect(pids).toHaveLength(6);
      expect(existsSync(`/run/netns/nsviz-${name}`)).toBe(true);
      // The pod tree is at the root of every hierarchy (root may write there), not below the
      // cgroup of whoever ran `up`.
      const mountpoints = readFileSync('/proc/self/mountinfo', 'utf8')
        .split('\n')
        .filter((l) => / - cgroup2? /.test(l))
        .map((l) => l.split(' ')[4] ?? '');
      expect(dirs.length).toBeGreaterThan(0);
      for (const d of dirs) {
        expect(
          mountpoints.some((mp) => d === `${mp}/kubepods` || d.startsWith(`${mp}/kubepods/`)),
          d,
        ).toBe(true);
      }

      expect(run('sh', [TESTBED, 'down', name]).status).toBe(0);
      for (const pid of pids) expect(existsSync(`/proc/${pid}`), `pid ${pid}`).toBe(false);
      for (const d of dirs.filter((d) => /\/pod[0-9a-f-]+(\/|$)/.test(d))) {
        expect(existsSync(d), d).toBe(false);
      }
      expect(existsSync(`/run/netns/nsviz-${name}`)).toBe(false);
      expect(existsSync(stateDir)).toBe(false);
      expect(run('sh', [TESTBED, 'down', name]).status).toBe(0);
    });

    it('up refuses a bad name and undoes a half-built test bed', () => {
      expect(run('sh', [TESTBED, 'up', 'Bad_Name']).status).not.toBe(0);
      const name = `vt${tag}-hf`;
      // A netns of that name already there makes `up` fail after the processes started.
      expect(run('ip', ['netns', 'add', `nsviz-${name}`]).status).toBe(0);
      try {
        const up = run('sh', [TESTBED, 'up', name]);
        expect(up.status).not.toBe(0);
        expect(
          existsSync(join(process.env.NSVIZ_TESTBED_STATE ?? '/run/nsviz-testbed', name)),
        ).toBe(false);
        const ours = readdirSync('/proc').filter((p) => {
          try {
            return (
              /^\d+$/.test(p) &&
              readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(`/${name}/bin/pause`)
            );
          } catch {
            return false;
          }
        });
        expect(ours).toEqual([]);
      } finally {
        run('ip', ['netns', 'del', `nsviz-${name}`]);
      }
    });
  },
);
