/**
 * Bad input and property tests. The mutated inputs start from the REAL recordings in
 * testdata/ (see recordings.test.ts); everything else is generated here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NsType } from '../../../protocol/snapshot.ts';
import type { ParseResult } from '../../types.ts';
import { lsnsFormats } from './index.ts';
import { errors, parseAs, readData, recordings, truth } from './testkit.ts';

const ids = lsnsFormats.map((f) => f.id);

function wellFormed(r: ParseResult): void {
  expect(r.fragment.schema).toBe('nsviz/snapshot@1');
  for (const i of r.issues) {
    expect(i.source).toBe('test');
    if (i.line !== undefined) expect(i.line).toBeGreaterThanOrEqual(1);
    expect(i.message.length).toBeLessThan(400);
  }
}

describe('bad input becomes issues with line numbers, never an exception', () => {
  it.each(ids)('%s: empty and blank input', (id) => {
    for (const text of ['', '   \n\n\t\n']) {
      const r = parseAs(id, text);
      wellFormed(r);
      expect(errors(r)).toEqual(['1: empty input: expected lsns output']);
    }
  });

  it.each(ids)('%s: binary garbage gets a capped list of issues', (id) => {
    let seed = 7;
    const byte = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    const lines = Array.from({ length: 300 }, () =>
      String.fromCharCode(...Array.from({ length: 60 }, byte)),
    );
    const r = parseAs(id, lines.join('\n'));
    wellFormed(r);
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.length).toBeLessThanOrEqual(45);
    expect(r.fragment.namespaces).toEqual([]);
  });

  it('a row with a bad NS names the file line (lineOffset applied) and what was expected', () => {
    const text =
      '        NS TYPE   NPROCS   PID USER COMMAND\n4026531836 pid       85     1 root init\n       foo mnt        1     9 root x\n';
    const r = parseAs('lsns-table', text, { lineOffset: 10 });
    expect(errors(r)).toEqual(['13: expected an NS inode number in column 1 (NS), found "foo"']);
    expect(r.fragment.namespaces).toHaveLength(1);
  });

  it('an unknown type is an error for that row only', () => {
    const text =
      'NS TYPE NPROCS PID USER COMMAND\n4026531836 pid 85 1 root init\n4026532999 bogus 1 9 root x\n';
    const r = parseAs('lsns-raw', text);
    expect(errors(r)).toEqual([
      '3: expected a namespace type (mnt net pid uts ipc user cgroup time) in cell 2 (TYPE), found "bogus"',
    ]);
    expect(r.fragment.namespaces).toHaveLength(1);
  });

  it('a wrong header (another tool) is named on line 1', () => {
    const text =
      'NSID       NSTYPE NPROC PID  PPID COMMAND\n4026531836 pid    85    1    0    init\n';
    const r = parseAs('lsns-table', text);
    expect(errors(r)[0]).toMatch(
      /^1: expected an lsns header \(column names such as NS TYPE NPROCS PID USER COMMAND\), found "NSID/,
    );
  });

  it('lsns complaining on stderr is reported, and no rows is an error', () => {
    const r = parseAs('lsns-table', 'lsns: unknown column: PNS,ONS\n', {
      argv: ['lsns', '-o', 'NS,PNS,ONS'],
    });
    expect(r.issues.map((i) => `${i.level} ${i.line}: ${i.message}`)).toEqual([
      'warning 1: lsns reported: unknown column: PNS,ONS',
      'error 1: no lsns rows found',
    ]);
    const help = parseAs('lsns-table', 'Usage:\n lsns [options] [<namespace>]\n', {
      argv: ['lsns', '--help'],
    });
    expect(errors(help)[0]).toMatch(/--help/);
  });

  it('a line of 1 MB is read (as a long COMMAND) or reported in a short message', () => {
    const huge = 'x'.repeat(1 << 20);
    const row = `        NS TYPE   NPROCS   PID USER COMMAND\n4026531836 pid       85     1 root /bin/${huge}\n`;
    const ok = parseAs('lsns-table', row);
    expect(errors(ok)).toEqual([]);
    expect(ok.fragment.processes[0]!.command!.length).toBe(huge.length + 5);
    for (const id of ids) {
      const start = performance.now();
      const r = parseAs(id, `${huge}\n${huge}\n`);
      wellFormed(r);
      expect(performance.now() - start).toBeLessThan(2000);
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });

  it('truncated JSON: an error at the cut, then the complete rows before it', () => {
    const text = readData('2.38.1-json-l.json');
    const cut = text.slice(0, Math.floor(text.length * 0.55));
    const r = parseAs('lsns-json', cut, { argv: ['lsns', '-J', '-l'] });
    const lastLine = cut.split('\n').length;
    expect(errors(r)).toEqual([expect.stringMatching(new RegExp(`^${lastLine}: invalid JSON`))]);
    expect(r.issues.some((i) => i.message.startsWith('the JSON is cut short'))).toBe(true);
    expect(r.fragment.namespaces.length).toBeGreaterThan(5);
    for (const p of r.fragment.processes) {
      for (const [t, inode] of Object.entries(p.namespaces)) {
        expect(inode).toBe(truth.processes[String(p.pid)]!.ns[t as NsType]);
      }
    }
  });

  it('JSON of the wrong shape', () => {
    expect(errors(parseAs('lsns-json', '{"blockdevices": []}'))).toEqual([
      '1: expected lsns JSON with a "namespaces" array, found blockdevices',
    ]);
    expect(errors(parseAs('lsns-json', 'not json at all'))[0]).toMatch(/^1: expected lsns JSON/);
    const r = parseAs(
      'lsns-json',
      '{"namespaces": [\n  7,\n  {"ns": "x", "type": "net"},\n  {"ns": 4026531833, "type": "net", "pid": 1}\n]}',
    );
    expect(errors(r)).toEqual([
      '2: expected a namespace object in "namespaces", found 7',
      '3: expected an NS inode number in key "ns", found "x"',
    ]);
    expect(r.fragment.processes).toHaveLength(1);
  });
});

/** Line-level edits of a real recording. */
const lineEdit = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dup' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
);
const byteEdit = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    ch: fc.integer({ min: 0, max: 0x2fff }),
  }),
  fc.record({ op: fc.constant('cutText' as const), at: fc.nat(), ch: fc.constant(0) }),
);

