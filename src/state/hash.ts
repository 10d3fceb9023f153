/**
 * The URL hash holds the view state (contract §5): `#src=myweb2&view=matrix&theme=dark`.
 * These helpers read and write it as `key=value` pairs and leave unknown keys alone, so a
 * link made by a later version still opens in this one.
 */

/** `parseHash('#src=nginx&theme=dark')` → `Map { 'src' → 'nginx', 'theme' → 'dark' }`. */
export function parseHash(hash: string): Map<string, string> {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return new Map(params.entries());
}

/**
 * The hash with `key` set (or removed when `value` is undefined), other keys kept in order.
 * `withHashParam('#src=a&view=matrix', 'src', 'b')` → `'#src=b&view=matrix'`.
 */
export function withHashParam(hash: string, key: string, value: string | undefined): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  if (value === undefined) params.delete(key);
  else params.set(key, value);
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}
