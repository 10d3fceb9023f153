/** `#src=` values that are not bundled fixtures: the user's own inputs, or a URL to fetch. */
export type ImportKind = 'paste' | 'files';

/** `sourceKind('paste')` → `'paste'`; `sourceKind('https://x/a.json')` → `'url'`; a fixture id → undefined. */
export function sourceKind(src: string | undefined): ImportKind | 'url' | undefined {
  if (src === 'paste' || src === 'files') return src;
  if (src !== undefined && /^https?:\/\//i.test(src)) return 'url';
  return undefined;
}
