/**
 * Benchmark of the /proc scan: synchronous batched reads (what `scanProc` does) against
 * fs.promises with bounded concurrency, and both against `lsns -J` on the same host.
 * Starts N idle `sleep` processes in a process group of its own (and ends exactly that group)
 * so the numbers are taken on a realistic process count.
 *
 * Run: `npx tsx agent/scan/bench.ts [N=2000] [rounds=15]`. Prints one JSON object per line
 * (contract §6) and nothing else on stdout; Linux only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ProcessRow } from '../../src/protocol/snapshot.ts';
import type { CollectContext } from './collect.ts';
import { Tally, namespaceRows, toProcessRow } from './collect.ts';
import { LINK_NAMES, readProcAsync } from './io.ts';
import { listPids, scanProc } from './scan.ts';

const N = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 15);
const CONCURRENCY = 64;

/** The fs.promises variant: 64 processes in flight, each reading its files concurrently. */
async function scanAsync(): Promise<number> {
  const pids = listPids('/proc');
  const ctx: CollectContext = {
    node: hostname(),
    redact: false,
    users: new Map(),
    supported: new Set(LINK_NAMES),
    tally: new Tally(),
    targets: new Map(),
  };
  const rows: ProcessRow[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < pids.length) {
      const row = toProcessRow(await readProcAsync('/proc', pids[next++]!, LINK_NAMES), ctx);
      if (row) rows.push(row);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return namespaceRows(ctx.node, rows, []).length;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Median time of each variant in ms. Variants run interleaved, round after round, so a load
 * spike from other work on the host hits all of them alike; the first rounds warm up the JIT.
 */
async function timeAll(variants: Record<string, () => unknown>): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = {};
  for (let i = 0; i < ROUNDS + 2; i++) {
    for (const [name, fn] of Object.entries(variants)) {
      const t = performance.now();
      await fn();
      if (i >= 2) (samples[name] ??= []).push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

/** CPU time (user + sys, ms) of one `lsns -J` run, from the shell's `times` for its children. */
function lsnsCpu(): number {
  const out = spawnSync('sh', ['-c', 'lsns -J > /dev/null; times'], { encoding: 'utf8' }).stdout;
  const child = out.trim().split('\n')[1] ?? '';
  const secs = [...child.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return (secs[0]! + secs[1]!) * 1000;
}

/** Median CPU time (user + sys, ms) this process spends in one `scanProc`. */
async function scanCpu(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const before = process.cpuUsage();
    await scanProc();
    const d = process.cpuUsage(before);
    samples.push((d.user + d.system) / 1000);
  }
  return median(samples);
}

/** Starts `count` sleeps under one `sh` in a new process group; resolves with that group id. */
async function startSleepers(count: number): Promise<number> {
  const sh = spawn(
    'sh',
    ['-c', `i=0; while [ $i -lt ${count} ]; do sleep 600 & i=$((i+1)); done; wait`],
    {
      detached: true,
      stdio: 'ignore',
    },
  );
  const pgid = sh.pid!;
  const children = (): number => {
    try {
      return readFileSync(`/proc/${pgid}/task/${pgid}/children`, 'utf8').split(' ').length - 1;
    } catch {
      return 0;
    }
  };
  while (children() < count) await new Promise((r) => setTimeout(r, 50));
  return pgid;
}

const line = (bench: string, metric: string, value: number, unit: string, target?: number) =>
  console.log(
    JSON.stringify({
      bench,
      metric,
      value: Math.round(value * 100) / 100,
      unit,
      ...(target === undefined ? {} : { target, ok: value <= target }),
    }),
  );

const pgid = await startSleepers(N);
try {
  const procs = listPids('/proc').length;
  const t = await timeAll({
    lsns: () => spawnSync('lsns', ['-J'], { stdio: ['ignore', 'ignore', 'ignore'] }),
    sync: () => scanProc(),
    async: scanAsync,
  });
  line('agent.scan', `lsns -J, ${procs} processes`, t.lsns!, 'ms');
  line('agent.scan', `scanProc (sync batched), ${procs} processes`, t.sync!, 'ms');
  line('agent.scan', `fs.promises x${CONCURRENCY}, ${procs} processes`, t.async!, 'ms');
  line('agent.scan', 'scanProc / lsns -J', t.sync! / t.lsns!, 'ratio', 1.0);
  // CPU time does not depend on how busy the host is, so it compares fairly under load.
  const cpuLsns = median(Array.from({ length: ROUNDS }, lsnsCpu));
  const cpuScan = await scanCpu();
  line('agent.scan', `lsns -J cpu, ${procs} processes`, cpuLsns, 'ms');
  line('agent.scan', `scanProc cpu, ${procs} processes`, cpuScan, 'ms');
  line('agent.scan', 'scanProc / lsns -J cpu', cpuScan / cpuLsns, 'ratio', 1.0);
  // How long one batch holds the event loop (the live agent serves HTTP meanwhile).
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  for (let i = 0; i < 5; i++) await scanProc();
  delay.disable();
  line('agent.scan', 'longest event-loop block during scanProc', delay.max / 1e6, 'ms', 50);
} finally {
  process.kill(-pgid, 'SIGTERM');
}
