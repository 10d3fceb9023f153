#!/usr/bin/env node
// The one test command (`npm test`): format, types, lint, unit, build, e2e, then the test-bed
// tests that build real namespaces and pods (root on Linux only). Every stage runs even when
// an earlier one fails, so one run reports everything; the last line sums all suites as
// `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
const results = [];
mkdirSync('test-results', { recursive: true });

function run(name, cmd, args, count) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  let counts = count ? count(ok) : undefined;
  if (!counts) counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  // A runner that crashed before writing its report still counts as a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  results.push({ name, ok, ...counts, seconds: Math.round((Date.now() - started) / 1000) });
}

function vitestCounts(file) {
  return () => {
    if (!existsSync(file)) return undefined;
    const j = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: j.numPassedTests ?? 0,
      failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0),
      skipped: j.numPendingTests ?? 0,
    };
  };
}

function playwrightCounts(file) {
  return () => {
    if (!existsSync(file)) return undefined;
    const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
    return {
      passed: (s.expected ?? 0) + (s.flaky ?? 0),
      failed: s.unexpected ?? 0,
      skipped: s.skipped ?? 0,
    };
  };
}

const npx = (args) => ['npx', ['--no-install', ...args]];
for (const f of ['test-results/unit.json', 'test-results/e2e.json', 'test-results/testbed.json'])
  rmSync(f, { force: true });

run('format', ...npx(['prettier', '--check', '.']));
run('types', ...npx(['tsc', '-p', 'tsconfig.json', '--noEmit']));
run('lint', ...npx(['eslint', '--max-warnings=0', '.']));
run(
  'unit',
  ...npx([
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/unit.json',
  ]),
  vitestCounts('test-results/unit.json'),
);
run('build', ...npx(['vite', 'build']));
run('e2e', ...npx(['playwright', 'test']), playwrightCounts('test-results/e2e.json'));
const canTestbed = process.platform === 'linux' && process.getuid?.() === 0;
if (canTestbed) {
  run(
    'testbed',
    ...npx([
      'vitest',
      'run',
      '--config',
      'vitest.testbed.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/testbed.json',
    ]),
    vitestCounts('test-results/testbed.json'),
  );
} else if (only.length === 0 || only.includes('testbed')) {
  console.log('\n=== testbed: skipped (needs root on Linux to build namespaces and pods)');
}

console.log('\n=== summary');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped ?? 0;
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(8)} ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${r.seconds}s)`,
  );
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || results.some((r) => !r.ok) ? 1 : 0;
