import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../model/classify.ts';
import { parseInputs } from './index.ts';

/** Every recording and fixture in the repository: the seeds for mutation. */
function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|json)$/.test(e) && statSync(p).size < 2_000_000)
        out.push({ name: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk('fixtures');
  walk('src/parse/formats');
  return out;
}

const seeds = corpus();

function mutate(
  text: string,
  ops: { kind: number; at: number; len: number; char: string }[],
): string {
  let t = text;
  for (const op of ops) {
    const at = t.length === 0 ? 0 : op.at % t.length;
    switch (op.kind % 5) {
      case 0: // drop a slice
        t = t.slice(0, at) + t.slice(at + op.len);
        break;
      case 1: // duplicate a slice
        t = t.slice(0, at) + t.slice(at, at + op.len) + t.slice(at);
        break;
      case 2: // truncate
        t = t.slice(0, at);
        break;
      case 3: // replace a character
        t = t.slice(0, at) + op.char + t.slice(at + 1);
        break;
      default: {
        // swap two lines
        const lines = t.split('\n');
        const i = at % Math.max(1, lines.length);
        const j = op.len % Math.max(1, lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        t = lines.join('\n');
      }
    }
  }
  return t;
}

describe('parseInputs never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const r = parseInputs([{ name: 'random', text }]);
        classify(r.snapshot);
        for (const i of r.issues) expect(typeof i.message).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated real inputs', () => {
    if (seeds.length === 0) return;
    const op = fc.record({
      kind: fc.nat(),
      at: fc.nat(),
      len: fc.nat({ max: 400 }),
      char: fc.string({ minLength: 1, maxLength: 1 }),
    });
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(op, { maxLength: 6 }), (i, ops) => {
        const seed = seeds[i]!;
        const r = parseInputs([{ name: seed.name, text: mutate(seed.text, ops) }]);
        classify(r.snapshot);
      }),
      { numRuns: Math.min(600, seeds.length * 20) },
    );
  });

  it('reads every bundled fixture without errors', () => {
    const manifest = JSON.parse(readFileSync('fixtures/manifest.json', 'utf8')) as {
      id: string;
      files: string[];
    }[];
    for (const f of manifest) {
      const inputs = f.files.map((name) => ({
        name,
        text: readFileSync(join('fixtures', name), 'utf8'),
      }));
      const r = parseInputs(inputs);
      expect
        .soft(
          r.issues.filter((x) => x.level === 'error'),
          f.id,
        )
        .toEqual([]);
      expect.soft(classify(r.snapshot).pods.length, f.id).toBeGreaterThan(0);
    }
  });
});
