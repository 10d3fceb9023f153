// Every runtime parser and detector on bad input: issues, never a throw. Mutations start from
// the REAL podman recordings and the HAND-MADE crictl/docker/lxkns samples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormatParser, ParseResult } from '../../types.ts';
import { runtimeFormats } from './index.ts';
import { ctx, sample, sampleNames } from './test-helpers.ts';

const SAMPLES = [
  ...sampleNames('handmade')
    .filter((f) => !f.endsWith('.md'))
    .map((f) => `handmade/${f}`),
  ...sampleNames('podman-4.3')
    .filter((d) => !d.includes('.'))
    .flatMap((d) =>
      sampleNames(`podman-4.3/${d}`)
        .filter((f) => f.endsWith('.json'))
        .map((f) => `podman-4.3/${d}/${f}`),
    ),
].map((name) => ({ name, text: sample(name) }));

function wellFormed(p: FormatParser, r: ParseResult): void {
  expect(r.format).toBe(p.id);
  expect(r.fragment.sources).toHaveLength(1);
  for (const i of r.issues) {
    expect(i.source).toBe(ctx.source);
    expect(['error', 'warning']).toContain(i.level);
    expect(typeof i.message).toBe('string');
    if (i.line !== undefined) expect(i.line).toBeGreaterThanOrEqual(1);
  }
  for (const c of r.fragment.containers) expect(typeof c.id).toBe('string');
  for (const n of r.fragment.namespaces) expect(Number.isSafeInteger(n.inode)).toBe(true);
}

function exercise(text: string): void {
  for (const p of runtimeFormats) {
    const score = p.detect(text, ctx);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    wellFormed(p, p.parse(text, ctx));
  }
}

const BAD: Record<string, string> = {
  empty: '',
  blank: ' \n\t\r\n',
  binary: '\u0000\u0001\u00ff\ufffd\u0007ELF\u0002\u0001\u0001\u0000',
  'truncated JSON': '[{"Id": "abc", "State": {"Pid": 12',
  'wrong shape: number': '42',
  'wrong shape: string': '"containers"',
  'wrong shape: object':
    '{"containers": {"a": 1}, "items": "x", "status": [], "namespaces": 3, "processes": null}',
  'wrong shape: array of junk':
    '[1, "a", null, [], {"Id": 5}, {"Id": "x", "State": "y", "Namespaces": {"Net": {}}}]',
  'header only':
    'CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID',
  'NUL inside a table':
    'POD ID              CREATED             STATE               NAME                NAMESPACE           ATTEMPT\n\u0000\u0000\u0000',
  'a 1 MB line': 'CONTAINER           IMAGE    STATE   NAME\n' + 'ab'.repeat(500000),
  'a 1 MB JSON string': `[{"Id": "${'f'.repeat(1 << 20)}"}]`,
};

describe('bad input gives issues, not exceptions', () => {
  for (const [what, text] of Object.entries(BAD)) {
    it(what, () => exercise(text));
  }

  it('reports an error for empty and non-JSON input to every JSON parser', () => {
    for (const p of runtimeFormats) {
      for (const text of ['', 'garbage']) {
        const r = p.parse(text, ctx);
        expect(r.issues.some((i) => i.level === 'error')).toBe(true);
      }
    }
  });

  it('names the line of a truncation in a multi-line document', () => {
    const text = sample('podman-4.3/default/podman-ps-ns.json');
    const cut = text.slice(0, text.indexOf('"Pid"'));
    const line = cut.split('\n').length;
    for (const p of runtimeFormats.filter(
      (f) => f.id !== 'crictl-ps-table' && f.id !== 'crictl-pods-table',
    )) {
      const err = p.parse(cut, ctx).issues.find((i) => i.message.startsWith('JSON ends'));
      expect(err?.line).toBe(line);
    }
  });

  it('detects from the head only: a 30 MB input is scored at once', () => {
    const big = '[' + ' '.repeat(30 << 20);
    const start = performance.now();
    for (const p of runtimeFormats) p.detect(big, ctx);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('does not mistake one runtime sample for another format', () => {
    for (const { name, text } of SAMPLES) {
      const scores = runtimeFormats
        .map((p) => [p.id, p.detect(text, ctx)] as const)
        .sort((a, b) => b[1] - a[1]);
      expect(scores[0]![1], name).toBeGreaterThan(0.5);
      expect(scores[1]![1], name).toBeLessThan(scores[0]![1]);
    }
  });
});

/** A mutation of a real or hand-made sample: cut, delete, insert, replace or repeat a slice. */
const mutated = fc
  .tuple(
    fc.constantFrom(...SAMPLES),
    fc.array(
      fc.tuple(
        fc.constantFrom('cut', 'delete', 'insert', 'replace', 'repeat'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 400 }),
        fc.string({
          unit: fc.constantFrom(
            '{',
            '}',
            '[',
            ']',
            ',',
            ':',
            '"',
            '\\',
            ' ',
            '\n',
            '0',
            'a',
            '-',
            '\u0000',
            'é',
          ),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([s, ops]) => {
    let t = s.text;
    for (const [op, where, len, str] of ops) {
      const at = Math.floor(where * t.length);
      if (op === 'cut') t = t.slice(0, at);
      else if (op === 'delete') t = t.slice(0, at) + t.slice(at + len);
      else if (op === 'insert') t = t.slice(0, at) + str + t.slice(at);
      else if (op === 'replace') t = t.slice(0, at) + str + t.slice(at + str.length);
      else t = t.slice(0, at) + t.slice(at, at + len).repeat(3) + t.slice(at);
    }
    return t;
  });

describe('property: no parser or detector throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), exercise), {
      numRuns: 300,
    });
  });

  it('on random JSON', () => {
    fc.assert(fc.property(fc.json(), exercise), { numRuns: 300 });
  });

  it('on mutated samples', () => {
    fc.assert(fc.property(mutated, exercise), { numRuns: 300 });
  });

  it('on random command lines', () => {
    const word = fc.oneof(
      fc.constantFrom(
        'crictl',
        'podman',
        'docker',
        'nerdctl',
        'dumpns',
        'curl',
        'ps',
        'pods',
        'pod',
        'inspect',
        'inspectp',
        'container',
        '-o',
        'json',
        '--format',
        '-q',
        '--ns',
        '-ojson',
        '--output=json',
        '--type',
        '-',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (argv) => {
        for (const p of runtimeFormats) {
          const s = p.forCommand?.(argv) ?? 0;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
