import { describe, expect, it } from 'vitest';
import { fileStem, pngScale } from './svgPicture.ts';
import { findVarEnd, replaceVars, rgbToHex } from './colors.ts';
import { snapshotJson } from './exportView.ts';
import { facesFor, matchWeight, parseFamilies, parseUnicodeRange, type PageFace } from './fonts.ts';

describe('fileStem', () => {
  it('keeps fixture ids and names URLs by their file', () => {
    expect(fileStem('myweb2')).toBe('myweb2');
    expect(fileStem('https://h/caps/kind-worker.txt?x=1')).toBe('kind-worker');
    expect(fileStem('/snap/node a.json')).toBe('node-a');
    expect(fileStem('paste')).toBe('paste');
    expect(fileStem('../..')).toBe('nsviz');
  });
});

describe('pngScale', () => {
  it('is 2 unless the canvas would be too large', () => {
    expect(pngScale(1200, 700)).toBe(2);
    expect(pngScale(12_000, 3_000)).toBeLessThan(2);
    expect(pngScale(12_000, 3_000) * 12_000).toBeLessThanOrEqual(16_384);
  });
});

describe('colour helpers', () => {
  it('finds balanced var() ends and replaces them', () => {
    expect(findVarEnd('var(--a,var(--b))x', 0)).toBe(17);
    expect(replaceVars('a{fill:var(--fg,#000);stroke:var(--x,var(--y))}', (e) => `[${e}]`)).toBe(
      'a{fill:[var(--fg,#000)];stroke:[var(--x,var(--y))]}',
    );
    expect(replaceVars('fill:var(--fg)', () => undefined)).toBe('fill:var(--fg)');
  });
  it('writes opaque rgb as hex and keeps translucent colours', () => {
    expect(rgbToHex('rgb(28, 28, 33)')).toBe('#1c1c21');
    expect(rgbToHex('rgba(0, 0, 0, 0)')).toBe('rgba(0, 0, 0, 0)');
    expect(rgbToHex('red')).toBe('red');
  });
});

describe('snapshotJson', () => {
  it('is what nsviz convert prints: two-space JSON and a newline', () => {
    const snap = { schema: 'nsviz/snapshot@1', sources: [], nodes: [] } as never;
    expect(snapshotJson(snap)).toBe(`${JSON.stringify(snap, null, 2)}\n`);
  });
});

describe('embedded fonts', () => {
  const face = (family: string, weight: number, range: string): PageFace => ({
    family,
    weight,
    ranges: parseUnicodeRange(range),
    unicodeRange: range,
    url: `https://x/${family}-${weight}-${range}.woff2`,
  });
  const latin = face('Noto Sans', 400, 'U+0-FF, U+2000-206F');
  const latinBold = face('Noto Sans', 700, 'U+0-FF, U+2000-206F');
  const mono = face('Noto Sans Mono', 400, 'U+0-FF');
  const ko1 = face('Noto Sans KR', 400, 'U+AC00-B000');
  const ko2 = face('Noto Sans KR', 400, 'U+C000-D7A3');
  const ko1Bold = face('Noto Sans KR', 700, 'U+AC00-B000');
  const faces = [latin, latinBold, mono, ko1, ko2, ko1Bold];

  it('parses unicode-range and font-family lists', () => {
    expect(parseUnicodeRange('U+0-FF, U+131, U+4??')).toEqual([
      [0, 255],
      [305, 305],
      [1024, 1279],
    ]);
    expect(parseUnicodeRange('')).toEqual([]);
    expect(parseFamilies('"Noto Sans", Noto Sans KR, sans-serif')).toEqual([
      'Noto Sans',
      'Noto Sans KR',
      'sans-serif',
    ]);
  });

  it('matches weights as CSS does', () => {
    expect(matchWeight(400, [400, 700])).toBe(400);
    expect(matchWeight(500, [400, 700])).toBe(400);
    expect(matchWeight(600, [400, 700])).toBe(700);
    expect(matchWeight(900, [400, 700])).toBe(700);
    expect(matchWeight(300, [400, 700])).toBe(400);
    expect(matchWeight(400, [])).toBeUndefined();
  });

  it('takes only the faces the text falls through to', () => {
    const sans = ['Noto Sans', 'Noto Sans KR', 'sans-serif'];
    expect(facesFor([{ families: sans, weight: 400, text: 'node k8s' }], faces)).toEqual([latin]);
    // Hangul falls through Noto Sans (no range for it) to the Korean subsets holding it.
    expect(facesFor([{ families: sans, weight: 400, text: '가시 k8s' }], faces)).toEqual([
      latin,
      ko1,
      ko2,
    ]);
    expect(facesFor([{ families: sans, weight: 750, text: '가' }], faces)).toEqual([ko1Bold]);
    expect(
      facesFor(
        [{ families: ['Noto Sans Mono', 'Noto Sans KR'], weight: 400, text: 'ns …' }],
        faces,
      ),
    ).toEqual([mono]);
    expect(facesFor([{ families: ['monospace'], weight: 400, text: 'x' }], faces)).toEqual([]);
  });
});
