import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appCsp } from './respond.ts';
import { scriptHashes } from './inlineScripts.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('scriptHashes', () => {
  it('hashes the exact text of inline scripts and skips external ones', () => {
    const html =
      '<script type="module" src="/assets/index.js"></script><body>' +
      '<script>(function f(c){})({"id":"myweb2"});</script>\n<script>\n a();\n</script>';
    expect(scriptHashes(html)).toEqual([
      sha('(function f(c){})({"id":"myweb2"});'),
      sha('\n a();\n'),
    ]);
  });

  it('puts them in script-src, next to self and nothing looser', () => {
    const csp = appCsp({ frameAncestors: "'self'", scriptHashes: [sha('x')] });
    expect(csp).toContain(`script-src 'self' ${sha('x')};`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
