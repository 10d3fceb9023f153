import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseContext, ParseResult } from '../../types.ts';
import { procFormats } from './index.ts';
import { RECORDINGS, readTestdata, recording } from './test-helpers.ts';

/** Never throws, and every issue names its source; the result is plain JSON. */
function exercise(text: string, ctx: ParseContext): ParseResult[] {
  return procFormats.map((f) => {
    const detected = f.detect(text, ctx);
    expect(detected).toBeGreaterThanOrEqual(0);
    expect(detected).toBeLessThanOrEqual(1);
    const r = f.parse(text, ctx);
    for (const i of r.issues) expect(i.source).toBe(ctx.source);
    expect(() => JSON.stringify(r)).not.toThrow();
    return r;
  });
}

const HANDMADE = [
  'busybox-ps-time.txt',
  'cgroup-crio.txt',
  'cgroup-relative.txt',
  'cgroup-v1-cgroupfs.txt',
  'cgroup-v2-kubelet.txt',
  'ip-addr-peer.txt',
  'ls-color.txt',
  'ls-denied.txt',
  'ls-localized.txt',
  'ls-long-iso.txt',
  'ls-selinux-quoted.txt',
  'ps-ef-numeric.txt',
  'ps-eo-dash.txt',
  'readlink-kernel-5.4.txt',
  'stat-kernel-4.9.txt',
];
// The small real recordings (the multi-process ones are too large to mutate thousands of times).
const small = RECORDINGS.filter((f) => !f.endsWith('.gz')).map((f) => recording(f));
const seeds = [
  ...small,
  ...HANDMADE.map((f) => ({ text: readTestdata(`handmade/${f}`), ctx: { source: f } })),
];

const via = fc.option(
  fc.record({
    tool: fc.constantFrom('kubectl', 'crictl', 'docker', 'podman', 'nsenter') as fc.Arbitrary<
      NonNullable<ParseContext['via']>['tool']
    >,
    target: fc.string({ maxLength: 8 }),
  }),
  { nil: undefined },
);
const argvArb = fc.option(
  fc.oneof(
    fc.constantFrom(
      ...seeds.flatMap((s): (readonly string[])[] =>
        (s.ctx as ParseContext).argv ? [(s.ctx as ParseContext).argv!] : [],
      ),
    ),
    fc.array(
      fc.oneof(
        fc.constantFrom(
          'ls',
          'ps',
          'ip',
          'stat',
          'readlink',
          'cat',
          'grep',
          'busybox',
          '-o',
          '-eo',
          '-j',
          'a',
          '-L',
          '-c',
        ),
        fc.constantFrom(
          '/proc/1/ns',
          '/proc/self/ns/*',
          '/proc/[0-9]*/cgroup',
          'pid=',
          'pid,args',
          '%i',
          'o',
        ),
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 6 },
    ),
  ),
  { nil: undefined },
);
const ctxArb = fc
  .record({
    argv: argvArb,
    pid: fc.option(fc.integer({ min: 1, max: 1 << 22 }), { nil: undefined }),
    via,
  })
  .map((c) => {
    const ctx: ParseContext = { source: 'fuzz', lineOffset: 3 };
    if (c.argv !== undefined) ctx.argv = c.argv;
    if (c.pid !== undefined) ctx.pid = c.pid;
    if (c.via !== undefined) ctx.via = c.via;
    return ctx;
  });

/** A real or hand-made input with random edits: cuts, insertions, duplicated and dropped lines. */
const mutated = fc
  .tuple(
    fc.constantFrom(...seeds.map((s) => s.text)),
    fc.array(
      fc.record({
        at: fc.nat(),
        cut: fc.nat({ max: 40 }),
        insert: fc.string({ unit: 'binary', maxLength: 12 }),
      }),
      { maxLength: 6 },
    ),
    fc.array(fc.nat(), { maxLength: 4 }),
  )
  .map(([text, edits, dups]) => {
    let out = text;
    for (const e of edits) {
      const at = out.length === 0 ? 0 : e.at % out.length;
      out = out.slice(0, at) + e.insert + out.slice(at + e.cut);
    }
    const lines = out.split('\n');
    for (const d of dups)
      if (lines.length > 0) lines.splice(d % lines.length, 0, lines[(d * 7) % lines.length] ?? '');
    return lines.join('\n');
  });

describe('no parser or detector throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        ctxArb,
        (t, c) => void exercise(t, c),
      ),
      { numRuns: 300 },
    );
  });

  it('on mutated real and hand-made inputs, with random contexts', () => {
    fc.assert(
      fc.property(mutated, ctxArb, (t, c) => void exercise(t, c)),
      { numRuns: 400 },
    );
  });

  it('forCommand on random argv', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), argvArb, (a, b) => {
        for (const f of procFormats) {
          for (const argv of [a, b ?? []]) {
            const score = f.forCommand?.(argv) ?? 0;
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('bad input becomes issues with line numbers', () => {
  const ctx = { source: 'bad', argv: ['ls', '-l', '/proc/1/ns'] };

  it('empty input: one warning on line 1 from every parser', () => {
    for (const r of exercise('', ctx))
      expect(r.issues).toMatchObject([{ level: 'warning', line: 1 }]);
    for (const r of exercise('\n\n', ctx))
      expect(r.issues).toMatchObject([{ level: 'warning', line: 1 }]);
  });

  it('binary input: errors with line numbers, at most 51 of them', () => {
    const bytes = Array.from({ length: 5000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join('');
    for (const r of exercise(bytes, ctx)) {
      expect(r.issues.length).toBeGreaterThan(0);
      expect(r.issues.length).toBeLessThanOrEqual(51);
      for (const i of r.issues) expect(i.line).toBeGreaterThan(0);
    }
  });

  it('a 1 MB line is read once, quickly', () => {
    const line = `lrwxrwxrwx 1 root root 0 Nov 28 06:19 net -> net:[${'4'.repeat(1 << 20)}]`;
    const started = performance.now();
    for (const r of exercise(line, ctx)) {
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) {
        expect(i.line).toBe(1);
        expect(i.message.length).toBeLessThan(400);
      }
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('every recording fed to every other parser: issues name lines, no throw', () => {
    for (const { text, ctx: own } of seeds) {
      const results = exercise(text, { ...own, source: 'bad' });
      for (const r of results) {
        for (const i of r.issues) if (i.level === 'error') expect(i.line).toBeGreaterThan(0);
      }
    }
  });
});
