import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { layoutTopology } from '../layout/index.ts';
import { loadGallery } from '../layout/testFixtures.ts';
import { TopologySvg } from './TopologySvg.tsx';

/** Numbers rounded to 0.1 and one element per line, so diffs are readable and stable. */
function normalize(svg: string): string {
  return `${svg
    .replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/></g, '>\n<')}\n`;
}

const gallery = loadGallery();

describe('TopologySvg', () => {
  it('matches the golden SVG for myweb2', () => {
    const f = gallery.find((x) => x.id === 'myweb2')!;
    const svg = normalize(
      renderToStaticMarkup(
        <TopologySvg scene={layoutTopology(f.snapshot, f.summary)} label="myweb2" />,
      ),
    );
    const golden = new URL('./__golden__/myweb2.svg', import.meta.url);
    const changed = new URL('./__golden__/myweb2-changed.svg', import.meta.url);
    if (!existsSync(golden) || process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, svg);
    const want = readFileSync(golden, 'utf8');
    // On a mismatch, write the new picture next to the golden one to look at (Plot's habit).
    if (svg !== want) writeFileSync(changed, svg);
    expect(svg).toBe(want);
  });

  it('marks every entity for tests and screen readers (contract §5)', () => {
    for (const f of gallery) {
      const html = renderToStaticMarkup(
        <TopologySvg scene={layoutTopology(f.snapshot, f.summary)} label={f.id} />,
      );
      expect(html).toContain('data-testid="topology"');
      expect(html).toContain('role="img"');
      const kinds = new Set([...html.matchAll(/data-kind="(\w+)"/g)].map((m) => m[1]));
      expect([...kinds].sort(), f.id).toEqual(['container', 'namespace', 'pod', 'process']);
      expect(html.match(/data-kind="namespace"/g)).toHaveLength(f.summary.namespaces.length);
    }
  });

  it('draws untrusted text as text, never as markup', () => {
    const f = structuredClone(gallery.find((x) => x.id === 'myweb2')!);
    f.snapshot.processes.find((p) => p.pid === 2814)!.command = '<script>alert(1)</script>';
    const html = renderToStaticMarkup(
      <TopologySvg scene={layoutTopology(f.snapshot, f.summary)} label="x" />,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
