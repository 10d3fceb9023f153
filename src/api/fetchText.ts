import type { ParseProgress } from './types.ts';

/** The largest snapshot or capture `#src=<url>` downloads. */
export const MAX_FETCH_BYTES = 64 * 1_048_576;

export interface FetchTextOptions {
  signal?: AbortSignal;
  limit?: number;
  onProgress?: (p: ParseProgress) => void;
}

/**
 * Downloads a text over http(s) with a size limit, reporting bytes as they arrive. Rejects with
 * a message a user can act on: not http(s), unreachable (or blocked by CORS), an HTTP error
 * status, or larger than the limit (checked against Content-Length, then while reading).
 */
export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<string> {
  const { signal, limit = MAX_FETCH_BYTES, onProgress } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new Error(`"${url}" is not a URL`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Only http and https URLs can be opened, not ${parsed.protocol}`);
  }
  let response: Response;
  try {
    response = await fetch(parsed, { signal: signal ?? null, credentials: 'omit' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(
      `Could not fetch ${url}: the server did not answer, or it does not allow other sites to ` +
        'read it (CORS)',
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new Error(
      `Could not fetch ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    );
  }
  const tooLarge = (size: string) =>
    new Error(`${url} is too large: ${size}, more than the ${megabytes(limit)} limit`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(megabytes(declared));
  const total = Number.isFinite(declared) ? declared : undefined;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    if (loaded > limit) {
      await reader.cancel();
      throw tooLarge(`over ${megabytes(limit)}`);
    }
    parts.push(decoder.decode(value, { stream: true }));
    onProgress?.(
      total === undefined ? { phase: 'fetching', loaded } : { phase: 'fetching', loaded, total },
    );
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** The name parse issues use for a fetched text: its file name, else its host. */
export function nameOfUrl(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname.split('/').pop() ?? '') || u.host;
  } catch {
    return url;
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
}
