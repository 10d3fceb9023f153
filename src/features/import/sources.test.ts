import { describe, expect, it } from 'vitest';
import { inputsFromFileList } from './collectFiles.ts';
import { sourceKind } from './sources.ts';

describe('sourceKind', () => {
  it('tells imports and URLs from fixture ids', () => {
    expect(sourceKind('paste')).toBe('paste');
    expect(sourceKind('files')).toBe('files');
    expect(sourceKind('https://example.org/a.json')).toBe('url');
    expect(sourceKind('myweb2')).toBeUndefined();
    expect(sourceKind(undefined)).toBeUndefined();
  });
});

describe('inputsFromFileList', () => {
  it('names folder files by path, marks them optional, and skips hidden ones', () => {
    const inFolder = (path: string) =>
      Object.defineProperty(new File(['x'], path.split('/').pop()!), 'webkitRelativePath', {
        value: path,
      });
    const inputs = inputsFromFileList([
      new File(['x'], 'lsns.txt'),
      inFolder('cap/node1/ps.txt'),
      inFolder('cap/.git/config'),
    ]);
    expect(inputs.map((i) => [i.name, i.optional ?? false])).toEqual([
      ['lsns.txt', false],
      ['cap/node1/ps.txt', true],
    ]);
  });
});
