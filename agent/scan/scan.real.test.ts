/**
 * scanProc against REAL namespaces built with unshare/nsenter: a "pause" owning net/ipc/uts and
 * an "app" joining them with its own mnt and pid namespaces (the pod shape of domain.md).
 * Checked against `readlink /proc/PID/ns/*` and `lsns -J -l -p PID`. Needs root on Linux.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessRow, Snapshot } from '../../src/protocol/snapshot.ts';
import { NS_TYPES } from '../../src/protocol/snapshot.ts';
import { scanProc } from './scan.ts';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const skipReason =
  process.platform !== 'linux'
    ? 'not Linux'
    : process.getuid?.() !== 0
      ? 'not root (unshare and mount need it)'
      : !['unshare', 'nsenter', 'lsns', 'mount', 'umount'].every(has)
        ? 'unshare, nsenter, lsns, mount or umount missing'
        : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The first child of `pid` once it runs `comm` (after its exec), polling up to 5 s. */
async function childRunning(pid: number, comm: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    try {
      const kid = Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ')[0]);
      if (kid && readFileSync(`/proc/${kid}/comm`, 'utf8').trim() === comm) return kid;
    } catch {
      // not there yet
    }
    await sleep(50);
  }
  throw new Error(`no ${comm} child of ${pid}`);
}

/** `readlink /proc/PID/ns/<type>` → inode, by the real command. */
function readlinkInode(pid: number, name: string): number {
  const out = spawnSync('readlink', [`/proc/${pid}/ns/${name}`], { encoding: 'utf8' }).stdout;
  return Number(/\[(\d+)\]/.exec(out)?.[1]);
}

interface LsnsRow {
  ns: number;
  type: string;
  nprocs: number;
}
function lsns(pid: number): LsnsRow[] {
  const out = spawnSync('lsns', ['-J', '-l', '-p', String(pid)], { encoding: 'utf8' }).stdout;
  return (JSON.parse(out) as { namespaces: LsnsRow[] }).namespaces;
}

const started: ChildProcess[] = [];
const kids: number[] = [];
const mounts: string[] = [];
let dir = '';
let pause = 0; // the sleep inside the pause's namespaces
let wrapper = 0; // `unshare --pid --fork` of the app: host pid ns, new pid_for_children
let app = 0; // PID 1 of the app's pid namespace
let snap: Snapshot;
const row = (pid: number): ProcessRow => {
  const r = snap.processes.find((p) => p.pid === pid);
  if (!r) throw new Error(`pid ${pid} not in the scan`);
  return r;
};
const nsRow = (type: string, inode: number | undefined) =>
  snap.namespaces.find((n) => n.type === type && n.inode === inode);

