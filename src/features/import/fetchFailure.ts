/** Why `#src=<url>` could not be fetched, told apart so each language can say it its own way. */
export type FetchFailure =
  | { kind: 'http'; status: string }
  | { kind: 'network' }
  | { kind: 'size'; detail: string }
  | { kind: 'other'; message: string };

/**
 * Reads the messages of `fetchText` (src/api/fetchText.ts) back into a kind.
 * `fetchFailure('Could not fetch u: HTTP 404 Not Found', 'u')` → `{ kind: 'http', status: '404 Not Found' }`.
 */
export function fetchFailure(message: string, url: string): FetchFailure {
  const rest = message.startsWith(`Could not fetch ${url}: `)
    ? message.slice(`Could not fetch ${url}: `.length)
    : undefined;
  if (rest !== undefined) {
    const http = /^HTTP (.+)$/.exec(rest);
    if (http?.[1] !== undefined) return { kind: 'http', status: http[1] };
    if (/CORS|did not answer/.test(rest)) return { kind: 'network' };
  }
  const size = message.startsWith(`${url} is too large: `)
    ? message.slice(`${url} is too large: `.length)
    : undefined;
  if (size !== undefined) return { kind: 'size', detail: size };
  return { kind: 'other', message };
}
