#!/usr/bin/env node
// `npm run bench [-- AREA]`: runs every benchmark area (or one) and prints one JSON object per
// line on stdout, nothing else (contract §6). Each area runs in its own Node process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const AREAS = {
  parse: 'scripts/bench/parse.ts',
  ui: 'scripts/bench/ui.ts',
  agent: 'scripts/bench/agent.ts',
  scale: 'scripts/bench/scale.ts',
};
const wanted = process.argv.slice(2);
for (const w of wanted) {
  if (!(w in AREAS)) {
    process.stderr.write(
      `bench: unknown area "${w}"; expected one of ${Object.keys(AREAS).join(', ')}\n`,
    );
    process.exit(2);
  }
}
let failed = false;
for (const [area, file] of Object.entries(AREAS)) {
  if (wanted.length > 0 && !wanted.includes(area)) continue;
  if (!existsSync(file)) {
    process.stderr.write(`bench: area "${area}" has no benchmarks yet\n`);
    continue;
  }
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
