/** `#src=` values that are not bundled fixtures: the user's own inputs, or a URL to fetch. */
export type ImportKind = 'paste' | 'files';

/**
 * `sourceKind('paste')` → `'paste'`; `sourceKind('https://x/a.json')` → `'url'`, and so is a
 * path on this server (`/a.json`, `./a.json`: fixture ids never start with `/` or `.`);
 * a fixture id → undefined.
 */
export function sourceKind(src: string | undefined): ImportKind | 'url' | undefined {
  if (src === 'paste' || src === 'files') return src;
  if (src !== undefined && /^(https?:\/\/|\.?\/)/i.test(src)) return 'url';
  return undefined;
}

/** `resolveSourceUrl('/a.json', 'http://h/app/')` → `'http://h/a.json'`; absolute URLs stay. */
export function resolveSourceUrl(src: string, base: string): string {
  try {
    return new URL(src, base).href;
  } catch {
    return src;
  }
}
