// The hub over real agents on their own addresses: three network namespaces made by this test,
// each joined to the host by a veth pair (198.19.R.4i+1/30 on the host, .4i+2 in the netns),
// each holding an agent that is its own little node (own pid, mount and uts namespaces, so its
// live scan sees only its processes, and its host name names the node) plus a pod-like
// process in new net/ipc/uts namespaces. The hub merges them, serves the merge through the
// agent's HTTP server, and goes on serving when one agent is killed or cut off, with that
// agent's last good data marked stale. Needs Linux and root; skips itself otherwise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/model/classify.ts';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { createHub, type HubSource } from './hub.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const tag = String(process.pid % 10000);
const TOKEN = `hub-test-${tag}`;
const PORT = 8080;
const N = 3;

const sh = (cmd: string, args: readonly string[]) =>
  spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
const has = (tool: string): boolean => sh('sh', ['-c', `command -v ${tool}`]).status === 0;

function skipReason(): string | undefined {
  if (process.platform !== 'linux') return 'needs Linux';
  if (process.getuid?.() !== 0) return 'needs root (creates network namespaces and veths)';
  for (const tool of ['ip', 'unshare']) if (!has(tool)) return `needs ${tool}`;
  if (!/--kill-child/.test(sh('unshare', ['--help']).stdout)) return 'needs unshare --kill-child';
  return undefined;
}
const SKIP = skipReason();
if (SKIP) console.warn(`hub test bed skipped: ${SKIP}`);

/** A real agent: `nsviz serve --live` on IP, its token from the environment (not in argv). */
function agentArgv(ip: string): string[] {
  return [
    process.execPath,
    'bin/nsviz.mjs',
    'serve',
    '--live',
    '--no-fixtures',
    '--host',
    ip,
    '--port',
    String(PORT),
  ];
}

/** A /24 of 198.19.0.0/16 (RFC 2544 benchmark space) that no interface here uses. */
function freeSubnet(): string {
  const used = sh('ip', ['-o', '-4', 'addr', 'show']).stdout;
  for (let k = 0; k < 100; k++) {
    const r = 100 + ((Number(tag) + k) % 150);
    if (!used.includes(`198.19.${r}.`)) return `198.19.${r}`;
  }
  throw new Error('no free 198.19.x.0/24');
}

interface Agent {
  i: number;
  ns: string;
  hostIf: string;
  ip: string;
  url: string;
  node: string;
  sleepArg: string;
  child?: ChildProcess;
  log: string;
}

