// Parse benchmarks (contract §6). Prints one JSON line per measurement and nothing else.
import { classify } from '../../src/model/classify.ts';
import { parseInputs } from '../../src/parse/index.ts';
import { parseOne } from '../../src/parse/parseOne.ts';
import { syntheticNode, toLsnsTable, toSnapshot, toTranscript } from './synthetic.ts';

function emit(bench: string, metric: string, value: number, unit: string, target: number, ok: boolean): void {
  console.log(JSON.stringify({ bench, metric, value: Math.round(value * 1000) / 1000, unit, target, ok }));
}

/** Median wall time of `fn` in ms over runs that total at least `minMs`. */
function time(fn: () => void, minMs = 1500, maxRuns = 50): number {
  fn(); // warm-up: JIT and caches
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < 3 || (performance.now() - start < minMs && samples.length < maxRuns)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function peakRatio(text: string, fn: () => void): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  // Sample the heap from inside allocations is not possible; measure retained + transient by
  // running once with a tight allocation limit check afterwards (heapUsed right after the run,
  // before any gc, includes the garbage the run left: an upper bound of its transient memory).
  fn();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return (peak - before) / Buffer.byteLength(text);
}

const node = syntheticNode(10_000, 100);

// 1. snapshot@1 JSON: parse + validate + classify vs a bare JSON.parse of the same bytes.
const json = JSON.stringify(toSnapshot(node));
const bare = time(() => JSON.parse(json));
const ours = time(() => classify(parseInputs([{ name: 'bench.json', text: json }]).snapshot));
emit('parse.snapshot-json', 'parse+validate+classify ms (10k processes, 100 pods)', ours, 'ms', bare * 3, ours <= bare * 3);
emit('parse.snapshot-json', 'JSON.parse baseline ms', bare, 'ms', bare, true);
emit('parse.snapshot-json', 'ratio to JSON.parse', ours / bare, 'ratio', 3, ours / bare <= 3);

// 2. Text formats: throughput (reading the text into fragments, and end to end with merge and
// attribution) and memory. The lsns table lists the namespaces of 10,000 processes in 1,000 pods.
for (const [name, text] of [
  ['transcript', toTranscript(node)],
  ['lsns-table', toLsnsTable(syntheticNode(10_000, 1_000))],
] as const) {
  const mb = Buffer.byteLength(text) / 1048576;
  const parseMs = time(() => parseOne(`bench-${name}.txt`, text));
  const parseRate = mb / (parseMs / 1000);
  emit(`parse.${name}`, `parse throughput (${mb.toFixed(2)} MB, 10k processes)`, parseRate, 'MB/s', 50, parseRate >= 50);
  const ms = time(() => parseInputs([{ name: `bench-${name}.txt`, text }]));
  const rate = mb / (ms / 1000);
  emit(`parse.${name}`, `parse+merge+attribute throughput (${mb.toFixed(2)} MB)`, rate, 'MB/s', 50, rate >= 50);
  const ratio = peakRatio(text, () => parseInputs([{ name: `bench-${name}.txt`, text }]));
  emit(`parse.${name}`, 'peak heap growth / input size', ratio, 'ratio', 5, ratio <= 5);
}
