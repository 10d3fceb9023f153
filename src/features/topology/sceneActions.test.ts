import { describe, expect, it } from 'vitest';
import { readViewState } from '../../state/viewState.ts';
import { actionPatch } from './sceneActions.ts';
import { sceneOptionsKey } from './useTopologyScene.ts';

const state = (hash: Record<string, string>) => readViewState(new Map(Object.entries(hash)));

describe('scene controls write the hash', () => {
  it('lists and folds a container’s processes (expand=)', () => {
    const s = state({ expand: 'ctr:n:a' });
    expect(actionPatch({ type: 'expand', target: 'ctr:n:b' }, s)).toEqual({
      expand: ['ctr:n:a', 'ctr:n:b'],
    });
    expect(actionPatch({ type: 'expand', target: 'ctr:n:a' }, s)).toEqual({ expand: ['ctr:n:a'] });
    expect(actionPatch({ type: 'fold', target: 'ctr:n:a' }, s)).toEqual({ expand: [] });
  });

  it('collapses, expands, focuses and leaves a pod', () => {
    const s = state({});
    expect(actionPatch({ type: 'collapse-pod', target: 'pod:n:p' }, s)).toEqual({
      collapsed: ['pod:n:p'],
    });
    expect(
      actionPatch({ type: 'expand-pod', target: 'pod:n:p' }, state({ collapsed: 'pod:n:p' })),
    ).toEqual({ collapsed: [] });
    expect(actionPatch({ type: 'focus', target: 'pod:n:p' }, s)).toEqual({ focus: 'pod:n:p' });
    expect(actionPatch({ type: 'unfocus', target: 'pod:n:p' }, s)).toEqual({ focus: undefined });
  });

  it('re-lays out only when a layout option changes, not on selection', () => {
    const a = sceneOptionsKey(state({ src: 'x', types: 'net' }));
    expect(sceneOptionsKey(state({ src: 'x', types: 'net', select: 'pod:n:p' }))).toBe(a);
    expect(sceneOptionsKey(state({ src: 'x', types: 'net', hostlinks: '1' }))).not.toBe(a);
    expect(sceneOptionsKey(state({ src: 'x', types: 'net', lang: 'ko' }))).not.toBe(a);
  });
});
