// The HTTP server over real sockets: security rules, limits, ETag revalidation, coalescing,
// SSE. Sources are the bundled fixtures and small in-memory sources.
import { request as rawRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot } from '../../src/protocol/snapshot.ts';
import { fixtureSources } from '../sources/fixtures.ts';
import type { Source } from '../sources/types.ts';
import { createServer, type AgentServer, type ServerOptions } from './index.ts';

const running: AgentServer[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});

async function start(over: Partial<ServerOptions> = {}, host = '127.0.0.1') {
  const app = createServer({
    sources: fixtureSources().sources,
    intervalMs: 100,
    redact: false,
    ...over,
  });
  running.push(app);
  const l = await app.listen(0, host);
  return { app, base: `http://127.0.0.1:${l.port}`, port: l.port };
}

/** A live-like source whose content the test changes; counts its reads. */
function counter(delayMs = 50): Source & { reads: number; version: number } {
  const src = {
    id: 'fake',
    title: 'fake live',
    kind: 'live' as const,
    reads: 0,
    version: 1,
    async read() {
      src.reads++;
      await new Promise((r) => setTimeout(r, delayMs));
      const s: Snapshot = emptySnapshot();
      s.capturedAt = new Date().toISOString();
      s.nodes.push({ name: `n${src.version}` });
      s.processes.push({
        node: `n${src.version}`,
        pid: 1,
        command: 'sleep infinity --secret',
        namespaces: {},
      });
      return { snapshot: s, warnings: [] };
    },
  };
  return src;
}

