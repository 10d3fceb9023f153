/**
 * Writing responses: JSON bodies and errors (`{"error": "…"}`), and the security headers every
 * response carries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HeaderPolicy {
  /** CSP `frame-ancestors` sources, e.g. `'self' https://wiki.example`; default `'self'`. */
  frameAncestors: string;
  /** Hash sources of the app's own inline scripts (inlineScripts.ts). */
  scriptHashes?: readonly string[];
}

/** CSP of the app's pages: scripts, styles, workers and fonts from this origin only. */
export function appCsp(policy: HeaderPolicy): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(policy.scriptHashes ?? [])].join(' '),
    // React sets style attributes; the only inline script is index.html's own, by its hash.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self' blob:",
    // `#src=<url>` loads a snapshot from any URL the user names.
    "connect-src 'self' http: https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${policy.frameAncestors}`,
  ].join('; ');
}

/** CSP of API responses: nothing in them may ever run or load anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Headers every response gets. */
export function baseHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Sends `value` as JSON (no body for HEAD). */
export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = Buffer.from(`${JSON.stringify(value)}\n`);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** An error as `{"error": message}`. */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(req, res, status, { error: message }, headers);
}
