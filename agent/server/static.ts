/**
 * The built app (`dist/`): files by path, never a directory listing, never anything outside the
 * directory (dot segments, encoded slashes, NUL, backslashes, dotfiles and symbolic links
 * leading out are all refused), and `index.html` for app routes (paths without an extension).
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export type StaticAnswer = { file: string; size: number } | { status: 400 | 404; error: string };

/**
 * Resolves a raw request path (still percent-encoded, before any dot-segment removal) to a
 * file of `root` (a real path), or says why not.
 * @example resolveStatic('/srv/dist', '/assets/app.js') // { file: '/srv/dist/assets/app.js', size: 1234 }
 * @example resolveStatic('/srv/dist', '/..%2f..%2fetc/passwd') // { status: 404, … }
 */
export function resolveStatic(root: string, rawPath: string): StaticAnswer {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, error: 'malformed percent-encoding in the path' };
  }
  const segments = path.split('/').slice(1);
  const bad = segments.some((s) => s === '..' || s === '.' || s.startsWith('.'));
  if (bad || path.includes('\0') || path.includes('\\') || !path.startsWith('/'))
    return { status: 404, error: 'not found' };
  const rel = segments.join('/');
  const found = fileInside(root, rel === '' ? 'index.html' : rel);
  if (found) return found;
  // An app route (no extension): the app's page, which reads its state from the URL.
  if (extname(segments.at(-1) ?? '') === '') {
    const index = fileInside(root, 'index.html');
    if (index) return index;
  }
  return { status: 404, error: 'not found' };
}

function fileInside(root: string, rel: string): { file: string; size: number } | undefined {
  try {
    const real = realpathSync(join(root, rel));
    if (!real.startsWith(root + sep)) return undefined;
    const st = statSync(real);
    return st.isFile() ? { file: real, size: st.size } : undefined;
  } catch {
    return undefined;
  }
}

/** Streams a resolved file with its type and caching (hashed assets are immutable). */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  found: { file: string; size: number },
  headers: Record<string, string>,
): void {
  const ext = extname(found.file);
  const immutable = found.file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(found.size),
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...headers,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
