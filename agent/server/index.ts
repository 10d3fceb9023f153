/**
 * The agent's HTTP server (contract §4): plain `node:http`, read-only, serving the sources it is
 * given — fixtures, this machine (live), exec sources, a hub — plus the built app.
 *
 *   GET /api/health                  { ok, version, node }
 *   GET /api/sources                 [{ id, title, kind }]
 *   GET /api/snapshot?source=ID      the snapshot, with ETag / If-None-Match → 304
 *   GET /api/events?source=ID        SSE: `snapshot` events (and `source-error`)
 *   GET /*                           the app (dist/), index.html for app routes
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import { realpathSync } from 'node:fs';
import type { Source } from '../sources/types.ts';
import { EventHub } from './events.ts';
import { appScriptHashes } from './inlineScripts.ts';
import { LIMITS, PREFLIGHT_HEADERS, check, corsHeaders } from './guard.ts';
import { API_CSP, appCsp, baseHeaders, sendError, sendJson } from './respond.ts';
import { SnapshotStore } from './snapshots.ts';
import { resolveStatic, sendFile } from './static.ts';

export interface ServerOptions {
  sources: Source[];
  /** Required on every /api/* request as `Authorization: Bearer <token>`. */
  token?: string;
  /** One origin allowed to read the API cross-origin (`*` for any). */
  cors?: string;
  /** CSP frame-ancestors sources; default `'self'`. */
  frameAncestors?: string;
  /** SSE poll interval in ms. */
  intervalMs: number;
  /** Drop command-line arguments (keep argv[0]) from every snapshot served. */
  redact: boolean;
  /** The built app to serve (e.g. dist/); none when absent. */
  staticDir?: string;
  /** Allow binding a non-loopback address without a token. */
  insecure?: boolean;
  /** SSE comment-line interval; default 15 s. */
  heartbeatMs?: number;
  /** `version` in /api/health. */
  version?: string;
}

export interface Listening {
  url: string;
  host: string;
  port: number;
}

export interface AgentServer {
  server: Server;
  store: SnapshotStore;
  events: EventHub;
  /** Binds (127.0.0.1 by default); rejects a non-loopback host without a token unless insecure. */
  listen(port: number, host?: string): Promise<Listening>;
  /** Ends event streams and closes every connection. */
  close(): Promise<void>;
}

/** Whether `host` is a loopback address or name. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** A header value must not be able to end the header (CSP frame-ancestors, CORS origin). */
export function checkHeaderValue(name: string, value: string): void {
  if (/[\r\n;,]/.test(value) || value.trim() === '')
    throw new Error(`${name}: "${value}" may not be empty or contain ";", "," or line breaks`);
}

