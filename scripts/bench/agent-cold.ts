// The cold first read of the agent, for the agent benchmark: a fresh `nsviz serve --live`
// process (the real CLI: start-up, module loading, source set-up all happen before it says it
// is listening), then its first `GET /api/snapshot?source=live`, timed from request to last
// byte with gzip as a browser asks for it. The agent is stopped afterwards.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Snapshot } from '../../src/protocol/snapshot.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ColdRead {
  /** Request to last byte. */
  ms: number;
  /** CPU time the agent (every thread, and the helpers it waited for) spent meanwhile. */
  cpuMs: number;
  snapshot: Snapshot;
}

const TICK_MS = 10; // USER_HZ 100: /proc/PID/stat counts CPU time in 10 ms ticks

/**
 * CPU time of a process so far, in ms: its threads (utime + stime) and its children that it
 * has waited for (cutime + cstime), from `/proc/PID/stat`.
 */
export function cpuOf(pid: number | 'self'): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // Fields 14-17 of stat; `fields` starts at field 3.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) * TICK_MS;
}

/** GET /api/snapshot?source=live with gzip; the body as received. */
function getSnapshot(port: number): Promise<{ raw: Buffer; gzip: boolean }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/snapshot?source=live',
        headers: { 'Accept-Encoding': 'gzip' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          if (res.statusCode !== 200) return fail(new Error(`HTTP ${res.statusCode}: ${raw}`));
          ok({ raw, gzip: res.headers['content-encoding'] === 'gzip' });
        });
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** Starts a fresh agent, times its first snapshot, stops it. */
export async function coldRead(): Promise<ColdRead> {
  const server = spawn(
    process.execPath,
    [resolve(ROOT, 'bin/nsviz.mjs'), 'serve', '--live', '--port', '0', '--no-fixtures'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  try {
    const port = await new Promise<number>((ok, fail) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m) ok(Number(m[1]));
      });
      server.once('exit', (code) => fail(new Error(`serve exited (${code}): ${stderr}`)));
    });
    const cpu0 = cpuOf(server.pid!);
    const t0 = performance.now();
    const got = await getSnapshot(port);
    const ms = performance.now() - t0;
    const cpuMs = cpuOf(server.pid!) - cpu0;
    const text = (got.gzip ? gunzipSync(got.raw) : got.raw).toString('utf8');
    return { ms, cpuMs, snapshot: JSON.parse(text) as Snapshot };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}
