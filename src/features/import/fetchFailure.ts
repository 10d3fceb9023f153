/**
 * Why a source could not be fetched or parsed, told apart so each language can say it its own
 * way. The messages come from `fetchText` (src/api/fetchText.ts) and the parse worker
 * (src/api/parseWorker.ts); what they quote (a status line, a size, the worker's own error)
 * is kept as it is.
 */
export type FetchFailure =
  | { kind: 'http'; status: string }
  | { kind: 'network' }
  | { kind: 'size'; size: string; limit: string }
  | { kind: 'not-url'; url: string }
  | { kind: 'protocol'; protocol: string }
  | { kind: 'parse'; detail: string }
  | { kind: 'other'; message: string };

/**
 * Reads such a message back into a kind; `url`, when known, must be the one named.
 * `fetchFailure('Could not fetch u: HTTP 404 Not Found', 'u')` → `{ kind: 'http', status: '404 Not Found' }`.
 */
export function fetchFailure(message: string, url?: string): FetchFailure {
  const named = (u: string) => url === undefined || u === url;
  const fetch = /^Could not fetch (\S+): (.*)$/s.exec(message);
  if (fetch && named(fetch[1]!)) {
    const rest = fetch[2]!;
    const http = /^HTTP (.+)$/.exec(rest);
    if (http?.[1] !== undefined) return { kind: 'http', status: http[1] };
    if (/CORS|did not answer/.test(rest)) return { kind: 'network' };
  }
  const size = /^(\S+) is too large: (?:over )?(.+?), more than the (.+) limit$/.exec(message);
  if (size && named(size[1]!)) return { kind: 'size', size: size[2]!, limit: size[3]! };
  const notUrl = /^"(.*)" is not a URL$/s.exec(message);
  if (notUrl && named(notUrl[1]!)) return { kind: 'not-url', url: notUrl[1]! };
  const protocol = /^Only http and https URLs can be opened, not (.+)$/.exec(message);
  if (protocol) return { kind: 'protocol', protocol: protocol[1]! };
  const parse = /^Parsing failed: (.*)$/s.exec(message);
  if (parse) return { kind: 'parse', detail: parse[1]! };
  return { kind: 'other', message };
}
