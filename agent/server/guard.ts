/**
 * What a request must pass before any route sees it: size limits, the read-only method rule,
 * the same-origin / CORS rule, a Host check against DNS rebinding, and the bearer token on
 * `/api/*`. Each check answers with the status that fits (414, 431, 405, 413, 403, 401).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LIMITS = {
  /** Longest request target accepted (414 beyond). */
  urlBytes: 4096,
  /** Most header fields accepted (431 beyond); their total size is capped by node (16 KB). */
  headers: 64,
  /** Total header bytes, node's `maxHeaderSize` (431 beyond). */
  headerBytes: 16384,
};

export interface Rejection {
  status: number;
  error: string;
  headers?: Record<string, string>;
}

export interface GuardOptions {
  token?: string;
  /** The one cross-origin origin allowed (`--cors`), or `*`. */
  cors?: string;
  /** True when bound to loopback without a token: only loopback Host names are answered. */
  loopbackOnly: boolean;
}

const ALLOW = 'GET, HEAD';

/** The token compared in constant time: hashing first makes the lengths equal too. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The bearer token of a request: the Authorization header (`?token=` for EventSource). */
function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return m?.[1];
  }
  // EventSource cannot send headers; the SSE endpoint alone accepts the token in its URL.
  if (url.pathname === '/api/events') return url.searchParams.get('token') ?? undefined;
  return undefined;
}

const LOOPBACK_HOST = /^(?:localhost|[\w-]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/** The Origin of a request when it is not this server's own origin. */
export function foreignOrigin(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  if (origin === undefined || origin === 'null') return origin;
  try {
    return new URL(origin).host === req.headers.host ? undefined : origin;
  } catch {
    return origin;
  }
}

/** Whether the CORS option lets `origin` read the API. */
export function corsAllows(cors: string | undefined, origin: string): boolean {
  return cors !== undefined && (cors === '*' || cors === origin);
}

/**
 * Checks one request (after node parsed it) and says why it is refused, or undefined.
 * `url` is the parsed request target.
 */
export function check(
  req: IncomingMessage,
  url: URL,
  options: GuardOptions,
): Rejection | undefined {
  if ((req.url ?? '').length > LIMITS.urlBytes)
    return { status: 414, error: `request target longer than ${LIMITS.urlBytes} bytes` };
  if (req.rawHeaders.length / 2 > LIMITS.headers)
    return { status: 431, error: `more than ${LIMITS.headers} header fields` };
  const method = req.method ?? '';
  const preflight = method === 'OPTIONS' && options.cors !== undefined;
  if (method !== 'GET' && method !== 'HEAD' && !preflight)
    return {
      status: 405,
      error: `${method} is not allowed: the API is read-only (GET, HEAD)`,
      headers: { Allow: options.cors !== undefined ? `${ALLOW}, OPTIONS` : ALLOW },
    };
  const length = req.headers['content-length'];
  if ((length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined)
    return { status: 413, error: 'requests may not have a body', headers: { Connection: 'close' } };
  if (options.loopbackOnly && !LOOPBACK_HOST.test(req.headers.host ?? ''))
    return {
      status: 403,
      error: 'unexpected Host header: without a token this server answers loopback names only',
    };
  const foreign = foreignOrigin(req);
  if (foreign !== undefined && !corsAllows(options.cors, foreign))
    return {
      status: 403,
      error: `cross-origin requests from ${foreign} are not allowed (see --cors)`,
    };
  if (options.token !== undefined && url.pathname.startsWith('/api/') && !preflight) {
    const given = presentedToken(req, url);
    if (given === undefined || !tokenMatches(given, options.token))
      return {
        status: 401,
        error: given === undefined ? 'this API needs Authorization: Bearer <token>' : 'wrong token',
        headers: { 'WWW-Authenticate': 'Bearer realm="nsviz"' },
      };
  }
  return undefined;
}

/** CORS response headers for an allowed cross-origin request (none for same-origin ones). */
export function corsHeaders(
  req: IncomingMessage,
  cors: string | undefined,
): Record<string, string> {
  const origin = foreignOrigin(req);
  if (origin === undefined || !corsAllows(cors, origin)) return {};
  return {
    'Access-Control-Allow-Origin': cors === '*' ? '*' : origin,
    'Access-Control-Expose-Headers': 'ETag',
    Vary: 'Origin',
  };
}

/** Headers of the answer to a CORS preflight. */
export const PREFLIGHT_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Methods': ALLOW,
  'Access-Control-Allow-Headers': 'Authorization, If-None-Match, Last-Event-ID, Cache-Control',
  'Access-Control-Max-Age': '600',
};
