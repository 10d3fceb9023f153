import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseHash } from './hash.ts';
import { readViewState, type HashPatch, type ViewState } from './viewState.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
const getHash = (): string => window.location.hash;

/** The browser's language decides the UI language until `lang=` says otherwise. */
function browserLang(): 'en' | 'ko' {
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('ko')
    ? 'ko'
    : 'en';
}

/** The hash's view state, re-read on every `hashchange` (Back/Forward included). */
export function useViewState(): ViewState {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return useMemo(() => readViewState(parseHash(hash), browserLang()), [hash]);
}

/** Applies a patch to the hash as one history entry (`replace` for transient moves). */
export function patchHash(patch: HashPatch, replace = false): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  for (const [key, value] of Object.entries(patch)) {
    const text = typeof value === 'string' ? value : value?.join(',');
    if (text === undefined || text === '') params.delete(key);
    else params.set(key, text);
  }
  const next = params.toString();
  const target = next === '' ? '' : `#${next}`;
  if (target === window.location.hash) return;
  if (replace) {
    history.replaceState(history.state, '', target === '' ? window.location.pathname : target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = target;
}

/** A stable setter for use in event handlers. */
export function usePatchHash(): (patch: HashPatch, replace?: boolean) => void {
  return useCallback((patch: HashPatch, replace?: boolean) => patchHash(patch, replace), []);
}
