/**
 * One peer of the hub: an nsviz agent's HTTP API (contract §4). Finds the peer's live source in
 * `/api/sources` (unless the peer URL names one with `?source=`), then fetches
 * `/api/snapshot?source=ID` with the bearer token and `If-None-Match`, a time limit and a size
 * limit, and validates the body with the snapshot parser. Never throws for the peer's sake:
 * every failure is recorded on the peer's state, which keeps its last good snapshot.
 */
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { parseInputs } from '../../src/parse/index.ts';
import { formatBytes } from './execRun.ts';

export interface PeerFetchOptions {
  token?: string;
  /** Limit for each HTTP request to the peer, in ms. */
  timeoutMs: number;
  /** Limit on a response body, in bytes. */
  maxBytes: number;
}

export interface PeerState {
  /** Base URL without the query, e.g. `http://10.244.1.7:8080`. */
  url: string;
  /** The peer's source id: from the URL's `?source=` or found in its `/api/sources`. */
  sourceId?: string;
  fixedSource: boolean;
  /** How the peer was found, for messages: `--peer` or the DNS name. */
  via: string;
  etag?: string;
  good?: { snapshot: Snapshot; at: number };
  failure?: { message: string; since: number; count: number; at: number };
  inflight?: Promise<void>;
  /** Set while the peer is missing from DNS; dropped after a grace period. */
  goneSince?: number;
}

/** A peer URL as given (`http://h:8080`, `h:8080`, `http://h:8080/?source=live`) → its state. */
export function newPeer(given: string, via: string): PeerState {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new Error(`"${given}": not a peer URL; expected http://HOST:PORT`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`"${given}": a peer URL is http:// or https://`);
  const source = u.searchParams.get('source');
  const url = `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  const peer: PeerState = { url, fixedSource: source !== null, via };
  if (source !== null) peer.sourceId = source;
  return peer;
}

class PeerError extends Error {}

/**
 * Polls one peer once and updates its state: a new snapshot, the same one (304), or a failure
 * with the last good snapshot kept. Resolves in every case; `now` stamps the outcome.
 */
export async function pollPeer(
  peer: PeerState,
  opts: PeerFetchOptions,
  now: () => number,
): Promise<void> {
  try {
    if (peer.sourceId === undefined) peer.sourceId = await findLiveSource(peer, opts);
    const q = `?source=${encodeURIComponent(peer.sourceId)}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (peer.etag !== undefined && peer.good) headers['if-none-match'] = peer.etag;
    const res = await request(`${peer.url}/api/snapshot${q}`, headers, opts);
    if (res.status === 304 && peer.good) {
      succeed(peer, now);
      return;
    }
    if (res.status === 404 && !peer.fixedSource) delete peer.sourceId;
    if (res.status !== 200) throw new PeerError(await httpProblem(res, opts));
    const text = await readCapped(res, opts.maxBytes);
    const { snapshot, issues } = parseInputs([{ name: peer.url, text }]);
    const error = issues.find((i) => i.level === 'error');
    if (error) throw new PeerError(`answered with an unusable snapshot: ${error.message}`);
    const etag = res.headers.get('etag');
    if (etag !== null) peer.etag = etag;
    else delete peer.etag;
    peer.good = { snapshot, at: now() };
    succeed(peer, now);
  } catch (e) {
    const message = describe(e, opts);
    const at = now();
    const f = peer.failure;
    peer.failure = { message, since: f?.since ?? at, count: (f?.count ?? 0) + 1, at };
  }
}

function succeed(peer: PeerState, now: () => number): void {
  delete peer.failure;
  if (peer.good) peer.good.at = now();
}

/** The id of the peer's first `live` source (then `hub`), from `/api/sources`. */
async function findLiveSource(peer: PeerState, opts: PeerFetchOptions): Promise<string> {
  const res = await request(`${peer.url}/api/sources`, { accept: 'application/json' }, opts);
  if (res.status !== 200) throw new PeerError(await httpProblem(res, opts));
  let list: unknown;
  try {
    list = JSON.parse(await readCapped(res, opts.maxBytes));
  } catch (e) {
    if (e instanceof PeerError) throw e;
    throw new PeerError('/api/sources is not JSON');
  }
  const items = (Array.isArray(list) ? list : []) as { id?: unknown; kind?: unknown }[];
  const pick = (kind: string) =>
    items.find((s) => s && s.kind === kind && typeof s.id === 'string')?.id as string | undefined;
  const id = pick('live') ?? pick('hub');
  if (id === undefined) {
    throw new PeerError(
      `offers no live source in /api/sources (is it started with --live?); add ?source=ID to the peer URL to pick one`,
    );
  }
  return id;
}

async function request(
  url: string,
  headers: Record<string, string>,
  opts: PeerFetchOptions,
): Promise<Response> {
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  const go = () => fetch(url, { headers, signal, redirect: 'error' });
  try {
    return await go();
  } catch (e) {
    // A kept-alive connection the peer closed meanwhile (it restarted, or went away): one
    // more try on a fresh connection tells whether the peer is there.
    if (errorCode(e) === 'UND_ERR_SOCKET' && !signal.aborted) return go();
    throw e;
  }
}

function errorCode(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  UND_ERR_SOCKET: 'connection closed by the peer',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
};

/** The body as text, refusing more than `max` bytes (the stream is cancelled there). */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw new PeerError(`answered with ${formatBytes(declared)}; the limit is ${formatBytes(max)}`);
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new PeerError(`answered with more than ${formatBytes(max)}; the limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** `HTTP 401 (token rejected …)`, with the peer's JSON `error` when it sent one. */
async function httpProblem(res: Response, opts: PeerFetchOptions): Promise<string> {
  let detail = '';
  try {
    const body = JSON.parse(await readCapped(res, 64 * 1024)) as { error?: unknown };
    if (typeof body.error === 'string') detail = `: ${body.error.slice(0, 200)}`;
  } catch {
    // Not JSON; the status says enough.
  }
  const hint =
    res.status === 401
      ? opts.token === undefined
        ? ' (the peer wants a token: give the hub --token)'
        : ' (the peer rejected the token)'
      : '';
  return `answered HTTP ${res.status}${hint}${detail}`;
}

function describe(e: unknown, opts: PeerFetchOptions): string {
  if (e instanceof PeerError) return e.message;
  if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return `no answer within ${opts.timeoutMs / 1000} s`;
  if (e instanceof Error) {
    // fetch() wraps network errors: TypeError('fetch failed') with the system error as cause.
    const code = errorCode(e);
    if (code) return `${NETWORK_ERRORS[code] ?? 'network error'} (${code})`;
    const cause = (e as { cause?: unknown }).cause;
    if (cause instanceof Error) return cause.message;
    return e.message;
  }
  return String(e);
}