/** A request with full control over method, target, headers and body. */
function raw(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = rawRequest(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers ?? {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('nsviz serve HTTP API', () => {
  it('health, sources and a fixture snapshot with security headers', async () => {
    const { base } = await start();
    const h = await fetch(`${base}/api/health`);
    expect(h.status).toBe(200);
    expect(await h.json()).toMatchObject({
      ok: true,
      version: expect.any(String),
      node: expect.any(String),
    });
    expect(h.headers.get('x-content-type-options')).toBe('nosniff');
    expect(h.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(h.headers.get('referrer-policy')).toBe('no-referrer');
    const sources = (await (await fetch(`${base}/api/sources`)).json()) as {
      id: string;
      kind: string;
    }[];
    expect(sources.map((s) => s.id)).toContain('myweb2');
    const r = await fetch(`${base}/api/snapshot?source=myweb2`);
    expect(r.status).toBe(200);
    const snap = (await r.json()) as Snapshot;
    expect(snap.schema).toBe('nsviz/snapshot@1');
    expect(snap.pods.length).toBeGreaterThan(0);
  });

  it('ETag and If-None-Match answer 304; a change gives a new ETag', async () => {
    const src = counter(5);
    const { base } = await start({ sources: [src] });
    const a = await fetch(`${base}/api/snapshot?source=fake`);
    const etag = a.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    await new Promise((r) => setTimeout(r, 300)); // past the reuse window: a fresh read
    const b = await fetch(`${base}/api/snapshot?source=fake`, {
      headers: { 'If-None-Match': etag },
    });
    expect(b.status).toBe(304);
    expect(src.reads).toBe(2);
    src.version = 2;
    await new Promise((r) => setTimeout(r, 300));
    const c = await fetch(`${base}/api/snapshot?source=fake`, {
      headers: { 'If-None-Match': etag },
    });
    expect(c.status).toBe(200);
    expect(c.headers.get('etag')).not.toBe(etag);
  });

  it('coalesces concurrent reads of one source', async () => {
    const src = counter(200);
    const { base } = await start({ sources: [src] });
    const all = await Promise.all(
      Array.from({ length: 50 }, () => fetch(`${base}/api/snapshot?source=fake`)),
    );
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect(src.reads).toBe(1);
  });

  it('needs the token on /api/* (401), compares it exactly, leaves the app public', async () => {
    const { base, port } = await start({ token: 'correct-horse-battery' });
    const no = await fetch(`${base}/api/sources`);
    expect(no.status).toBe(401);
    expect(await no.json()).toEqual({ error: expect.any(String) });
    expect(no.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await fetch(`${base}/api/sources`, {
      headers: { Authorization: 'Bearer correct-horse-batterx' },
    });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${base}/api/sources`, {
      headers: { Authorization: 'Bearer correct-horse-battery' },
    });
    expect(ok.status).toBe(200);
    // EventSource cannot send headers: the event stream alone takes ?token=.
    expect((await raw(port, { path: '/api/sources?token=correct-horse-battery' })).status).toBe(
      401,
    );
  });

  it('refuses a non-loopback bind without a token unless insecure', async () => {
    const app = createServer({ sources: [], intervalMs: 1000, redact: false });
    await expect(app.listen(0, '0.0.0.0')).rejects.toThrow(/without --token/);
    await app.close();
  });

  it('is read-only: 405 with Allow for other methods', async () => {
    const { port } = await start();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw(port, { method, path: '/api/sources' });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(JSON.parse(r.body)).toEqual({ error: expect.any(String) });
    }
  });

  it('404 for unknown endpoints and sources', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
    const r = await fetch(`${base}/api/snapshot?source=nope`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toContain('nope');
  });

  it('oversized requests: 414, 431, 413', async () => {
    const { port } = await start();
    expect((await raw(port, { path: `/api/health?x=${'a'.repeat(5000)}` })).status).toBe(414);
    const many: Record<string, string> = {};
    for (let i = 0; i < 80; i++) many[`x-h${i}`] = 'v';
    expect((await raw(port, { path: '/api/health', headers: many })).status).toBe(431);
    const big = await raw(port, { path: '/api/health', headers: { 'x-big': 'a'.repeat(20000) } });
    expect(big.status).toBe(431);
    const body = await raw(port, {
      path: '/api/health',
      body: 'x'.repeat(100),
      headers: { 'content-length': '100' },
    });
    expect(body.status).toBe(413);
  });

  it('no path traversal or listings in static files; SPA fallback', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'nsviz-static-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'a.js'), 'export {}');
    writeFileSync(join(dir, '.secret'), 'no');
    const { port } = await start({ staticDir: dir });
    const get = (path: string) => rawGet(port, path);
    for (const path of [
      '/..%2f..%2fetc/passwd',
      '/fixtures/../package.json',
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/.secret',
      '/assets/%00.js',
      '/assets\\..\\..\\etc\\passwd',
    ]) {
      const r = await get(path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('root:');
    }
    const js = await get('/assets/a.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    const route = await get('/some/route');
    expect(route.body).toContain('<title>app</title>');
    expect(route.headers['content-security-policy']).toContain("script-src 'self'");
    expect(route.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('same-origin by default; --cors lets one origin in', async () => {
    const { port } = await start();
    const cross = await raw(port, {
      path: '/api/health',
      headers: { Origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    const { port: p2 } = await start({
      cors: 'https://app.example',
      frameAncestors: "'self' https://wiki.example",
    });
    const ok = await raw(p2, { path: '/api/health', headers: { Origin: 'https://app.example' } });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example');
    const pre = await raw(p2, {
      method: 'OPTIONS',
      path: '/api/snapshot',
      headers: { Origin: 'https://app.example' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-headers']).toContain('Authorization');
    const other = await raw(p2, {
      path: '/api/health',
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.status).toBe(403);
  });

  it('answers loopback Host names only when there is no token (DNS rebinding)', async () => {
    const { port } = await start();
    expect(
      (await raw(port, { path: '/api/health', headers: { Host: 'attacker.example' } })).status,
    ).toBe(403);
    expect(
      (await raw(port, { path: '/api/health', headers: { Host: `localhost:${port}` } })).status,
    ).toBe(200);
  });

  it('--redact keeps argv[0] only', async () => {
    const { base } = await start({ sources: [counter(1)], redact: true });
    const s = (await (await fetch(`${base}/api/snapshot?source=fake`)).json()) as Snapshot;
    expect(s.processes[0]!.command).toBe('sleep');
  });

  it('SSE: the current snapshot at once, then one event per change', async () => {
    const src = counter(5);
    const { port } = await start({ sources: [src], intervalMs: 100 });
    const events: string[] = [];
    const sock = connect(port, '127.0.0.1');
    sock.write(`GET /api/events?source=fake HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    let buf = '';
    sock.on('data', (d) => {
      buf += d.toString('utf8');
      const m = buf.match(/event: snapshot\ndata: .*\n\n/g);
      events.splice(0, events.length, ...(m ?? []));
    });
    await waitFor(() => events.length === 1);
    expect(buf).toContain('text/event-stream');
    await new Promise((r) => setTimeout(r, 400));
    expect(events.length).toBe(1); // unchanged: no more events
    src.version = 3;
    await waitFor(() => events.length === 2);
    expect(events[1]).toContain('"n3"');
    sock.destroy();
  });
});

function rawGet(port: number, path: string) {
  return raw(port, { path });
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
