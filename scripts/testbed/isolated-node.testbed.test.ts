// Runs the test beds inside an isolated node (scripts/testbed/isolated-node.sh): checks that the
// recorder there sees the node and nothing of the host, that what it recorded is what /proc
// says (read inside the node, and from the host through NSpid), and that the node leaves
// nothing behind. Needs Linux and root; the podman part also needs podman. Skips otherwise.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'scripts/testbed/isolated-node.sh');
const UNSHARE_POD = join(ROOT, 'scripts/testbed/unshare-pod.sh');
const PODMAN_POD = join(ROOT, 'scripts/testbed/podman-pod.sh');
const NS = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const;
const NS_LINKS = [...NS, 'pid_for_children', 'time_for_children'] as const;
const STAT_CMD = "stat -L -c '%n %i' /proc/[0-9]*/ns/*";
const CGROUP_CMD = "grep -H '' /proc/[0-9]*/cgroup";
const PS_CMD = 'ps -eo pid,ppid,uid,user,args -ww';

type Ns = Partial<Record<(typeof NS_LINKS)[number], number>>;

interface Truth {
  hostname: string;
  pod: { uid?: string; id?: string; name: string; ip: string | null };
  host: { pid: number; namespaces: Ns };
  containers: { id: string; name: string; sandbox: boolean; mainPid: number }[];
  processes: {
    pid: number;
    role: string;
    container: string | null;
    namespaces: Ns;
    pid_for_children: number | null;
  }[];
}

function run(cmd: string, args: readonly string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(input === undefined ? {} : { input }),
  });
}

function has(tool: string): boolean {
  return run('sh', ['-c', `command -v ${tool}`]).status === 0;
}

function skipReason(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux';
  if (process.getuid?.() !== 0) return 'needs root (creates namespaces, mounts and cgroups)';
  for (const tool of ['unshare', 'nsenter', 'ip', 'lsns']) if (!has(tool)) return `needs ${tool}`;
  if (!/--kill-child/.test(run('unshare', ['--help']).stdout)) return 'needs unshare --kill-child';
  return undefined;
}
const SKIP = skipReason();
const PODMAN_SKIP =
  SKIP ?? (has('podman') && has('busybox') ? undefined : 'needs podman and busybox');
if (SKIP) console.warn(`isolated-node test bed skipped: ${SKIP}`);

function inode(link: string): number | undefined {
  const m = /\[(\d+)\]$/.exec(link);
  return m?.[1] ? Number(m[1]) : undefined;
}

