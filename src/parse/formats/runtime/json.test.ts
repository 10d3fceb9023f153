import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJson } from './json.ts';

describe('readJson', () => {
  it('reads one document with JSON.parse semantics', () => {
    expect(readJson('\n\n  {"a": [1, 2.5, "x"], "b": null}')).toEqual({
      docs: [{ value: { a: [1, 2.5, 'x'], b: null }, line: 3 }],
    });
  });

  it('reads documents printed back to back and says where each starts', () => {
    const r = readJson('{"id": 1}\n{\n  "id": 2\n}\n[3]');
    expect(r.error).toBeUndefined();
    expect(r.docs.map((d) => [d.value, d.line])).toEqual([
      [{ id: 1 }, 1],
      [{ id: 2 }, 2],
      [[3], 5],
    ]);
  });

  it('names the line, column and expectation where truncated text ends, keeping the part read', () => {
    const r = readJson('[\n  {"id": "a", "pid": 4},\n  {"id": "b", "pi');
    expect(r.error?.line).toBe(3);
    expect(r.error?.column).toBe(18);
    expect(r.error?.message).toMatch(
      /^JSON ends at line 3, column 18 inside the object opened at line 3, column 3: expected/,
    );
    expect(r.docs).toEqual([{ value: [{ id: 'a', pid: 4 }, { id: 'b' }], line: 1, partial: true }]);
  });

  it('names what was found where a syntax error breaks the text', () => {
    const r = readJson('{"a": 1\n "b": 2}');
    expect(r.error).toMatchObject({ line: 2, column: 2 });
    expect(r.error?.message).toContain(`expected ',' or '}'`);
    expect(r.error?.message).toContain('found');
  });

  it('reports bad escapes and raw control characters in strings', () => {
    expect(readJson('["a\\q"] x').error?.message).toContain('escape');
    expect(readJson('["a\u0001"] x').error?.message).toContain('control');
  });

  it('handles a BOM, blank text and nesting deeper than any call stack', () => {
    expect(readJson('\ufeff{"a":1}').docs[0]?.value).toEqual({ a: 1 });
    expect(readJson('  \n ')).toEqual({ docs: [] });
    const deep = '['.repeat(100000) + ']'.repeat(99999);
    const r = readJson(deep);
    expect(r.error?.message).toMatch(/^JSON ends/);
  });

  it('keeps "__proto__" as a plain key, as JSON.parse does', () => {
    const r = readJson('{"__proto__": {"x": 1}} {"y": 2}');
    const first = r.docs[0]?.value as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('agrees with JSON.parse on every JSON value, alone and concatenated', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { minLength: 1, maxLength: 4 }), (values) => {
        const text = values.map((v) => JSON.stringify(v, null, 1)).join('\n');
        const r = readJson(text);
        expect(r.error).toBeUndefined();
        // JSON round-trips -0 as 0; compare through JSON text.
        expect(r.docs.map((d) => JSON.stringify(d.value))).toEqual(
          values.map((v) => JSON.stringify(v)),
        );
      }),
    );
  });

  it('never throws, on any text or any cut of valid JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        readJson(s);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (v, cut) => {
        const text = JSON.stringify(v);
        const r = readJson(text.slice(0, cut % (text.length + 1)));
        if (r.error) expect(r.error.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
