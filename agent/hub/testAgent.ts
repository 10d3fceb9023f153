/**
 * A stand-in nsviz agent for the hub's tests: the three read-only endpoints of contract §4 that
 * the hub uses (`/api/health`, `/api/sources`, `/api/snapshot` with `ETag` / 304 and the bearer
 * token), serving whatever snapshot the test hands it, with knobs for misbehaviour (delay,
 * status). Not the real server (agent/server/): the testbed test runs real `nsviz serve` agents.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Snapshot } from '../../src/protocol/snapshot.ts';

export interface TestAgentOptions {
  host?: string;
  port?: number;
  token?: string;
  snapshot: Snapshot;
}

export interface TestAgent {
  url: string;
  server: Server;
  /** Requests seen, e.g. `GET /api/snapshot?source=live 304`. */
  log: string[];
  /** A new snapshot, or any text to answer with. */
  set(snapshot: Snapshot | string): void;
  /** Delay before answering, in ms (a slow peer). */
  delayMs: number;
  /** Answer every request with this status instead (e.g. 500). */
  failWith?: number;
  close(): Promise<void>;
}

export async function startTestAgent(opts: TestAgentOptions): Promise<TestAgent> {
  let body = '';
  let etag = '';
  const set = (s: Snapshot | string): void => {
    body = typeof s === 'string' ? s : JSON.stringify(s);
    etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  };
  set(opts.snapshot);
  const log: string[] = [];
  const server = createServer((req, res) => {
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      log.push(`${req.method} ${req.url} ${status}`);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(
        json === undefined ? undefined : typeof json === 'string' ? json : JSON.stringify(json),
      );
    };
    const go = (): void => {
      if (agent.failWith !== undefined)
        return answer(agent.failWith, { error: 'broken on purpose' });
      if (req.method !== 'GET') return answer(405, { error: 'read-only' });
      if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`)
        return answer(401, { error: 'token required' });
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname === '/api/health')
        return answer(200, { ok: true, version: 'test', node: 'x' });
      if (u.pathname === '/api/sources')
        return answer(200, [
          { id: 'myweb2', title: 'a fixture', kind: 'fixture' },
          { id: 'live', title: 'this machine (live)', kind: 'live' },
        ]);
      if (u.pathname === '/api/snapshot' && u.searchParams.get('source') === 'live') {
        if (req.headers['if-none-match'] === etag) return answer(304, undefined, { etag });
        return answer(200, body, { etag });
      }
      return answer(404, { error: 'not found' });
    };
    if (agent.delayMs > 0) setTimeout(go, agent.delayMs);
    else go();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => ok());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  const agent: TestAgent = {
    url: `http://${host}:${addr.port}`,
    server,
    log,
    set,
    delayMs: 0,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
  return agent;
}
