// Load test of `nsviz serve --live` on loopback (contract §6 lines on stdout, nothing else):
// N concurrent clients (default 200) for D seconds (default 60) on /api/snapshot, each
// revalidating with If-None-Match. Reports p50/p99 latency, failed requests (target 0) and
// the server's RSS before and after (no growth).
//
//   npx tsx scripts/bench/agent-load.ts [SECONDS] [CLIENTS]
//   NSVIZ_LOAD_SECONDS=5 NSVIZ_LOAD_CLIENTS=50 npx tsx scripts/bench/agent-load.ts
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { emit } from './emit.ts';

const SECONDS = Number(process.argv[2] ?? process.env.NSVIZ_LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.argv[3] ?? process.env.NSVIZ_LOAD_CLIENTS ?? 200);
const ROOT = resolve(import.meta.dirname, '../..');

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function get(
  agent: Agent,
  port: number,
  etag: string | undefined,
): Promise<{ status: number; etag?: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/snapshot?source=live',
        agent,
        headers: etag
          ? { 'If-None-Match': etag, 'Accept-Encoding': 'gzip' }
          : { 'Accept-Encoding': 'gzip' },
        timeout: 30_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const e = res.headers.etag;
          ok({ status: res.statusCode ?? 0, ...(e ? { etag: e } : {}) });
        });
        res.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end();
  });
}

const server = spawn(
  process.execPath,
  [resolve(ROOT, 'bin/nsviz.mjs'), 'serve', '--live', '--port', '0', '--no-fixtures'],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
let stderr = '';
server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
try {
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    server.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) ok(Number(m[1]));
    });
    server.on('exit', (code) => fail(new Error(`serve exited (${code}): ${stderr}`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const load = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let notModified = 0;
    const deadline = performance.now() + seconds * 1000;
    const client = async (): Promise<void> => {
      let etag: string | undefined;
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          const r = await get(agent, port, etag);
          if (r.status === 200) etag = r.etag;
          else if (r.status === 304) notModified++;
          else errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    return { latencies, errors, notModified };
  };
  // Warm-up under the same load (JIT, heap sized to the working set, net details cached), so
  // "before" is the server's steady state and growth after it would be a leak. V8 takes ~30-40 s
  // of this load to grow its heap to its steady size (heapTotal ~10 → ~45 MB while the live heap
  // after a GC stays ~10 MB, measured over 4 minutes): a shorter warm-up read that growth as a
  // leak (106 → 137 MB with the old 6 s).
  await load(Math.min(40, Math.max(2, SECONDS * 0.5)));
  const before = rssMB(server.pid!);
  const { latencies, errors, notModified } = await load(SECONDS);
  const after = rssMB(server.pid!);
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  const name = `agent.load`;
  const what = `${CLIENTS} clients, ${SECONDS} s`;
  emit(
    name,
    `p50 latency ms (${what}, ${latencies.length} requests, ${notModified} answered 304)`,
    at(0.5),
    'ms',
    2000,
    at(0.5) <= 2000,
  );
  emit(name, `p99 latency ms (${what})`, at(0.99), 'ms', 5000, at(0.99) <= 5000);
  emit(
    name,
    `failed requests / requests (${errors} failed)`,
    errors / Math.max(1, latencies.length),
    'ratio',
    0,
    errors === 0,
  );
  emit(name, 'server RSS before MB', before, 'MB', 256, before <= 256);
  emit(name, 'server RSS after MB', after, 'MB', before * 1.25, after <= before * 1.25);
} finally {
  server.kill('SIGTERM');
}
