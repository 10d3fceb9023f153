import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchText } from '../../api/fetchText.ts';
import { fetchFailure } from './fetchFailure.ts';
import { urlText } from './urlMessages.ts';

const url = 'http://127.0.0.1:9/x.txt';
const HANGUL = /[\uac00-\ud7a3]/;

/** The message `fetchText` rejects with, for a stubbed `fetch`. */
async function failureOf(target: string, fetch: () => Promise<Response>, limit?: number) {
  vi.stubGlobal('fetch', vi.fn(fetch));
  try {
    await fetchText(target, limit === undefined ? {} : { limit });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('fetchText did not fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchFailure', () => {
  it('tells HTTP errors, unreachable servers and oversized texts apart', () => {
    expect(fetchFailure(`Could not fetch ${url}: HTTP 404 Not Found`, url)).toEqual({
      kind: 'http',
      status: '404 Not Found',
    });
    expect(
      fetchFailure(
        `Could not fetch ${url}: the server did not answer, or it does not allow other sites to read it (CORS)`,
        url,
      ),
    ).toEqual({ kind: 'network' });
    expect(fetchFailure(`${url} is too large: 70 MB, more than the 64 MB limit`, url)).toEqual({
      kind: 'size',
      size: '70 MB',
      limit: '64 MB',
    });
    expect(fetchFailure('boom', url)).toEqual({ kind: 'other', message: 'boom' });
  });

  it('needs the URL named to be the one fetched, when given', () => {
    expect(fetchFailure(`Could not fetch http://a/: HTTP 500`, url).kind).toBe('other');
    expect(fetchFailure(`Could not fetch http://a/: HTTP 500`).kind).toBe('http');
  });

  it('reads a failed parse', () => {
    expect(fetchFailure('Parsing failed: out of memory')).toEqual({
      kind: 'parse',
      detail: 'out of memory',
    });
  });
});

// The messages are written in src/api/fetchText.ts: read what it really throws, so a change of
// wording there shows up here instead of as English text in the Korean UI.
describe('fetchFailure on what fetchText throws', () => {
  it('an HTTP error status', async () => {
    const message = await failureOf(
      url,
      async () => new Response('no', { status: 404, statusText: 'Not Found' }),
    );
    expect(fetchFailure(message, url)).toEqual({ kind: 'http', status: '404 Not Found' });
  });

  it('a server that does not answer', async () => {
    const message = await failureOf(url, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(fetchFailure(message, url)).toEqual({ kind: 'network' });
  });

  it('a text over the limit, declared or read', async () => {
    const big = new Response('x'.repeat(2_000), { headers: { 'content-length': '2000' } });
    const declared = await failureOf(url, async () => big, 1_048_576 / 1024);
    expect(fetchFailure(declared, url)).toMatchObject({ kind: 'size', limit: '0 MB' });
    const streamed = await failureOf(url, async () => new Response('x'.repeat(2_000)), 1_000);
    expect(fetchFailure(streamed, url).kind).toBe('size');
  });

  it('not a URL, and not http', async () => {
    const notUrl = await failureOf('http://[oops', async () => new Response(''));
    expect(fetchFailure(notUrl, 'http://[oops')).toEqual({ kind: 'not-url', url: 'http://[oops' });
    const ftp = await failureOf('ftp://example.org/a', async () => new Response(''));
    expect(fetchFailure(ftp)).toEqual({ kind: 'protocol', protocol: 'ftp:' });
  });
});

describe('urlText.reason', () => {
  it('says every known failure in Korean, keeping what it quotes', () => {
    const failures = [
      fetchFailure(`Could not fetch ${url}: HTTP 503 Service Unavailable`, url),
      fetchFailure(`Could not fetch ${url}: the server did not answer (CORS)`, url),
      fetchFailure(`${url} is too large: 70 MB, more than the 64 MB limit`, url),
      fetchFailure('"x y" is not a URL'),
      fetchFailure('Only http and https URLs can be opened, not ftp:'),
      fetchFailure('Parsing failed: the parse worker stopped'),
    ];
    expect(failures.map((f) => f.kind)).toEqual([
      'http',
      'network',
      'size',
      'not-url',
      'protocol',
      'parse',
    ]);
    for (const f of failures) {
      const text = urlText.ko.reason(f);
      expect(text).toMatch(HANGUL);
      expect(text).not.toMatch(/\b(server|answered|too large|is not a|only|failed)\b/i);
    }
    expect(urlText.ko.reason(failures[0]!)).toContain('503 Service Unavailable');
    expect(urlText.ko.reason(failures[2]!)).toBe('너무 큽니다: 70 MB로, 한도(64 MB)를 넘습니다.');
    expect(urlText.ko.reason(failures[5]!)).toContain('the parse worker stopped');
  });
});
