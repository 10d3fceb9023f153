// The live source against real namespaces: an unshare pod and a real podman pod, each built
// inside an isolated node (scripts/testbed/isolated-node.sh) where the live source reads /proc,
// runs podman and nsenter; then what it reports is compared with /proc and `lsns -J` read in the
// same node, and with the classification the pod should have. Also: processes that exit while
// a scan runs. Needs Linux and root (and podman for the podman part); skips otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/model/classify.ts';
import type { NsType, Snapshot } from '../../src/protocol/snapshot.ts';
import { liveSource } from './live.ts';
import type { SourceResult } from './types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE_SH = join(ROOT, 'scripts/testbed/isolated-node.sh');
const UNSHARE_POD = join(ROOT, 'scripts/testbed/unshare-pod.sh');
const PODMAN_POD = join(ROOT, 'scripts/testbed/podman-pod.sh');
const DUMP = join(ROOT, 'agent/sources/testbed/dumpLive.ts');

const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
function skipReason(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux';
  if (process.getuid?.() !== 0) return 'needs root (creates namespaces and cgroups)';
  for (const tool of ['unshare', 'nsenter', 'ip', 'lsns']) if (!has(tool)) return `needs ${tool}`;
  return undefined;
}
const SKIP = skipReason();
const PODMAN_SKIP =
  SKIP ?? (has('podman') && has('busybox') ? undefined : 'needs podman and busybox');
if (SKIP) console.warn(`live source test bed skipped: ${SKIP}`);

interface Dump {
  result: SourceResult;
  lsns: { namespaces: { ns: number; type: string; nprocs: number; pid: number }[] };
  proc: Record<string, Record<string, number>>;
  self: number;
}

