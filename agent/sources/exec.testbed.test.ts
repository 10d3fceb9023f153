// Exec sources for real: an isolated node (scripts/testbed/isolated-node.sh) holding an unshare
// pod and a podman pod, recorded from the host through `nsenter -t <node init> -a sh` and from
// inside the podman pod's container through `nsenter … podman exec -i CTR sh`. What the exec
// source reports is checked against /proc read from the host (through NSpid), and the
// classification must show each sandbox's shared net/ipc/uts. Needs Linux and root (and podman
// for the podman part); skips itself otherwise.
import { spawn, spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/model/classify.ts';
import type { NsType, Snapshot } from '../../src/protocol/snapshot.ts';
import { execSource } from './exec.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'scripts/testbed/isolated-node.sh');
const UNSHARE_POD = join(ROOT, 'scripts/testbed/unshare-pod.sh');
const PODMAN_POD = join(ROOT, 'scripts/testbed/podman-pod.sh');
const NS: readonly NsType[] = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'];

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

function skipReason(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux';
  if (process.getuid?.() !== 0) return 'needs root (creates namespaces, mounts and cgroups)';
  for (const tool of ['unshare', 'nsenter', 'ip']) if (!has(tool)) return `needs ${tool}`;
  return undefined;
}
const SKIP = skipReason();
const PODMAN = SKIP === undefined && has('podman') && has('busybox');
if (SKIP) console.warn(`exec source test bed skipped: ${SKIP}`);

const tag = String(process.pid % 10000);
const live = () => new AbortController().signal;

function procNs(pid: string): Partial<Record<NsType, number>> {
  const out: Partial<Record<NsType, number>> = {};
  for (const t of NS) {
    try {
      const m = /\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/ns/${t}`));
      if (m?.[1]) out[t] = Number(m[1]);
    } catch {
      // gone
    }
  }
  return out;
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Host pids of the node (by its cgroup), keyed by their pid in the node (NSpid's second). */
function nodePids(cgroupId: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p) || !read(`/proc/${p}/cgroup`).includes(`/${cgroupId}`)) continue;
    const nspid = /^NSpid:\s*(.*)$/m
      .exec(read(`/proc/${p}/status`))?.[1]
      ?.trim()
      .split(/\s+/);
    if (nspid?.[1]) out.set(Number(nspid[1]), p);
  }
  return out;
}

describe.skipIf(SKIP !== undefined)(`exec sources${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  const out = SKIP ? '' : mkdtempSync(join(tmpdir(), 'nsviz-exec-tb-'));
  const podman = `nsviz-ex-${tag}`;
  let node: ReturnType<typeof spawn> | undefined;
  let exited: Promise<number | null> = Promise.resolve(null);
  let initPid = '';
  let cgroupId = '';

  beforeAll(async () => {
    const script = `set -e
out=$1
trap 'sh ${UNSHARE_POD} down ex${tag} >/dev/null 2>&1 || :; ${PODMAN ? `sh ${PODMAN_POD} down ${podman} >/dev/null 2>&1 || :` : ':'}' EXIT
sh ${UNSHARE_POD} up ex${tag} >/dev/null
${PODMAN ? `sh ${PODMAN_POD} up ${podman} >/dev/null` : ''}
echo ready
while [ ! -e "$out/go" ]; do sleep 0.1; done
`;
    node = spawn(
      'sh',
      [NODE, '--hostname', `exec-node-${tag}`, '--keep', out, 'sh', '-c', script, 'sh', out],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    node.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    exited = new Promise((ok) => node?.on('exit', (code) => ok(code)));
    await new Promise<void>((ok, fail) => {
      node?.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (/^ready$/m.test(stdout)) ok();
      });
      void exited.then((code) => fail(new Error(`node exited (${code}) early: ${stderr}`)));
    });
    // The node's init: its command line names our output directory.
    initPid =
      readdirSync('/proc').find((p) => {
        const cmd = read(`/proc/${p}/cmdline`);
        return (
          /^\d+$/.test(p) &&
          cmd.includes('node-init') &&
          cmd.includes(out) &&
          cmd.startsWith('sh\0-c\0')
        );
      }) ?? '';
    cgroupId = /nsviz-node-[0-9a-f]{8}/.exec(read(`/proc/${initPid}/cgroup`))?.[0] ?? '';
  });

  afterAll(async () => {
    if (!out) return;
    writeFileSync(join(out, 'go'), '');
    const code = await exited;
    rmSync(out, { recursive: true, force: true });
    expect(code).toBe(0);
  });

  it('records the node through nsenter, matching /proc to the inode', async () => {
    expect(initPid).toMatch(/^\d+$/);
    const src = execSource('exec-node', `nsenter -t ${initPid} -a sh`);
    const t0 = performance.now();
    const { snapshot } = await src.read(live());
    console.log(
      `exec through nsenter: ${Math.round(performance.now() - t0)} ms, ${snapshot.processes.length} processes`,
    );
    expect(snapshot.nodes).toEqual([
      expect.objectContaining({ name: 'exec-node', hostname: `exec-node-${tag}` }),
    ]);
    const hostPids = nodePids(cgroupId);
    let compared = 0;
    for (const p of snapshot.processes) {
      const hostPid = hostPids.get(p.pid);
      if (!hostPid) continue; // the recorder's own processes have exited
      const truth = procNs(hostPid);
      if (Object.keys(truth).length === 0) continue;
      for (const t of NS) expect(p.namespaces[t], `node pid ${p.pid} ${t}`).toBe(truth[t]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(PODMAN ? 10 : 6);
    // Only the node: its init is PID 1, and nothing of the host shows.
    expect(snapshot.processes.find((p) => p.pid === 1)?.command).toMatch(/node-init/);
    expect(snapshot.processes.length).toBeLessThan(40);
    checkPods(snapshot, PODMAN ? 2 : 1);
  });

  it.skipIf(!PODMAN)('records a podman container through podman exec -i', async () => {
    const ctr = `${podman}-sleep`;
    const src = execSource('in-ctr', `nsenter -t ${initPid} -a podman exec -i ${ctr} sh`);
    const t0 = performance.now();
    const { snapshot } = await src.read(live());
    console.log(
      `exec through podman exec: ${Math.round(performance.now() - t0)} ms, ${snapshot.processes.length} processes`,
    );
    // The container's own pid namespace: its sleep is PID 1, the recorder's shell is there.
    const sleep = snapshot.processes.find((p) => p.pid === 1);
    expect(sleep?.command).toBe('sleep 86400');
    expect(snapshot.nodes[0]?.name).toBe('in-ctr');
    // The inodes are the host's view of that container and of its pod's infra container.
    const pidOf = (name: string): string =>
      spawnSync(
        'nsenter',
        ['-t', initPid, '-a', 'podman', 'inspect', '--format', '{{.State.Pid}}', name],
        {
          encoding: 'utf8',
        },
      ).stdout.trim();
    const hostPids = nodePids(cgroupId);
    const sleepNs = procNs(hostPids.get(Number(pidOf(ctr))) ?? '');
    const infraNs = procNs(
      hostPids.get(
        Number(
          pidOf(
            spawnSync(
              'nsenter',
              [
                '-t',
                initPid,
                '-a',
                'podman',
                'pod',
                'inspect',
                '--format',
                '{{.InfraContainerID}}',
                podman,
              ],
              {
                encoding: 'utf8',
              },
            ).stdout.trim(),
          ),
        ),
      ) ?? '',
    );
    expect(sleepNs.net).toBeDefined();
    for (const t of NS) expect(sleep?.namespaces[t], t).toBe(sleepNs[t]);
    for (const t of ['net', 'ipc', 'uts'] as const) expect(sleepNs[t], t).toBe(infraNs[t]);
    expect(sleepNs.mnt).not.toBe(infraNs.mnt);
    // Every process the recorder saw (with links still readable) is in the container.
    const seen = snapshot.processes.filter((p) => p.namespaces.pid !== undefined);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const p of seen) expect(p.namespaces.pid, `pid ${p.pid}`).toBe(sleepNs.pid);
  });

  it('reports a missing container as a failed read, not a crash', async () => {
    const src = execSource(
      'gone',
      `nsenter -t ${initPid} -a podman exec -i nsviz-no-such-${tag} sh`,
    );
    await expect(src.read(live())).rejects.toThrow(
      PODMAN
        ? /^`nsenter -t \d+ -a podman exec -i nsviz-no-such-\d+ sh` exited with status 125: .*no such container/
        : /command not found|exited with status/,
    );
  });
});

/** Each pod's containers share the sandbox's net, ipc and uts namespaces (scope `pod`). */
function checkPods(snapshot: Snapshot, count: number): void {
  const pods = classify(snapshot).pods;
  expect(pods).toHaveLength(count);
  for (const pod of pods) {
    expect(pod.containers[0]?.sandbox, pod.key).toBe(true);
    expect(pod.containers.length, pod.key).toBe(3);
    const sandbox = pod.containers[0]!;
    for (const c of pod.containers) {
      for (const t of ['net', 'ipc', 'uts'] as const) {
        expect(c.namespaces[t]?.scope, `${pod.key} ${c.name ?? c.id} ${t}`).toBe('pod');
        expect(c.namespaces[t]?.inode).toBe(sandbox.namespaces[t]?.inode);
      }
    }
  }
}
