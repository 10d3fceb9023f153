import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { serve } from './serve.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (s: string) => void out.push(s),
      err: (s: string) => void err.push(s),
      stdin: () => '',
    },
  };
}

describe('nsviz serve', () => {
  it('--help names the options', async () => {
    const t = io();
    expect(await main(['serve', '--help'], t.io)).toBe(0);
    expect(t.out.join('')).toContain('--token-file');
  });

  it('refuses a non-loopback address without a token (exit 2)', async () => {
    const t = io();
    expect(await main(['serve', '--host', '0.0.0.0', '--port', '0'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/without a token/);
  });

  it('rejects bad numbers and --exec without NAME=', async () => {
    expect(await main(['serve', '--port', 'x'], io().io)).toBe(2);
    expect(await main(['serve', '--interval', '5'], io().io)).toBe(2);
    expect(await main(['serve', '--exec', 'nothing'], io().io)).toBe(2);
  });

  it('serves the fixtures and prints the URL; stops on request', async () => {
    const t = io();
    const stop = new AbortController();
    let url = '';
    const done = serve(['--port', '0', '--token', 'a-long-token'], t.io, {
      stop: stop.signal,
      onListening: (l) => (url = l.url),
    });
    while (!url) await new Promise((r) => setTimeout(r, 10));
    expect(t.out.join('')).toContain(`listening on ${url}`);
    expect((await fetch(`${url}api/sources`)).status).toBe(401);
    const r = await fetch(`${url}api/sources`, {
      headers: { Authorization: 'Bearer a-long-token' },
    });
    expect(((await r.json()) as { id: string }[]).some((s) => s.id === 'myweb2')).toBe(true);
    stop.abort();
    expect(await done).toBe(0);
  });
});
