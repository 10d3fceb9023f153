import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./heapChild.ts', import.meta.url));

/**
 * Peak heap growth of one `parseInputs` call on the text in `file`, in MB.
 *
 * Why this way: `heapUsed` read after a run counts whatever garbage the collector has not yet
 * reclaimed (it said ~6× the input when the parse needed far less), and JavaScript cannot sample
 * the heap while a synchronous parse runs. What limits a user is the heap a parse needs to
 * finish: a browser tab or the CLI with that much heap succeeds, with less it runs out. So the
 * parse runs in a child process whose old generation is capped with `--max-old-space-size`, and a
 * binary search finds the smallest cap (whole MB, V8's unit) it completes under. The young
 * generation is kept small (`--max-semi-space-size=1`), so objects that stay alive are promoted
 * and counted instead of hiding in a large nursery. The same search for a control child that
 * reads the input and loads the same modules but does not parse gives the baseline (code, the
 * input string itself); the difference is what the parse needs on top: its peak live data,
 * including the result. The resolution is 1 MB on each search, so ±2 MB on the difference:
 * measure on inputs of several MB.
 */
export function peakHeapGrowthMB(file: string, inputBytes: number): number {
  // Search windows: the control holds the input and the code (tens of MB); the parse is
  // given up to 16× the input on top, far beyond the 5× target.
  const inputMB = Math.ceil(inputBytes / 1048576);
  const control = smallestHeap(file, 'control', 1, inputMB + 256);
  const parse = smallestHeap(file, 'parse', control, control + 16 * inputMB);
  return parse - control;
}

function smallestHeap(file: string, mode: 'parse' | 'control', lo: number, hi: number): number {
  if (!completes(file, mode, hi)) {
    throw new Error(`memory bench: the ${mode} child fails even with ${hi} MB of heap`);
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (completes(file, mode, mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function completes(file: string, mode: 'parse' | 'control', heapMB: number): boolean {
  const r = spawnSync(
    process.execPath,
    [
      '--max-semi-space-size=1',
      `--max-old-space-size=${heapMB}`,
      '--expose-gc',
      '--import',
      'tsx',
      CHILD,
      file,
      mode,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return r.status === 0 && r.stdout.trim() === 'ok';
}
