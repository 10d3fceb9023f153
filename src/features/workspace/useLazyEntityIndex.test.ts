import { describe, expect, it, vi } from 'vitest';
import * as entities from '../../model/entities.ts';
import { loadGallery } from '../../layout/testFixtures.ts';
import { lazyEntityIndex } from './useLazyEntityIndex.ts';

describe('lazyEntityIndex', () => {
  const f = loadGallery().find((x) => x.id === 'myweb2')!;

  it('builds nothing until used, then once, the same index as buildEntityIndex', () => {
    const build = vi.spyOn(entities, 'buildEntityIndex');
    const index = lazyEntityIndex(f.snapshot, f.summary);
    expect(build).not.toHaveBeenCalled();
    const want = entities.buildEntityIndex(f.snapshot, f.summary);
    build.mockClear();
    expect([...index.byKey.keys()]).toEqual([...want.byKey.keys()]);
    index.warm();
    expect(index.nsKey('k8s-w1', 'net', 1)).toBe(want.nsKey('k8s-w1', 'net', 1));
    expect(build).toHaveBeenCalledTimes(1);
    build.mockRestore();
  });
});
