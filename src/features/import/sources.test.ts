import { describe, expect, it } from 'vitest';
import { inputsFromFileList } from './collectFiles.ts';
import { resolveSourceUrl, sourceKind } from './sources.ts';

describe('sourceKind', () => {
  it('tells imports and URLs from fixture ids', () => {
    expect(sourceKind('paste')).toBe('paste');
    expect(sourceKind('files')).toBe('files');
    expect(sourceKind('https://example.org/a.json')).toBe('url');
    expect(sourceKind('/examples/lsns-pause.txt')).toBe('url');
    expect(sourceKind('./a.json')).toBe('url');
    expect(sourceKind('myweb2')).toBeUndefined();
    expect(sourceKind(undefined)).toBeUndefined();
  });

  it('resolves a relative URL against the page', () => {
    expect(resolveSourceUrl('/a.json', 'http://h:1/app/#src=/a.json')).toBe('http://h:1/a.json');
    expect(resolveSourceUrl('./a.json', 'http://h:1/app/')).toBe('http://h:1/app/a.json');
    expect(resolveSourceUrl('https://x.org/a', 'http://h:1/')).toBe('https://x.org/a');
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
