import { useCallback, useSyncExternalStore } from 'react';
import { parseHash, withHashParam } from './hash.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

/**
 * One key of the URL hash as React state. Setting it writes the hash (a history entry, so
 * Back returns to the previous fixture) and every reader re-renders on `hashchange`.
 */
export function useHashParam(
  key: string,
): [string | undefined, (value: string | undefined) => void] {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  const value = parseHash(hash).get(key);
  const set = useCallback(
    (next: string | undefined) => {
      const target = withHashParam(window.location.hash, key, next);
      if (target !== window.location.hash) window.location.hash = target;
    },
    [key],
  );
  return [value, set];
}