function procNs(pid: number | string): Ns {
  const out: Ns = {};
  for (const e of NS_LINKS) {
    try {
      const i = inode(readlinkSync(`/proc/${pid}/ns/${e}`));
      if (i !== undefined) out[e] = i;
    } catch {
      // a vanished process reads as no namespaces
    }
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

function statBlock(transcript: string): Map<number, Ns> {
  const byPid = new Map<number, Ns>();
  for (const line of section(transcript, STAT_CMD)) {
    const m = /^\/proc\/(\d+)\/ns\/(\w+) (\d+)$/.exec(line);
    if (!m) continue;
    const ns = byPid.get(Number(m[1])) ?? {};
    ns[m[2] as keyof Ns] = Number(m[3]);
    byPid.set(Number(m[1]), ns);
  }
  return byPid;
}

/** "PID ENTRY INODE" lines (as the in-node check writes them) as pid → entry → inode. */
function insideBlock(text: string): Map<number, Ns> {
  const byPid = new Map<number, Ns>();
  for (const line of text.split('\n')) {
    const m = /^(\d+) (\w+) \w+:\[(\d+)\]$/.exec(line);
    if (!m) continue;
    const ns = byPid.get(Number(m[1])) ?? {};
    ns[m[2] as keyof Ns] = Number(m[3]);
    byPid.set(Number(m[1]), ns);
  }
  return byPid;
}

/** The NSpid line of a host pid: its pid in each pid namespace, host first. */
function nspid(hostPid: string): number[] {
  try {
    const m = /^NSpid:\s*(.*)$/m.exec(readFileSync(`/proc/${hostPid}/status`, 'utf8'));
    return m?.[1] ? m[1].trim().split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/**
 * The host pid of the process that is NODEPID in the node and whose own pid namespace is
 * PIDNS: the node's pids mean nothing on the host, NSpid translates them.
 */
function hostPidOf(nodePid: number, pidNs: number | undefined): string | undefined {
  return readdirSync('/proc').find(
    (p) => /^\d+$/.test(p) && nspid(p)[1] === nodePid && procNs(p).pid === pidNs,
  );
}

/** Every pid of this host with the marker string on its command line. */
function pidsWith(marker: string): string[] {
  return readdirSync('/proc').filter((p) => {
    try {
      return /^\d+$/.test(p) && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker);
    } catch {
      return false;
    }
  });
}

/** Directories named nsviz-node-* at the root of (or anywhere below) the host's hierarchies. */
function nodeCgroups(id: string): string[] {
  const mps = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((l) => / - cgroup2? /.test(l))
    .map((l) => l.split(' ')[4] ?? '');
  return mps.flatMap((mp) => {
    const r = run('find', [mp, '-maxdepth', '4', '-type', 'd', '-name', id]);
    return r.stdout.split('\n').filter(Boolean);
  });
}

/**
 * Starts isolated-node.sh with SCRIPT (sh) keeping OUT; resolves when the script prints
 * "ready" (the node is then live and waits for OUT/go) with a function that lets it finish.
 */
async function startNode(
  script: string,
  out: string,
): Promise<{ finish: () => Promise<{ code: number | null; stderr: string }> }> {
  const child = spawn('sh', [NODE, '--keep', out, 'sh', '-c', script, 'sh', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((ok) =>
    child.on('exit', (code) => ok({ code, stderr })),
  );
  await new Promise<void>((ok, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (/^ready$/m.test(stdout)) ok();
    });
    void exited.then(({ code }) => fail(new Error(`node exited (${code}) early: ${stderr}`)));
  });
  return {
    finish: async () => {
      run('touch', [join(out, 'go')]);
      return exited;
    },
  };
}

const tag = String(process.pid % 10000);

// In the node: up, record, then /proc read by other means than the recorder (readlink of every
// test-bed pid's links), then "ready" and a wait for the host side to look, then down.
const UNSHARE_SCRIPT = `set -e
out=$1 name=in${tag}
trap 'sh ${UNSHARE_POD} down "$name" >/dev/null 2>&1 || :' EXIT
sh ${UNSHARE_POD} up "$name" >/dev/null
sh ${UNSHARE_POD} record "$name" "$out/rec" >/dev/null
for p in $(sed -n 's/^PROC=\\([0-9]*\\):.*/\\1/p' "/run/nsviz-testbed/$name/state"); do
  for e in ${NS_LINKS.join(' ')}; do printf '%s %s %s\\n' "$p" "$e" "$(readlink "/proc/$p/ns/$e")"; done
done >"$out/inside.txt"
echo ready
while [ ! -e "$out/go" ]; do sleep 0.1; done
`;

describe.skipIf(SKIP !== undefined)(`isolated node${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  describe('an unshare pod recorded inside the node', () => {
    const out = SKIP ? '' : mkdtempSync(join(tmpdir(), 'nsviz-isolated-'));
    let record = '';
    let truth: Truth;
    let inside = new Map<number, Ns>();
    let hostView = new Map<number, { hostPid: string | undefined; ns: Ns; cgroup: string }>();
    let nodeInit: { hostPid: string | undefined; cmdline: string; cgroup: string };
    let result: { code: number | null; stderr: string };
    const self = procNs('self');

    beforeAll(async () => {
      const node = await startNode(UNSHARE_SCRIPT, out);
      try {
        record = readFileSync(join(out, 'rec/record.txt'), 'utf8');
        truth = JSON.parse(readFileSync(join(out, 'rec/truth.json'), 'utf8')) as Truth;
        inside = insideBlock(readFileSync(join(out, 'inside.txt'), 'utf8'));
        // The host's view of the live node, through NSpid.
        hostView = new Map(
          truth.processes.map((p) => {
            const hostPid = hostPidOf(p.pid, p.namespaces.pid);
            const cgroup = hostPid ? readFileSync(`/proc/${hostPid}/cgroup`, 'utf8') : '';
            return [p.pid, { hostPid, ns: hostPid ? procNs(hostPid) : {}, cgroup }];
          }),
        );
        const initPid = hostPidOf(1, truth.host.namespaces.pid);
        nodeInit = {
          hostPid: initPid,
          cmdline: initPid ? readFileSync(`/proc/${initPid}/cmdline`, 'utf8') : '',
          cgroup: initPid ? readFileSync(`/proc/${initPid}/cgroup`, 'utf8') : '',
        };
      } finally {
        result = await node.finish();
      }
    });

    afterAll(() => {
      if (out) rmSync(out, { recursive: true, force: true });
    });

    it('runs and ends cleanly', () => {
      expect(result.code, result.stderr).toBe(0);
    });

    it('records the inodes /proc shows inside the node, and the host sees through NSpid', () => {
      const recorded = statBlock(record);
      expect(truth.processes).toHaveLength(6);
      for (const p of truth.processes) {
        const want = inside.get(p.pid);
        expect(want, `pid ${p.pid} read inside`).toBeDefined();
        expect(Object.keys(want ?? {}).sort()).toEqual([...NS_LINKS].sort());
        expect(recorded.get(p.pid), `pid ${p.pid} recorded`).toEqual(want);
        expect({ ...p.namespaces, pid_for_children: p.pid_for_children }).toEqual(
          Object.fromEntries([...NS, 'pid_for_children'].map((e) => [e, want?.[e as keyof Ns]])),
        );
        const seen = hostView.get(p.pid);
        expect(seen?.hostPid, `host pid of node pid ${p.pid}`).toBeDefined();
        expect(Number(seen?.hostPid)).not.toBe(p.pid);
        expect(seen?.ns).toEqual(want);
      }
    });

    it('sees the node and nothing of the host', () => {
      const ps = section(record, PS_CMD).slice(1);
      expect(ps.length).toBeGreaterThanOrEqual(8);
      expect(ps.length).toBeLessThan(20);
      expect(ps.find((l) => /^\s*1\s+0\s/.test(l))).toMatch(/ sh -c "\$@"; exit \$\? node-init /);
      expect(
        ps.filter((l) => /\s\[[^\]]+\]$/.test(l)),
        'kernel threads',
      ).toEqual([]);
      expect(nodeInit.cmdline.split('\0').slice(0, 4)).toEqual([
        'sh',
        '-c',
        '"$@"; exit $?',
        'node-init',
      ]);
      // The node's own namespaces; user and time stay the host's.
      const node = truth.host.namespaces;
      for (const t of ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'uts'] as const)
        expect(node[t], t).not.toBe(self[t]);
      expect([node.user, node.time]).toEqual([self.user, self.time]);
      // Every recorded process is in the node's pid namespace or one made inside it.
      const podPidNs = new Set(truth.processes.map((p) => p.namespaces.pid));
      for (const [pid, ns] of statBlock(record)) {
        expect(ns.pid === node.pid || podPidNs.has(ns.pid), `pid ${pid}`).toBe(true);
      }
      expect(section(record, 'hostname')).toEqual(['nsviz-node']);
      expect(truth.hostname).toBe('nsviz-node');
    });

    it('shows cgroup paths from the root of the node, none of the host', () => {
      const lines = section(record, CGROUP_CMD);
      expect(lines.length).toBeGreaterThan(0);
      const uid = truth.pod.uid ?? '';
      const ids = new Set(truth.processes.map((p) => p.container));
      for (const l of lines) {
        const m = /^\/proc\/(\d+)\/cgroup:\d+:[^:]*:(.*)$/.exec(l);
        expect(m, l).not.toBeNull();
        const path = m?.[2] ?? '';
        if (path === '/') continue;
        const k = new RegExp(`^/kubepods/besteffort/pod${uid}/([0-9a-f]{64})$`).exec(path);
        expect(k, l).not.toBeNull();
        expect(ids.has(k?.[1] ?? null), l).toBe(true);
      }
      // On the host the same processes are in nsviz-node-*/kubepods/...: the node's cgroup.
      for (const p of truth.processes) {
        const cg = hostView.get(p.pid)?.cgroup ?? '';
        expect(cg, `pid ${p.pid}`).toMatch(
          /:\/(.*\/)?nsviz-node-[0-9a-f]{8}\/kubepods\/besteffort\//,
        );
      }
    });

    it('leaves no process, cgroup, mount or state behind', () => {
      for (const { hostPid } of hostView.values())
        expect(existsSync(`/proc/${hostPid}`), `host pid ${hostPid}`).toBe(false);
      expect(existsSync(`/proc/${nodeInit.hostPid}`)).toBe(false);
      const id = /nsviz-node-[0-9a-f]{8}/.exec(nodeInit.cgroup)?.[0];
      expect(id).toBeDefined();
      expect(nodeCgroups(id ?? 'none')).toEqual([]);
      // The node's /run was its own: the host never had its state or named netns.
      expect(existsSync(`/run/nsviz-testbed/in${tag}`)).toBe(false);
      expect(existsSync(`/run/netns/nsviz-in${tag}`)).toBe(false);
      expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(out);
    });
  });

  describe('isolated-node.sh itself', () => {
    it('passes stdin and the exit status through, and --help', () => {
      const r = run('sh', [NODE, 'sh', '-c', 'cat; exit 7'], 'through\n');
      expect(r.stdout).toBe('through\n');
      expect(r.status).toBe(7);
      const help = run('sh', [NODE, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: isolated-node.sh');
      expect(run('sh', [NODE, '--bogus', 'true']).status).toBe(125);
    });

    it('ends every process left in the node when the command ends', () => {
      const marker = `${4000 + Number(tag)}.${tag}`;
      const r = run('sh', [NODE, 'sh', '-c', `sleep ${marker} & sleep ${marker} & echo started`]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('started\n');
      expect(pidsWith(`sleep\0${marker}`)).toEqual([]);
    });

    it('gives the node empty /tmp and /run of its own, and keeps --keep directories', () => {
      const keep = mkdtempSync(join(tmpdir(), 'nsviz-keep-'));
      try {
        const r = run('sh', [
          NODE,
          '--keep',
          keep,
          '--hostname',
          'keeptest',
          'sh',
          '-c',
          'ls -A /tmp /run; hostname; echo inside >"$1/file"; echo lost >/tmp/lost',
          'sh',
          keep,
        ]);
        expect(r.status, r.stderr).toBe(0);
        const lines = r.stdout.trim().split('\n');
        expect(lines).toContain('keeptest');
        expect(r.stdout).not.toContain('nsviz-testbed');
        expect(readFileSync(join(keep, 'file'), 'utf8')).toBe('inside\n');
        expect(existsSync('/tmp/lost')).toBe(false);
      } finally {
        rmSync(keep, { recursive: true, force: true });
      }
    });
  });

  describe.skipIf(PODMAN_SKIP !== undefined)(
    `a podman pod recorded inside the node${PODMAN_SKIP ? ` (skipped: ${PODMAN_SKIP})` : ''}`,
    () => {
      const out = PODMAN_SKIP ? '' : mkdtempSync(join(tmpdir(), 'nsviz-isolated-podman-'));
      const name = `nsviz-in-${tag}`;
      let record = '';
      let truth: Truth;
      let inside = new Map<number, Ns>();
      let result: { code: number | null; stderr: string };

      beforeAll(async () => {
        const script = `set -e
out=$1
trap 'sh ${PODMAN_POD} down ${name} >/dev/null 2>&1 || :' EXIT
sh ${PODMAN_POD} up ${name} >/dev/null
sh ${PODMAN_POD} record ${name} "$out/rec" --no-raw
for p in $(grep -l -F "$(podman pod inspect --format '{{.Id}}' ${name})" /proc/[0-9]*/cgroup | cut -d/ -f3); do
  for e in ${NS_LINKS.join(' ')}; do printf '%s %s %s\\n' "$p" "$e" "$(readlink "/proc/$p/ns/$e")"; done
done >"$out/inside.txt"
echo ready
while [ ! -e "$out/go" ]; do sleep 0.1; done
`;
        const node = await startNode(script, out);
        try {
          record = readFileSync(join(out, 'rec/record.txt'), 'utf8');
          truth = JSON.parse(readFileSync(join(out, 'rec/truth.json'), 'utf8')) as Truth;
          inside = insideBlock(readFileSync(join(out, 'inside.txt'), 'utf8'));
        } finally {
          result = await node.finish();
        }
      });

      afterAll(() => {
        if (out) rmSync(out, { recursive: true, force: true });
      });

      it('runs podman, conmon and catatonit in the node and ends cleanly', () => {
        expect(result.code, result.stderr).toBe(0);
        expect(truth.processes.filter((p) => p.role === 'conmon')).toHaveLength(3);
        expect(truth.containers.filter((c) => c.sandbox)).toHaveLength(1);
        expect(section(record, PS_CMD).some((l) => / \/catatonit -P$/.test(l))).toBe(true);
      });

      it('records the inodes /proc shows inside the node', () => {
        const recorded = statBlock(record);
        expect(truth.processes).toHaveLength(6);
        for (const p of truth.processes) {
          expect(recorded.get(p.pid), `pid ${p.pid}`).toEqual(inside.get(p.pid));
          expect(p.namespaces.net).toBe(inside.get(p.pid)?.net);
        }
      });

      it('lists only the node: its own podman state, cgroup paths from the node root', () => {
        const ps = JSON.parse(
          section(record, 'podman ps --pod -a --ns --format json').join('\n'),
        ) as {
          PodName: string;
        }[];
        expect(new Set(ps.map((c) => c.PodName))).toEqual(new Set([name]));
        for (const l of section(record, CGROUP_CMD)) {
          expect(l, l).toMatch(
            /^\/proc\/\d+\/cgroup:\d+:[^:]*:(\/|\/libpod_parent\/[0-9a-f]{64}(\/.*)?)$/,
          );
        }
        expect(section(record, PS_CMD).slice(1).length).toBeLessThan(20);
        // The pod was the node's: the host's podman never knew it.
        expect(run('podman', ['pod', 'exists', name]).status).not.toBe(0);
      });
    },
  );
});
