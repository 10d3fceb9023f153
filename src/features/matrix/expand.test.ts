import { describe, expect, it } from 'vitest';
import { readViewState } from '../../state/viewState.ts';
import { toggleExpand } from './expand.ts';

describe('toggleExpand', () => {
  it('opens a container by its contract key, after those already open', () => {
    expect(toggleExpand(['ctr:n:a'], 'n', 'b')).toEqual({ expand: ['ctr:n:a', 'ctr:n:b'] });
    expect(toggleExpand([], 'k8s-w1', 'bc12')).toEqual({ expand: ['ctr:k8s-w1:bc12'] });
  });

  it('folds an open one and keeps the others', () => {
    expect(toggleExpand(['ctr:n:a', 'ctr:n:b', 'ctr:n:c'], 'n', 'b')).toEqual({
      expand: ['ctr:n:a', 'ctr:n:c'],
    });
  });

  it('tells the same id on two nodes apart', () => {
    expect(toggleExpand(['ctr:n1:a'], 'n2', 'a')).toEqual({ expand: ['ctr:n1:a', 'ctr:n2:a'] });
  });

  it('round-trips through the hash as the topology reads it', () => {
    const patch = toggleExpand(['ctr:n:a'], 'n', 'b');
    const hash = new Map([['expand', (patch.expand as string[]).join(',')]]);
    expect(readViewState(hash).expand).toEqual(['ctr:n:a', 'ctr:n:b']);
  });
});
