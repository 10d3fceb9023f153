import { describe, expect, it } from 'vitest';
import type { ParseContext, ParseResult } from '../../types.ts';
import { parseLs } from './ls.ts';
import { parsePs } from './ps.ts';
import { parseStat } from './stat.ts';
import { lsAll, psEoNs, statAll, syntheticNamespaces } from './synthetic.ts';

/**
 * 10,000-process inputs: read correctly, with work linear in the input. Throughput is a
 * benchmark target (`npm run bench -- parse`, lines `parse.proc-*`), not a timed assertion here,
 * which a busy machine would fail. Linearity is checked by counting, which cannot flake: see
 * `countWork`.
 */
type Parse = (text: string, ctx: ParseContext) => ParseResult;
const CASES: [string, (n: number) => string, Parse, string[]][] = [
  ['ls -l /proc/[0-9]*/ns', lsAll, parseLs, ['ls', '-l', '/proc/[0-9]*/ns']],
  [
    "stat -L -c '%n %i' /proc/[0-9]*/ns/*",
    statAll,
    parseStat,
    ['stat', '-L', '-c', '%n %i', '/proc/[0-9]*/ns/*'],
  ],
  [
    'ps -eo …,pidns,netns,…,args',
    psEoNs,
    parsePs,
    ['ps', '-eo', 'pid,ppid,uid,user,pidns,netns,ipcns,utsns,mntns,userns,cgroupns,args'],
  ],
];

type Method = (this: unknown, ...args: unknown[]) => unknown;

/**
 * A deterministic measure of the work `run` does with strings and arrays: characters cut out of
 * strings (slice, substring, split), string searches (indexOf, one per call: the search itself
 * stops at its match), and the length of every array searched (find, some, includes, …). A
 * parser that rescans the rest of its input per line, or searches all rows so far per line,
 * makes this grow with the square of the input; a linear one, in proportion.
 */
function countWork(run: () => void): number {
  let work = 0;
  const restore: (() => void)[] = [];
  const wrap = (proto: object, name: string, cost: (self: unknown, result: unknown) => number) => {
    const methods = proto as Record<string, Method>;
    const original = methods[name]!;
    methods[name] = function (this: unknown, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      work += cost(this, result);
      return result;
    };
    restore.push(() => {
      methods[name] = original;
    });
  };
  const cut = (self: unknown, result: unknown): number =>
    typeof result === 'string' ? result.length : String(self).length;
  for (const name of ['slice', 'substring', 'split']) wrap(String.prototype, name, cut);
  wrap(String.prototype, 'indexOf', () => 1);
  for (const name of ['find', 'findIndex', 'some', 'every', 'includes', 'indexOf', 'filter'])
    wrap(Array.prototype, name, (self) => (self as unknown[]).length);
  try {
    run();
  } finally {
    for (const undo of restore) undo();
  }
  return work;
}

describe.each(CASES)('%s', (_name, make, parse, argv) => {
  const ctx = { source: 'perf', argv };
  const big = make(10_000);

  it('parses 10,000 processes correctly', () => {
    const r = parse(big, ctx);
    expect(r.issues).toEqual([]);
    expect(r.fragment.processes).toHaveLength(10_000);
    for (const pid of [100, 101, 5555, 10_099]) {
      const { time: _time, ...want } = syntheticNamespaces(pid);
      expect(r.fragment.processes.find((p) => p.pid === pid)?.namespaces).toMatchObject(want);
    }
  });

  it('does work linear in the input (4× the processes, at most ~4× the work)', () => {
    const quarter = make(2_500);
    const small = countWork(() => parse(quarter, ctx));
    const large = countWork(() => parse(big, ctx));
    expect(small).toBeGreaterThan(2_500); // the measure sees the parser at all
    // Linear work gives 4 (less with fixed costs); a per-line rescan gives about 16.
    expect(large / small).toBeLessThan(4.5);
  });
});