describe.skipIf(skipReason !== undefined)(
  `scanProc on real namespaces${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'nsviz-scan-'));
      const sandbox = spawn('unshare', ['--net', '--ipc', '--uts', '--fork', 'sleep', '300'], {
        stdio: 'ignore',
      });
      started.push(sandbox);
      pause = await childRunning(sandbox.pid!, 'sleep');
      kids.push(pause);
      const ctr = spawn(
        'nsenter',
        [
          '--target',
          String(pause),
          '--net',
          '--ipc',
          '--uts',
          'unshare',
          '--mount',
          '--pid',
          '--fork',
          '--mount-proc',
          'sleep',
          '300',
        ],
        { stdio: 'ignore' },
      );
      started.push(ctr);
      wrapper = ctr.pid!; // nsenter execs unshare in place
      app = await childRunning(wrapper, 'sleep');
      kids.push(app);
      // Namespaces held by bind mounts only: the pause's net (also held by processes) and an ipc
      // namespace nobody is in.
      for (const name of ['net', 'ipc']) writeFileSync(join(dir, name), '');
      expect(spawnSync('mount', ['--bind', `/proc/${pause}/ns/net`, join(dir, 'net')]).status).toBe(
        0,
      );
      mounts.push(join(dir, 'net'));
      expect(spawnSync('unshare', [`--ipc=${join(dir, 'ipc')}`, 'true']).status).toBe(0);
      mounts.push(join(dir, 'ipc'));
      snap = await scanProc();
    });

    afterAll(() => {
      // Only what this file started: the two sleeps by pid, then their unshare/nsenter parents.
      for (const pid of kids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      for (const c of started) c.kill('SIGKILL');
      for (const m of mounts) spawnSync('umount', [m]);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('matches readlink /proc/PID/ns/* for every type', () => {
      for (const pid of [pause, wrapper, app, process.pid]) {
        const r = row(pid);
        for (const type of NS_TYPES)
          expect(r.namespaces[type], `${pid} ${type}`).toBe(readlinkInode(pid, type));
        expect(r.forChildren?.pid).toBe(readlinkInode(pid, 'pid_for_children'));
      }
    });

    it('matches lsns -J -l -p to the inode, and its NPROCS for the pod namespaces', () => {
      for (const pid of [pause, app]) {
        const r = row(pid);
        for (const l of lsns(pid)) {
          expect(r.namespaces[l.type as keyof typeof r.namespaces], `${pid} ${l.type}`).toBe(l.ns);
        }
      }
      const host = row(process.pid).namespaces;
      for (const l of lsns(app)) {
        if (host[l.type as keyof typeof host] === l.ns) continue; // host namespaces change under us
        expect(nsRow(l.type, l.ns)?.nprocs, `${l.type} ${l.ns}`).toBe(l.nprocs);
      }
    });

    it('shows the pod shape: shared net/ipc/uts, own mnt/pid', () => {
      const p = row(pause).namespaces;
      const a = row(app).namespaces;
      const host = row(process.pid).namespaces;
      for (const t of ['net', 'ipc', 'uts'] as const) {
        expect(a[t]).toBe(p[t]);
        expect(p[t]).not.toBe(host[t]);
      }
      for (const t of ['mnt', 'pid'] as const) expect(a[t]).not.toBe(p[t]);
      expect(p.pid).toBe(host.pid);
      // The wrapper stays in the host pid namespace; its children go to the app's.
      expect(row(wrapper).namespaces.pid).toBe(host.pid);
      expect(row(wrapper).forChildren?.pid).toBe(a.pid);
      expect(row(app).command).toBe('sleep 300');
      // sandbox wrapper, pause, nsenter→unshare wrapper, app
      expect(nsRow('net', p.net)?.nprocs).toBe(4);
      expect(nsRow('pid', a.pid)?.nprocs).toBe(1);
    });

    it('lists nsfs bind mounts, including a namespace without processes', () => {
      expect(nsRow('net', row(pause).namespaces.net)?.nsfs).toContain(join(dir, 'net'));
      const bound = snap.namespaces.find((n) => n.nsfs?.includes(join(dir, 'ipc')));
      expect(bound).toMatchObject({ type: 'ipc', nprocs: 0 });
      const stat = spawnSync('stat', ['-L', '-c', '%i', join(dir, 'ipc')], { encoding: 'utf8' });
      expect(bound?.inode).toBe(Number(stat.stdout.trim()));
    });

    it('without root: keeps rows, aggregates permission warnings', () => {
      const script = join(dir, 'scan-as-nobody.mts');
      writeFileSync(
        script,
        `import { scanProc } from ${JSON.stringify(join(import.meta.dirname, 'scan.ts'))};\n` +
          `const s = await scanProc();\n` +
          `console.log(JSON.stringify({ n: s.processes.length, self: s.processes.find((p) => p.pid === process.pid), warnings: s.warnings }));\n`,
      );
      chmodSync(dir, 0o755); // mkdtemp makes it 0700
      const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
      // A checkout in a directory only root may enter (`mktemp -d` makes them 0700) would keep
      // nobody from loading the code at all: let others pass through it for this run only.
      const reopen = traversable(join(import.meta.dirname, '../..'));
      let res: SpawnSyncReturns<string>;
      try {
        res = spawnSync(tsx, [script], {
          uid: 65534,
          gid: 65534,
          encoding: 'utf8',
          cwd: dir,
          env: { ...process.env, HOME: dir },
        });
      } finally {
        reopen();
      }
      expect(res.status, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout) as {
        n: number;
        self: ProcessRow;
        warnings: { message: string }[];
      };
      expect(out.n).toBeGreaterThan(10);
      expect(out.self.namespaces.net).toBe(readlinkInode(process.pid, 'net'));
      const denied = out.warnings.filter((w) => w.message.includes('permission denied'));
      expect(denied.length).toBeGreaterThan(0);
      expect(denied.length).toBeLessThanOrEqual(10); // at most one per link kind, never one per process
      expect(denied.some((w) => /namespace links? of \d+ processes/.test(w.message))).toBe(true);
    });
  },
);

/**
 * Adds search (x) permission for others to `path` and every directory above it that lacks it;
 * returns the function that puts the modes back.
 */
function traversable(path: string): () => void {
  const changed: [string, number][] = [];
  for (let p = path; ; p = dirname(p)) {
    const mode = statSync(p).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(p, mode | 0o001);
      changed.push([p, mode]);
    }
    if (dirname(p) === p) break;
  }
  return () => {
    for (const [p, mode] of changed) chmodSync(p, mode);
  };
}
