import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CSP hash sources (`'sha256-…'`) of the inline scripts in the built app's index.html: the
 * first-frame script (docs/decisions/0011-first-frame.md) runs under `script-src 'self'` only
 * if its hash is listed. Hashes, not `'unsafe-inline'`: nothing else inline can ever run.
 * `scriptHashes('<script>a()</script><script src="/x.js"></script>')` → one hash.
 */
export function scriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(m[1] ?? '')) continue;
    out.push(
      `'sha256-${createHash('sha256')
        .update(m[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return out;
}

/** The hashes for the app in `staticDir` (none without one, or without an index.html). */
export function appScriptHashes(staticDir: string | undefined): string[] {
  if (staticDir === undefined) return [];
  try {
    return scriptHashes(readFileSync(join(staticDir, 'index.html'), 'utf8'));
  } catch {
    return [];
  }
}
