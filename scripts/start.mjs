#!/usr/bin/env node
// `npm start`: the Vite dev server for the app, bound to loopback unless told otherwise.
// Usage: node scripts/start.mjs [--host [ADDR]] [--port N]
//   --host        listen on every address (like `vite --host`); --host ADDR binds ADDR
//   --port N      port (default 5173; the next free one is taken when N is busy)
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const USAGE = `usage: npm start -- [--host [ADDR]] [--port N]
  --host [ADDR]  address to listen on (default 127.0.0.1; --host alone: all addresses)
  --port N       port to listen on (default 5173)
  --help         show this help`;

/** Parses our few flags; returns an error string for anything else. */
function parseArgs(argv) {
  const opts = { host: '127.0.0.1', port: 5173 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg];
    if (flag === '--help' || flag === '-h') return { help: true };
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
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(
    `start: could not start the dev server: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
}
