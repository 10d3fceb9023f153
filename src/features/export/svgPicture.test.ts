import { describe, expect, it } from 'vitest';
import { fileStem, pngScale } from './svgPicture.ts';
import { findVarEnd, replaceVars, rgbToHex } from './colors.ts';
import { snapshotJson } from './exportView.ts';

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
