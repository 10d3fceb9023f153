import { describe, expect, it } from 'vitest';
import { inputsFromFileList } from './collectFiles.ts';
import { fetchFailure } from './fetchFailure.ts';
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

describe('fetchFailure', () => {
  const url = 'http://127.0.0.1:9/x.txt';
  it('tells HTTP errors, unreachable servers and oversized texts apart', () => {
    expect(fetchFailure(`Could not fetch ${url}: HTTP 404 Not Found`, url)).toEqual({
      kind: 'http',
      status: '404 Not Found',
    });
    expect(
      fetchFailure(
        `Could not fetch ${url}: the server did not answer, or it does not allow other sites to read it (CORS)`,
        url,
      ),
    ).toEqual({ kind: 'network' });
    expect(fetchFailure(`${url} is too large: 70 MB, more than the 64 MB limit`, url)).toEqual({
      kind: 'size',
      detail: '70 MB, more than the 64 MB limit',
    });
    expect(fetchFailure('boom', url)).toEqual({ kind: 'other', message: 'boom' });
  });
});
