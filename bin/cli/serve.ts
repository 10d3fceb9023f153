/**
 * `nsviz serve`: the HTTP API (contract §4) and the built app, over the bundled fixtures and,
 * with `--live`, this machine; `--exec` and `--peer`/`--peers-dns` add remote sources.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureSources } from '../../agent/sources/fixtures.ts';
import type { Source } from '../../agent/sources/types.ts';
import { createServer, isLoopback, type Listening } from '../../agent/server/index.ts';
import { commandHelp } from './help.ts';
import { UsageError } from './readInputs.ts';

interface ServeIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface ServeControl {
  /** Told the address once listening (tests). */
  onListening?: (l: Listening) => void;
  /** Stops the server (tests); SIGINT and SIGTERM stop it otherwise. */
  stop?: AbortSignal;
}

const ROOT = resolve(import.meta.dirname, '../..');

function number(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new UsageError(`${name} needs a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function readToken(values: {
  token?: string | undefined;
  'token-file'?: string | undefined;
}): string | undefined {
  if (values.token !== undefined && values['token-file'] !== undefined)
    throw new UsageError('give --token or --token-file, not both');
  let token = values.token;
  if (values['token-file'] !== undefined) {
    try {
      token = readFileSync(values['token-file'], 'utf8').trim();
    } catch (e) {
      throw new UsageError(
        `--token-file ${values['token-file']}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
      );
    }
  }
  token ??= process.env.NSVIZ_TOKEN || undefined;
  if (token !== undefined && !/^[\x21-\x7e]{8,512}$/.test(token))
    throw new UsageError('the token must be 8 to 512 printable ASCII characters without spaces');
  return token;
}

/** Runs the server until stopped; returns the exit code. */
export async function serve(
  args: readonly string[],
  io: ServeIo,
  control: ServeControl = {},
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      live: { type: 'boolean' },
      host: { type: 'string' },
      port: { type: 'string', short: 'p' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      insecure: { type: 'boolean' },
      cors: { type: 'string' },
      'frame-ancestors': { type: 'string' },
      interval: { type: 'string' },
      redact: { type: 'boolean' },
      exec: { type: 'string', multiple: true },
      peer: { type: 'string', multiple: true },
      'peers-dns': { type: 'string' },
      'peer-token-file': { type: 'string' },
      fixtures: { type: 'string' },
      'no-fixtures': { type: 'boolean' },
      node: { type: 'string' },
    },
  });
  if (values.help) return (io.out(commandHelp('serve')), 0);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const host = values.host ?? '127.0.0.1';
  const port = number('--port', values.port, 0, 65535, 8080);
  const intervalMs = number('--interval', values.interval, 200, 3_600_000, 2000);
  const token = readToken(values);
  if (!isLoopback(host) && token === undefined && !values.insecure)
    throw new UsageError(
      `refusing to listen on ${host} without a token: give --token-file FILE (or --token T), or --insecure to serve this machine's process list to anyone who can reach it`,
    );

  const sources: Source[] = [];
  if (values.live) {
    if (process.platform !== 'linux') {
      io.err('nsviz serve: --live needs Linux (/proc)\n');
      return 1;
    }
    const { liveSource } = await import('../../agent/sources/live.ts');
    sources.push(
      liveSource({
        redact: values.redact === true,
        ...(values.node !== undefined ? { node: values.node } : {}),
      }),
    );
  }
  for (const spec of values.exec ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--exec needs NAME=COMMAND, got "${spec}"`);
    const { execSource } = await import('../../agent/sources/exec.ts');
    try {
      sources.push(execSource(spec.slice(0, eq), spec.slice(eq + 1)));
    } catch (e) {
      throw new UsageError(`--exec ${spec}: ${(e as Error).message}`);
    }
  }
  if ((values.peer?.length ?? 0) > 0 || values['peers-dns'] !== undefined) {
    const { hubSources } = await import('../../agent/sources/hub.ts');
    let peerToken: string | undefined;
    if (values['peer-token-file'] !== undefined)
      peerToken = readToken({ 'token-file': values['peer-token-file'] });
    try {
      sources.push(
        ...hubSources({
          peers: values.peer ?? [],
          ...(values['peers-dns'] !== undefined ? { peersDns: values['peers-dns'] } : {}),
          ...(peerToken !== undefined ? { token: peerToken } : {}),
        }),
      );
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  if (!values['no-fixtures']) {
    const dir = values.fixtures ?? resolve(ROOT, 'fixtures');
    if (values.fixtures !== undefined && !existsSync(resolve(dir, 'manifest.json')))
      throw new UsageError(`--fixtures ${dir}: no manifest.json there`);
    const f = fixtureSources(dir);
    for (const p of f.problems) io.err(`nsviz serve: fixtures: ${p}\n`);
    sources.push(...f.sources);
  }
  const dist = resolve(ROOT, 'dist');
  const staticDir = existsSync(resolve(dist, 'index.html')) ? dist : undefined;

  const app = createServer({
    sources,
    intervalMs,
    redact: values.redact === true,
    ...(token !== undefined ? { token } : {}),
    ...(values.cors !== undefined ? { cors: values.cors } : {}),
    ...(values['frame-ancestors'] !== undefined
      ? { frameAncestors: values['frame-ancestors'] }
      : {}),
    ...(staticDir !== undefined ? { staticDir } : {}),
    insecure: values.insecure === true,
  });
  let listening: Listening;
  try {
    listening = await app.listen(port, host);
  } catch (e) {
    io.err(`nsviz serve: cannot listen on ${host}:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  if (!isLoopback(host) && token === undefined) {
    io.err(
      `\n!!! WARNING: nsviz is serving ${host} WITHOUT A TOKEN (--insecure).\n!!! Anyone who can reach ${listening.url} can read every process, command line and\n!!! namespace of this machine. Use --token-file FILE unless this network is yours alone.\n\n`,
    );
  }
  if (!staticDir) io.err('nsviz serve: dist/ is not built (npm run build); serving the API only\n');
  io.out(
    `nsviz serve: listening on ${listening.url} (${sources.length} sources: ${sources.map((s) => s.id).join(', ') || 'none'})\n`,
  );
  if (staticDir && token !== undefined)
    // The app moves `#token=` into the tab's storage and out of the address at once; the hash
    // is never sent to a server, so the token shows in no request line or log.
    io.out(`nsviz serve: open ${listening.url}#token=${encodeURIComponent(token)}\n`);
  control.onListening?.(listening);

  await new Promise<void>((done) => {
    const stop = (): void => done();
    control.stop?.addEventListener('abort', stop, { once: true });
    if (!control.stop) {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  await app.close();
  return 0;
}
