import { describe, expect, it } from 'vitest';
import type { NsType } from '../protocol/snapshot.ts';
import { navItems, neighbour } from './navigate.ts';
import type { TopologyOptions } from './scene.ts';
import { inside, overlaps, strays } from './testGeometry.ts';
import { loadGallery, loadSynthetic } from './testFixtures.ts';
import { layoutTopology } from './topology.ts';
import { KO_WORDS } from './words.ts';

const gallery = loadGallery();
const myweb2 = gallery.find((f) => f.id === 'myweb2')!;
const podKeys = (f: (typeof gallery)[number]) =>
  f.summary.pods.map((p) => `pod:${p.node}:${p.key}`);
const ctrKeys = (f: (typeof gallery)[number]) =>
  f.summary.pods.flatMap((p) => p.containers.map((c) => `ctr:${p.node}:${c.id}`));

/** Every option at once and one at a time: the picture must stay clean in each. */
function variants(f: (typeof gallery)[number]): [string, TopologyOptions][] {
  const pods = podKeys(f);
  return [
    ['controls', { controls: true }],
    ['korean', { controls: true, words: KO_WORDS }],
    ['host links', { hostLinks: true }],
    ['net, ipc, uts only', { types: ['net', 'ipc', 'uts'] }],
    ['all expanded', { controls: true, expanded: ctrKeys(f), processThreshold: 2 }],
    ['all collapsed', { controls: true, collapsed: pods }],
    ['first pod focused', pods[0] ? { controls: true, focus: pods[0] } : {}],
  ];
}

describe('layout options on every gallery fixture', () => {
  for (const f of gallery)
    for (const [name, options] of variants(f))
      it(`${f.id}, ${name}: no overlaps, nothing outside its owner, deterministic`, () => {
        const scene = layoutTopology(f.snapshot, f.summary, options);
        expect(overlaps(scene)).toEqual([]);
        expect(strays(scene)).toEqual([]);
        expect(JSON.stringify(layoutTopology(f.snapshot, f.summary, options))).toBe(
          JSON.stringify(scene),
        );
      });
});

describe('layout options on myweb2', () => {
  const { snapshot, summary } = myweb2;
  const pod = podKeys(myweb2)[0]!;

  it('types: draws only the chosen types, chips and links alike', () => {
    const types: NsType[] = ['net', 'ipc', 'uts'];
    const scene = layoutTopology(snapshot, summary, { types });
    expect(new Set(scene.chips.map((c) => c.nsType))).toEqual(new Set(types));
    expect(scene.links.every((l) => types.includes(l.nsType))).toBe(true);
    expect(scene.labels.filter((l) => l.role === 'host-marker')).toEqual([]);
  });

  it('host links: folded by default, one link per host namespace and member when asked', () => {
    expect(layoutTopology(snapshot, summary).links.filter((l) => l.scope === 'host')).toEqual([]);
    const scene = layoutTopology(snapshot, summary, { hostLinks: true });
    const want = summary.namespaces
      .filter((n) => n.scope === 'host')
      .reduce((k, n) => k + n.containers.length, 0);
    expect(want).toBeGreaterThan(0);
    expect(scene.links.filter((l) => l.scope === 'host')).toHaveLength(want);
  });

  it('collapsed: the pod is a compact card with its rail and no containers', () => {
    const scene = layoutTopology(snapshot, summary, { collapsed: [pod], controls: true });
    const card = scene.rects.find((r) => r.key === pod)!;
    expect(card.compact).toBe(true);
    expect(scene.rects.filter((r) => r.kind === 'container')).toEqual([]);
    expect(scene.chips.filter((c) => c.owner === pod).map((c) => c.nsType)).toEqual([
      'net',
      'ipc',
      'uts',
    ]);
    expect(scene.links).toEqual([]);
    const expand = scene.labels.find((l) => l.action?.type === 'expand-pod')!;
    expect(inside(expand, card)).toBe(true);
  });

  it('focus: one pod alone, with a way back', () => {
    const f = gallery.find((x) => x.summary.pods.length > 1);
    if (!f) return;
    const [first, second] = podKeys(f);
    const scene = layoutTopology(f.snapshot, f.summary, { focus: second!, controls: true });
    expect(scene.rects.filter((r) => r.kind === 'pod').map((r) => r.key)).toEqual([second]);
    expect(scene.rects.some((r) => r.key === first)).toBe(false);
    expect(scene.labels.some((l) => l.action?.type === 'unfocus')).toBe(true);
  });

  it('an unknown focus draws everything', () => {
    const all = layoutTopology(snapshot, summary);
    expect(layoutTopology(snapshot, summary, { focus: 'pod:nowhere:x' })).toEqual(all);
  });

  it('controls: every pod has focus and collapse buttons inside its title row', () => {
    const scene = layoutTopology(snapshot, summary, { controls: true });
    const buttons = scene.labels.filter((l) => l.role === 'control');
    expect(buttons.map((b) => b.action?.type)).toEqual(['focus', 'collapse-pod']);
    expect(layoutTopology(snapshot, summary).labels.some((l) => l.action)).toBe(false);
  });

  it('korean words are measured and drawn', () => {
    const scene = layoutTopology(snapshot, summary, { words: KO_WORDS });
    expect(scene.labels.some((l) => l.text === '호스트 네임스페이스')).toBe(true);
    expect(scene.labels.some((l) => l.text.startsWith('파드 '))).toBe(true);
  });

  it('arrow keys: from a rail chip down to a container, and along the row', () => {
    const scene = layoutTopology(snapshot, summary);
    const items = navItems(scene);
    const net = scene.chips.find((c) => c.nsType === 'net' && c.scope === 'pod')!;
    const down = neighbour(items, net.key, 'down');
    expect(down).toMatch(/^(ctr|proc):/);
    const sandbox = scene.rects.find((r) => r.sandbox)!;
    const right = neighbour(items, sandbox.key, 'right')!;
    expect(scene.rects.find((r) => r.key === right)?.kind).toBe('container');
    expect(neighbour(items, 'nothing', 'up')).toBe(items[0]!.key);
  });
});

describe('a 100-pod / 2,000-process snapshot', async () => {
  const big = await loadSynthetic(2000, 100);

  it('lays out quickly, with fewer processes per container (level of detail)', () => {
    layoutTopology(big.snapshot, big.summary);
    const t0 = performance.now();
    const scene = layoutTopology(big.snapshot, big.summary, { controls: true });
    const ms = performance.now() - t0;
    expect(scene.stats.pods).toBe(100);
    // Tens of milliseconds on an idle machine; the bound only catches a quadratic slip.
    expect(ms).toBeLessThan(3000);
    // Two lines per container at most (one process and `+N more`).
    const perCtr = new Map<string, number>();
    for (const l of scene.labels)
      if (l.process) perCtr.set(l.owner, (perCtr.get(l.owner) ?? 0) + 1);
    expect(Math.max(...perCtr.values())).toBeLessThanOrEqual(2);
    expect(overlaps(scene)).toEqual([]);
    expect(strays(scene)).toEqual([]);
  });
});
