import { describe, expect, it } from 'vitest';
import { fitted, inertCopy, renderFirstFrame } from './renderFirstFrame.tsx';

describe('inertCopy', () => {
  it('drops ids, references to them, links and test ids, but keeps the topology’s', () => {
    const html =
      '<a class="skip-link" href="#main">Skip</a><main id="main"><label for="q">Find</label>' +
      '<input id="q" data-testid="search" aria-describedby="h"/><button aria-controls="m" ' +
      'data-autofocus="">x</button><svg data-testid="topology"><g data-kind="pod" data-key="pod:a">' +
      '</g></svg></main>';
    const out = inertCopy(html);
    expect(out).not.toMatch(/ (id|for|href|aria-describedby|aria-controls|data-autofocus)=/);
    expect(out).not.toContain('data-testid="search"');
    expect(out).toContain('data-testid="topology"');
    expect(out).toContain('data-kind="pod" data-key="pod:a"');
  });

  it('leaves text that merely looks like an attribute alone (React escapes quotes in text)', () => {
    const html = '<p>grep id=&quot;x&quot; data-testid=&quot;y&quot;</p>';
    expect(inertCopy(html)).toBe(html);
  });
});

describe('fitted', () => {
  const view =
    '<div class="topo-viewport" style="aspect-ratio:1036 / 402"><svg xmlns="http://www.w3.org/2000/svg" ' +
    'data-testid="topology" width="100%" height="100%" class="topo"><g data-layer="scene"></g></svg></div>';

  it('fits the scene by its viewBox inside the controller’s margin, capped at its largest zoom', () => {
    const out = fitted(view, { margin: 12, maxFit: 1.5 });
    expect(out).toContain('viewBox="0 0 1036 402"');
    expect(out).toContain('preserveAspectRatio="xMidYMid meet"');
    expect(out).toContain('padding:12px;box-sizing:border-box;max-width:1578px;margin:0 auto');
    expect(out.match(/viewBox=/g)).toHaveLength(1);
  });

  it('changes nothing when there is no topology viewport', () => {
    const other = '<div style="aspect-ratio:2 / 1"><svg data-testid="matrix"></svg></div>';
    expect(fitted(other, { margin: 12, maxFit: 1.5 })).toBe(other);
  });
});

describe('renderFirstFrame', () => {
  const fit = { margin: 12, maxFit: 1.5 };

  it('draws the default capture’s whole topology, fitted, with nothing focusable by id', async () => {
    const { id, html } = await renderFirstFrame('en', fit);
    expect(id).toBe('myweb2');
    expect(html).toContain('data-testid="topology" viewBox=');
    // The picture itself, not an empty frame: the pod, its containers and namespaces.
    expect(html.match(/data-kind="pod"/g)).toHaveLength(1);
    expect(html.match(/data-kind="container"/g)).toHaveLength(3);
    expect(html.match(/data-kind="namespace"/g)?.length).toBeGreaterThan(10);
    expect(html).not.toMatch(/ id="/);
    expect(html).toContain('Who shares which namespace');
  });

  it('speaks Korean when the browser does', async () => {
    const { html } = await renderFirstFrame('ko', fit);
    expect(html).toMatch(/[\uac00-\ud7a3]/);
    expect(html).not.toContain('Who shares which namespace');
  });
});
