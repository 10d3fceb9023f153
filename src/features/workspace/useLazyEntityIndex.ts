import { useEffect, useMemo } from 'react';
import { buildEntityIndex, type EntityIndex } from '../../model/entities.ts';
import type { NsType, Snapshot, Summary } from '../../protocol/snapshot.ts';

/**
 * The snapshot's entity index, built on first use (hover, search, the inspector, the matrix),
 * not before the first picture: for 2,000 processes it costs tens of milliseconds that drawing
 * the topology does not need. `warm()` builds it ahead of that use.
 */
export function lazyEntityIndex(
  snapshot: Snapshot,
  summary: Summary,
): EntityIndex & { warm: () => void } {
  let built: EntityIndex | undefined;
  const get = (): EntityIndex => (built ??= buildEntityIndex(snapshot, summary));
  return {
    get byKey() {
      return get().byKey;
    },
    nsKey: (node: string, type: NsType, inode: number) => get().nsKey(node, type, inode),
    warm: () => void get(),
  };
}

/** The workspace's index: lazy, and built right after the frame that shows the first picture. */
export function useLazyEntityIndex(snapshot: Snapshot, summary: Summary): EntityIndex {
  const index = useMemo(() => lazyEntityIndex(snapshot, summary), [snapshot, summary]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The next frame is painted before the timer runs, so the picture never waits for it.
    const frame = requestAnimationFrame(() => (timer = setTimeout(index.warm, 0)));
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [index]);
  return index;
}