/** Runs `up` of a test bed, the dump and `down`, all inside one isolated node. */
function inNode(up: string, down: string): Promise<Dump> {
  const out = mkdtempSync(join(tmpdir(), 'nsviz-live-'));
  const script = `set -e
trap '${down} >/dev/null 2>&1 || :' EXIT
${up} >/dev/null
node --import tsx ${DUMP} "$1/dump.json"
`;
  return new Promise((ok, fail) => {
    const child = spawn('sh', [NODE_SH, '--keep', out, 'sh', '-c', script, 'sh', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`node exited ${code}: ${stderr}`);
        ok(JSON.parse(readFileSync(join(out, 'dump.json'), 'utf8')) as Dump);
      } catch (e) {
        fail(e as Error);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}

/** Every check both test beds share. */
function checkAgainstProc(d: Dump, label: string): void {
  const s = d.result.snapshot;
  // Process by process, to the inode: what /proc said right after the scan. Processes that
  // came or went between the two reads (the dump itself, lsns) are left out.
  const byPid = new Map(s.processes.map((p) => [p.pid, p]));
  let compared = 0;
  for (const [pidText, links] of Object.entries(d.proc)) {
    const p = byPid.get(Number(pidText));
    if (!p || Number(pidText) === d.self) continue;
    compared++;
    for (const type of ['mnt', 'net', 'pid', 'ipc', 'uts', 'user', 'cgroup', 'time'] as NsType[]) {
      expect(p.namespaces[type], `${label}: pid ${pidText} ${type}`).toBe(links[type]);
    }
    if (links.pid_for_children !== undefined && p.forChildren?.pid !== undefined)
      expect(p.forChildren.pid).toBe(links.pid_for_children);
  }
  expect(compared).toBeGreaterThan(5);
  // Every namespace lsns lists is in the snapshot, with the same type.
  const ns = new Map(s.namespaces.map((n) => [n.inode, n]));
  for (const n of d.lsns.namespaces) {
    expect(ns.get(n.ns)?.type, `${label}: lsns ${n.type} ${n.ns}`).toBe(n.type);
  }
}

/** The pod's containers: the sandbox holds net/ipc/uts, shared by every container. */
function checkPodShares(s: Snapshot, label: string): void {
  const summary = classify(s);
  expect(summary.pods, label).toHaveLength(1);
  const pod = summary.pods[0]!;
  expect(pod.containers.length, label).toBeGreaterThanOrEqual(3);
  const sandbox = pod.containers[0]!;
  expect(sandbox.sandbox, label).toBe(true);
  for (const type of ['net', 'ipc', 'uts'] as const) {
    const inode = sandbox.namespaces[type]?.inode;
    expect(sandbox.namespaces[type]?.scope, `${label}: sandbox ${type}`).toBe('pod');
    for (const c of pod.containers)
      expect(c.namespaces[type]?.inode, `${label}: ${c.name} ${type}`).toBe(inode);
  }
  for (const c of pod.containers.slice(1)) {
    expect(c.namespaces.mnt?.scope, `${label}: ${c.name} mnt`).toBe('container');
    expect(c.namespaces.mnt?.inode).not.toBe(sandbox.namespaces.mnt?.inode);
  }
}

describe.skipIf(SKIP !== undefined)(
  `live source on real namespaces${SKIP ? ` (skipped: ${SKIP})` : ''}`,
  () => {
    describe('an unshare pod in an isolated node', () => {
      let d: Dump;
      beforeAll(async () => {
        d = await inNode(`sh ${UNSHARE_POD} up lv1`, `sh ${UNSHARE_POD} down lv1`);
      });

      it('matches /proc and lsns to the inode', () => checkAgainstProc(d, 'unshare'));

      it('classifies the sandbox net/ipc/uts as shared by the pod', () => {
        checkPodShares(d.result.snapshot, 'unshare');
      });

      it('reads the pod network and host name', () => {
        const s = d.result.snapshot;
        const sandbox = classify(s).pods[0]!.containers[0]!;
        const net = s.namespaces.find(
          (n) => n.type === 'net' && n.inode === sandbox.namespaces.net?.inode,
        );
        const eth0 = net?.interfaces?.find((i) => i.name === 'eth0');
        expect(eth0?.addresses.some((a) => a.startsWith('198.18.'))).toBe(true);
        expect(eth0?.mac).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
        const uts = s.namespaces.find(
          (n) => n.type === 'uts' && n.inode === sandbox.namespaces.uts?.inode,
        );
        expect(uts?.hostname).toBe('lv1');
      });
    });

    describe.skipIf(PODMAN_SKIP !== undefined)(
      `a podman pod in an isolated node${PODMAN_SKIP ? ` (skipped: ${PODMAN_SKIP})` : ''}`,
      () => {
        let d: Dump;
        beforeAll(async () => {
          d = await inNode(`sh ${PODMAN_POD} up lv2`, `sh ${PODMAN_POD} down lv2`);
        });

        it('matches /proc and lsns to the inode', () => checkAgainstProc(d, 'podman'));

        it("knows the containers from podman and classifies the infra net/ipc/uts as the pod's", () => {
          const s = d.result.snapshot;
          expect(s.containers.filter((c) => c.runtime === 'podman').length).toBeGreaterThanOrEqual(
            3,
          );
          expect(s.containers.some((c) => c.sandbox)).toBe(true);
          checkPodShares(s, 'podman');
        });
      },
    );

    it('processes exiting during scans never fail a read', async () => {
      // 300 short-lived processes, replaced as they die, while the source reads repeatedly.
      const churn = spawn(
        'sh',
        [
          '-c',
          'while :; do i=0; while [ $i -lt 50 ]; do sleep 0.0$i & i=$((i+1)); done; wait; done',
        ],
        {
          stdio: 'ignore',
        },
      );
      try {
        const src = liveSource({ runtimes: false });
        for (let i = 0; i < 8; i++) {
          const r = await src.read(AbortSignal.timeout(30_000));
          expect(r.snapshot.processes.length).toBeGreaterThan(10);
        }
      } finally {
        churn.kill('SIGKILL');
      }
    });
  },
);

afterAll(() => {
  if (existsSync('/run/nsviz-testbed/lv1')) spawnSync('sh', [UNSHARE_POD, 'down', 'lv1']);
});