function applyLines(text: string, edits: { op: 'drop' | 'dup' | 'cut'; at: number }[]): string {
  let lines = text.split('\n');
  for (const e of edits) {
    const i = e.at % Math.max(lines.length, 1);
    if (e.op === 'drop') lines.splice(i, 1);
    else if (e.op === 'dup') lines.splice(i, 0, lines[i] ?? '');
    else lines = lines.slice(0, i + 1);
  }
  return lines.join('\n');
}

function applyBytes(
  text: string,
  edits: { op: 'flip' | 'cutText'; at: number; ch: number }[],
): string {
  let t = text;
  for (const e of edits) {
    const i = e.at % Math.max(t.length, 1);
    t =
      e.op === 'flip' ? t.slice(0, i) + String.fromCharCode(e.ch) + t.slice(i + 1) : t.slice(0, i);
  }
  return t;
}

describe('properties', () => {
  it('no parser and no detector throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        for (const f of lsnsFormats) {
          const score = f.detect(text, { source: 'test' });
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          wellFormed(f.parse(text, { source: 'test' }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random lsns-looking lines and argv never make a parser throw', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        'NS',
        'TYPE',
        'PID',
        'NPROCS',
        'COMMAND',
        'NSFS',
        'net',
        'pid',
        '├─',
        '└─',
        '│',
        '|-',
        '`-',
        '\\x20',
        '{',
        '}',
        '"ns":',
        '[',
        ']',
      ),
      fc.integer({ min: 0, max: 5_000_000_000 }).map(String),
      fc.string({ maxLength: 6 }),
    );
    const line = fc
      .array(cell, { maxLength: 10 })
      .map((c) => c.join(fc.sample(fc.constantFrom(' ', '  ', '   '), 1)[0]));
    const argv = fc.array(
      fc.constantFrom(
        '-J',
        '-r',
        '-n',
        '-l',
        '-p',
        '42',
        '-t',
        'net',
        '-o',
        '+PATH',
        '-Towner',
        '4026532264',
        '--output-all',
      ),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), argv, (lines, args) => {
        const text = lines.join('\n');
        for (const f of lsnsFormats) {
          f.detect(text, { source: 'test' });
          wellFormed(f.parse(text, { source: 'test', argv: ['lsns', ...args] }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real recordings (dropped, doubled, cut lines): no throw, and every membership still true', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...recordings),
        fc.array(lineEdit, { minLength: 1, maxLength: 4 }),
        (rec, edits) => {
          const text = applyLines(readData(rec.file), edits);
          for (const f of lsnsFormats) {
            f.detect(text, { source: 'test' });
            const r = f.parse(text, { source: 'test', argv: rec.argv });
            wellFormed(r);
            for (const p of r.fragment.processes) {
              for (const [t, inode] of Object.entries(p.namespaces)) {
                expect(inode, `${rec.file} PID ${p.pid} ${t}`).toBe(
                  truth.processes[String(p.pid)]?.ns[t as NsType],
                );
              }
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('mutated real recordings (flipped characters, cut anywhere): no throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...recordings),
        fc.array(byteEdit, { minLength: 1, maxLength: 8 }),
        (rec, edits) => {
          const text = applyBytes(readData(rec.file), edits);
          for (const f of lsnsFormats) {
            const score = f.detect(text, { source: 'test' });
            expect(score).toBeGreaterThanOrEqual(0);
            wellFormed(f.parse(text, { source: 'test', argv: rec.argv }));
            wellFormed(f.parse(text, { source: 'test' }));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
