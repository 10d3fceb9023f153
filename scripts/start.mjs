#!/usr/bin/env node
// `npm start`: the Vite dev server for the app, bound to loopback unless told otherwise. On
// Linux it also starts the live agent (`nsviz serve --live`) on a free loopback port and proxies
// /api to it, so the app offers "this machine (live)" next to the fixtures; when the agent
// cannot start (no /proc, not Linux) the app opens on the fixtures alone.
// Usage: node scripts/start.mjs [--host [ADDR]] [--port N] [--no-live]
//   --host        listen on every address (like `vite --host`); --host ADDR binds ADDR
//   --port N      port (default 5173; the next free one is taken when N is busy)
//   --no-live     do not start the live agent
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const USAGE = `usage: npm start -- [--host [ADDR]] [--port N] [--no-live]
  --host [ADDR]  address to listen on (default 127.0.0.1; --host alone: all addresses)
  --port N       port to listen on (default 5173)
  --no-live      do not start the live agent (Linux: "this machine (live)")
  --help         show this help`;

/** Parses our few flags; returns an error string for anything else. */
function parseArgs(argv) {
  const opts = { host: '127.0.0.1', port: 5173, live: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--no-live') {
      opts.live = false;
      continue;
    }
    if (flag === '--host') {
      const next = inline ?? (argv[i + 1]?.startsWith('-') ? undefined : argv[i + 1]);
      if (inline === undefined && next !== undefined) i++;
      // Vite reads `host: true` as "all addresses", as its own CLI does for a bare --host.
      opts.host = next === undefined || next === '' ? true : next;
    } else if (flag === '--port') {
      const value = inline ?? argv[++i];
      const port = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || port > 65535) {
        return {
          error: `--port needs a number from 0 to 65535, got ${JSON.stringify(value ?? '')}`,
        };
      }
      opts.port = port;
    } else {
      return { error: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  return { opts };
}

const parsed = parseArgs(process.argv.slice(2));
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.error) {
  console.error(`start: ${parsed.error}\n${USAGE}`);
  process.exit(2);
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let createServer;
try {
  ({ createServer } = await import('vite'));
} catch {
  console.error('start: vite is not installed; run `npm install` in the checkout first.');
  process.exit(1);
}

/**
 * Starts `nsviz serve --live` on a free loopback port (the agent picks it: `--port 0`) and
 * resolves with its URL, or with undefined and a reason printed when it cannot run here.
 */
async function startAgent() {
  if (process.platform !== 'linux') return skip('live mode needs Linux (/proc)');
  if (!existsSync('/proc/self/ns')) return skip('/proc is not mounted or has no ns links');
  const child = spawn(
    process.execPath,
    [resolve(root, 'bin/nsviz.mjs'), 'serve', '--live', '--no-fixtures', '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const url = await new Promise((done) => {
    const timer = setTimeout(() => done(undefined), 20_000);
    const read = (d) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', () => done(undefined));
    child.once('exit', () => done(undefined));
  });
  if (url === undefined) {
    child.kill('SIGTERM');
    return skip(out.trim().split('\n').at(-1) || 'the agent did not start');
  }
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  // Its warnings still reach the terminal; its exit is told, the app then shows "offline".
  child.stderr.on('data', (d) => process.stderr.write(`[agent] ${d}`));
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`start: the live agent stopped (${signal ?? code})`);
  });
  agentProcess = child;
  return url;
}

function skip(reason) {
  console.log(`start: live mode off (${reason}); the app shows the bundled fixtures.`);
  return undefined;
}

let agentProcess;
let stopping = false;
const stopAgent = () => {
  stopping = true;
  agentProcess?.kill('SIGTERM');
};
process.once('exit', stopAgent);

const agentUrl = parsed.opts.live ? await startAgent() : undefined;
// vite.config.ts reads it when the dev server loads its config.
if (agentUrl) process.env.NSVIZ_AGENT_URL = agentUrl;

try {
  const server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    clearScreen: false,
    server: { host: parsed.opts.host, port: parsed.opts.port },
  });
  await server.listen();
  const urls = server.resolvedUrls ?? { local: [], network: [] };
  console.log(`\nnsviz is running at ${urls.local[0] ?? urls.network[0] ?? '(unknown address)'}`);
  server.printUrls();
  if (agentUrl) {
    console.log(
      `  live:    this machine, from the agent at ${agentUrl} (/api is proxied to it; pick "this machine (live)" or open #src=live)`,
    );
  }
  const stop = async () => {
    stopAgent();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(
    `start: could not start the dev server: ${err instanceof Error ? err.message : err}`,
  );
  stopAgent();
  process.exit(1);
}