function must(cmd: string, args: readonly string[]): void {
  const r = sh(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
}

async function healthy(a: Agent, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(`${a.url}/api/health`, {
        headers: { authorization: `Bearer ${TOKEN}` },
        signal: AbortSignal.timeout(1000),
      });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`agent ${a.node} did not come up: ${a.log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function start(a: Agent, argv: string[]): void {
  // The agent's node: own pid, mount, uts and ipc namespaces inside the agent's netns; a
  // "pod" process in new net/ipc/uts beside it. --kill-child: killing unshare ends the node.
  const script = `hostname "$1"; shift; unshare --net --ipc --uts sleep "$1" & shift; exec "$@"`;
  a.child = spawn(
    'ip',
    [
      'netns',
      'exec',
      a.ns,
      'unshare',
      '--pid',
      '--mount',
      '--uts',
      '--ipc',
      '--fork',
      '--kill-child',
      '--mount-proc',
      'sh',
      '-c',
      script,
      'sh',
      a.node,
      a.sleepArg,
      ...argv,
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: { ...process.env, NSVIZ_TOKEN: TOKEN },
    },
  );
  a.child.stdout?.on('data', (d: Buffer) => (a.log = (a.log + d.toString()).slice(-2000)));
  a.child.stderr?.on('data', (d: Buffer) => (a.log = (a.log + d.toString()).slice(-2000)));
}

function kill(a: Agent): void {
  if (a.child?.pid === undefined || a.child.exitCode !== null) return;
  try {
    process.kill(-a.child.pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** The host's view of a process by its command line: its net inode. */
function hostNetOf(marker: string): number | undefined {
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (!readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker)) continue;
      return Number(/\[(\d+)\]/.exec(readlinkSync(`/proc/${p}/ns/net`))?.[1]);
    } catch {
      // gone
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

const nodesOf = (s: Snapshot) => s.nodes.map((n) => n.name);
const rowsOf = (s: Snapshot, node: string) => s.processes.filter((p) => p.node === node);

describe.skipIf(SKIP !== undefined)(
  `hub over three agents${SKIP ? ` (skipped: ${SKIP})` : ''}`,
  () => {
    const agents: Agent[] = [];
    let hub: HubSource;

    beforeAll(async () => {
      const net = freeSubnet();
      for (let i = 0; i < N; i++) {
        const a: Agent = {
          i,
          ns: `nsviz-hub-${tag}-${i}`,
          hostIf: `nzh${tag}${i}`,
          ip: `${net}.${4 * i + 2}`,
          url: `http://${net}.${4 * i + 2}:${PORT}`,
          node: `agent-${i}-${tag}`,
          sleepArg: `9${tag}${i}`,
          log: '',
        };
        agents.push(a);
        must('ip', ['netns', 'add', a.ns]);
        must('ip', [
          'link',
          'add',
          a.hostIf,
          'type',
          'veth',
          'peer',
          'name',
          'eth0',
          'netns',
          a.ns,
        ]);
        must('ip', ['addr', 'add', `${net}.${4 * i + 1}/30`, 'dev', a.hostIf]);
        must('ip', ['link', 'set', a.hostIf, 'up']);
        must('ip', ['-n', a.ns, 'addr', 'add', `${a.ip}/30`, 'dev', 'eth0']);
        must('ip', ['-n', a.ns, 'link', 'set', 'eth0', 'up']);
        must('ip', ['-n', a.ns, 'link', 'set', 'lo', 'up']);
      }
      for (const a of agents) start(a, agentArgv(a.ip));
      await Promise.all(agents.map((a) => healthy(a, 30_000)));
      hub = createHub({
        peers: agents.map((a) => a.url),
        token: TOKEN,
        waitMs: 2000,
        timeoutMs: 3000,
      });
    });

    afterAll(() => {
      for (const a of agents) kill(a);
      for (const a of agents) {
        sh('ip', ['netns', 'del', a.ns]);
        sh('ip', ['link', 'del', a.hostIf]);
      }
      expect(sh('ip', ['netns', 'list']).stdout).not.toContain(`nsviz-hub-${tag}-`);
      expect(sh('ip', ['-o', 'link']).stdout).not.toContain(`nzh${tag}`);
    });

    it('merges the three agents into one snapshot, keyed by node, matching /proc', async () => {
      const t0 = performance.now();
      const { snapshot, warnings } = await hub.read(AbortSignal.timeout(10_000));
      console.log(
        `hub read over three nsviz serve --live agents: ${Math.round(performance.now() - t0)} ms, ${snapshot.processes.length} processes`,
      );
      expect(warnings).toEqual([]);
      expect(nodesOf(snapshot)).toEqual(agents.map((a) => a.node));
      for (const a of agents) {
        const rows = rowsOf(snapshot, a.node);
        // Its own node: the agent is PID 1, and beside it the pod-like sleep.
        expect(rows.find((p) => p.pid === 1)?.command, a.node).toMatch(/node/);
        const sleep = rows.find((p) => p.command === `sleep ${a.sleepArg}`);
        expect(sleep, `${a.node} sleep`).toBeDefined();
        expect(sleep?.namespaces.net).toBe(hostNetOf(`sleep\0${a.sleepArg}\0`));
        expect(sleep?.namespaces.net).not.toBe(rows.find((p) => p.pid === 1)?.namespaces.net);
      }
      // Every node is classified on its own: its agent in its node's net namespace, the sleep
      // in one of its own (other namespaces there are the named netns of /run/netns).
      const scopes = new Map(
        classify(snapshot).namespaces.map((n) => [`${n.node} ${n.type} ${n.inode}`, n.scope]),
      );
      for (const a of agents) {
        const rows = rowsOf(snapshot, a.node);
        const net = (p: (typeof rows)[number] | undefined) => `${a.node} net ${p?.namespaces.net}`;
        expect(scopes.get(net(rows.find((p) => p.pid === 1)))).toBe('host');
        expect(scopes.get(net(rows.find((p) => p.command?.startsWith('sleep'))))).toBe(
          'unattributed',
        );
      }
      // The agents' token is in their environment, never in what they or the hub serve.
      expect(JSON.stringify(snapshot)).not.toContain(TOKEN);
      expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'live', 'live']);
    });

    it('works as `nsviz serve --peer … --peer-token-file F`, the way the CLI wires it', async () => {
      const tokenFile = join(mkdtempSync(join(tmpdir(), 'nsviz-hub-')), 'token');
      writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
      const port = await freePort();
      const peers = agents.flatMap((a) => ['--peer', a.url]);
      const cli = spawn(
        process.execPath,
        [
          'bin/nsviz.mjs',
          'serve',
          '--no-fixtures',
          '--port',
          String(port),
          ...peers,
          '--peer-token-file',
          tokenFile,
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let log = '';
      cli.stderr.on('data', (d: Buffer) => (log += d.toString()));
      try {
        const base = `http://127.0.0.1:${port}`;
        let sources: unknown;
        for (let i = 0; i < 100 && sources === undefined; i++) {
          sources = await fetch(`${base}/api/sources`)
            .then((r) => r.json())
            .catch(() => new Promise((r) => setTimeout(() => r(undefined), 100)));
        }
        expect(sources, log).toEqual([expect.objectContaining({ id: 'cluster', kind: 'hub' })]);
        const res = await fetch(`${base}/api/snapshot?source=cluster`);
        expect(res.status, log).toBe(200);
        const body = (await res.json()) as Snapshot;
        expect(nodesOf(body)).toEqual(agents.map((a) => a.node));
        const etag = res.headers.get('etag');
        expect(etag).toBeTruthy();
      } finally {
        cli.kill('SIGKILL');
        rmSync(dirname(tokenFile), { recursive: true, force: true });
      }
    });

    it('goes on serving the other two when one agent is killed, its last data stale', async () => {
      const before = await hub.read(AbortSignal.timeout(10_000));
      const dead = agents[1]!;
      kill(dead);
      await new Promise((r) => setTimeout(r, 300));
      const t0 = performance.now();
      const { snapshot, warnings } = await hub.read(AbortSignal.timeout(10_000));
      const ms = performance.now() - t0;
      console.log(`hub read with one agent killed: ${Math.round(ms)} ms`);
      expect(ms).toBeLessThan(2500);
      expect(nodesOf(snapshot)).toEqual(agents.map((a) => a.node));
      expect(rowsOf(snapshot, dead.node)).toEqual(rowsOf(before.snapshot, dead.node));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(
          `^peer ${dead.url} \\(node ${dead.node}\\) is stale: connection refused \\(ECONNREFUSED\\); showing its last good data, from \\d{4}-`,
        ),
      );
      expect(snapshot.warnings).toContainEqual({ source: `hub:${dead.url}`, message: warnings[0] });
      expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'stale', 'live']);
      // The live two keep changing: their agents scan afresh on every read.
      for (const a of [agents[0]!, agents[2]!])
        expect(rowsOf(snapshot, a.node).length).toBeGreaterThan(1);
    });

    it('serves the merge through the agent server, and a cut-off agent costs at most waitMs', async () => {
      const { createServer } = await import('../server/index.ts');
      const server = createServer({
        sources: [hub],
        token: TOKEN,
        intervalMs: 2000,
        redact: false,
      });
      const { url } = await server.listen(0, '127.0.0.1');
      try {
        const get = (path: string) =>
          fetch(new URL(path, url), { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(await (await get('/api/sources')).json()).toContainEqual(
          expect.objectContaining({ id: 'cluster', kind: 'hub' }),
        );
        // Cut the third agent off at the link: packets to it go nowhere.
        const cut = agents[2]!;
        must('ip', ['-n', cut.ns, 'link', 'set', 'eth0', 'down']);
        const t0 = performance.now();
        const res = await get('/api/snapshot?source=cluster');
        const ms = performance.now() - t0;
        console.log(
          `GET /api/snapshot?source=cluster with one agent dead and one cut off: ${Math.round(ms)} ms`,
        );
        expect(res.status).toBe(200);
        const body = (await res.json()) as Snapshot;
        expect(nodesOf(body)).toEqual(agents.map((a) => a.node));
        const stale = body.warnings
          .filter((w) => w.source?.startsWith('hub:'))
          .map((w) => w.source);
        expect(stale).toEqual([`hub:${agents[1]!.url}`, `hub:${cut.url}`]);
        expect(ms).toBeLessThan(4000);
        expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'stale', 'stale']);
        // Back on the link: live again once its retry is due.
        must('ip', ['-n', cut.ns, 'link', 'set', 'eth0', 'up']);
        await new Promise((r) => setTimeout(r, 3500));
        await hub.read(AbortSignal.timeout(10_000));
        expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'stale', 'live']);
      } finally {
        await server.close();
      }
    });
  },
);