export function createServer(options: ServerOptions): AgentServer {
  if (options.cors !== undefined) checkHeaderValue('--cors', options.cors);
  const frameAncestors = options.frameAncestors ?? "'self'";
  if (/[\r\n;,]/.test(frameAncestors)) checkHeaderValue('--frame-ancestors', frameAncestors);
  const ids = new Set<string>();
  for (const s of options.sources) {
    if (ids.has(s.id)) throw new Error(`two sources have the id "${s.id}"`);
    ids.add(s.id);
  }
  const store = new SnapshotStore(options.sources, { redact: options.redact });
  const events = new EventHub(store, {
    intervalMs: options.intervalMs,
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  const staticDir = options.staticDir !== undefined ? realpathSync(options.staticDir) : undefined;
  const health = { ok: true, version: options.version ?? '0.1.0', node: hostname() };
  const appPolicy = appCsp({ frameAncestors, scriptHashes: appScriptHashes(staticDir) });
  let loopbackOnly = true;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const api = (req.url ?? '').startsWith('/api/') || req.url === '/api';
    baseHeaders(res, api ? API_CSP : appPolicy);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://nsviz.invalid');
    } catch {
      return sendError(req, res, 400, 'malformed request target');
    }
    const guard = {
      loopbackOnly,
      ...(options.token !== undefined ? { token: options.token } : {}),
      ...(options.cors !== undefined ? { cors: options.cors } : {}),
    };
    const rejected = check(req, url, guard);
    const cors = corsHeaders(req, options.cors);
    if (rejected)
      return sendError(req, res, rejected.status, rejected.error, { ...rejected.headers, ...cors });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...PREFLIGHT_HEADERS, ...cors });
      return void res.end();
    }
    if (api) return routeApi(req, res, url, cors);
    if (!staticDir)
      return sendError(req, res, 404, 'not found (the app is not built here; run `npm run build`)');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const found = resolveStatic(staticDir, rawPath);
    if ('status' in found) return sendError(req, res, found.status, found.error);
    sendFile(req, res, found, cors);
  };

  const pickSource = (url: URL): Source | string => {
    const id = url.searchParams.get('source');
    if (id === null) {
      // No source named: the live one if there is one, else the first.
      const pick = options.sources.find((s) => s.kind !== 'fixture') ?? options.sources[0];
      return pick ?? 'no sources are configured';
    }
    return options.sources.find((s) => s.id === id) ?? `unknown source "${id}"; see /api/sources`;
  };

  const routeApi = (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    cors: Record<string, string>,
  ): void => {
    const vary = {
      ...cors,
      Vary: [cors.Vary, 'Authorization', 'Accept-Encoding'].filter(Boolean).join(', '),
    };
    switch (url.pathname) {
      case '/api/health':
        return sendJson(req, res, 200, health, cors);
      case '/api/sources':
        return sendJson(
          req,
          res,
          200,
          options.sources.map((s) => ({ id: s.id, title: s.title, kind: s.kind })),
          cors,
        );
      case '/api/snapshot': {
        const source = pickSource(url);
        if (typeof source === 'string') return sendError(req, res, 404, source, cors);
        store.get(source).then(
          async (p) => {
            const head = {
              ETag: p.etag,
              'Cache-Control': 'private, no-cache',
              'X-Nsviz-Warnings': String(p.warnings.length),
              ...vary,
            };
            if (matches(req.headers['if-none-match'], p.etag)) {
              res.writeHead(304, head);
              return void res.end();
            }
            const gz =
              /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && p.body.length > 1024;
            const body = gz ? await p.gzipped() : p.body;
            res.writeHead(200, {
              ...head,
              'Content-Type': 'application/json; charset=utf-8',
              'Content-Length': String(body.length),
              ...(gz ? { 'Content-Encoding': 'gzip' } : {}),
            });
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          (e: unknown) => {
            if (res.headersSent) return void res.destroy();
            const timeout =
              e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
            sendError(
              req,
              res,
              timeout ? 504 : 502,
              `source "${source.id}": ${e instanceof Error ? e.message : String(e)}`,
              cors,
            );
          },
        );
        return;
      }
      case '/api/events': {
        const source = pickSource(url);
        if (typeof source === 'string') return sendError(req, res, 404, source, cors);
        if (req.method === 'HEAD') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', ...cors });
          return void res.end();
        }
        if (events.full())
          return sendError(req, res, 503, 'too many event streams; try again later', cors);
        return events.subscribe(req, res, source, cors);
      }
      default:
        return sendError(
          req,
          res,
          404,
          `no such endpoint ${url.pathname}; see /api/health, /api/sources, /api/snapshot, /api/events`,
          cors,
        );
    }
  };

  const server = createHttpServer(
    {
      maxHeaderSize: LIMITS.headerBytes,
      requestTimeout: 30000,
      headersTimeout: 10000,
      keepAliveTimeout: 5000,
    },
    handle,
  );
  server.maxHeadersCount = 0;
  server.maxConnections = 2000;
  // Malformed requests and oversized headers: a JSON answer instead of node's bare one.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    const reason =
      status === 431
        ? 'Request Header Fields Too Large'
        : status === 408
          ? 'Request Timeout'
          : 'Bad Request';
    const body = JSON.stringify({
      error:
        status === 431
          ? `request headers larger than ${LIMITS.headerBytes} bytes`
          : reason.toLowerCase(),
    });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${body.length + 1}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}\n`,
    );
  });

  return {
    server,
    store,
    events,
    listen(port, host = '127.0.0.1') {
      const loopback = isLoopback(host);
      if (!loopback && options.token === undefined && options.insecure !== true)
        return Promise.reject(
          new Error(
            `refusing to serve ${host} without --token: anyone who can reach it could read this machine's processes (--insecure overrides)`,
          ),
        );
      loopbackOnly = loopback && options.token === undefined;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.address();
          const p = typeof addr === 'object' && addr ? addr.port : port;
          const h = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${h}:${p}/`, host, port: p });
        });
      });
    },
    close() {
      events.close();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** `If-None-Match` holding `etag` (or `*`), weak or strong. */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === etag || v === `W/${etag}`;
  });
}
