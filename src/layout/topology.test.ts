import { describe, expect, it } from 'vitest';
import { classify } from '../model/classify.ts';
import { emptySnapshot, type Snapshot } from '../protocol/snapshot.ts';
import { SCOPE_STYLE, shapePath, TYPE_STYLE } from './palette.ts';
import { fitText, textWidth } from './text.ts';
import { inside, overlaps } from './testGeometry.ts';
import { loadGallery } from './testFixtures.ts';
import { layoutTopology } from './topology.ts';

const gallery = loadGallery();

describe('layoutTopology on every gallery fixture', () => {
  for (const f of gallery) {
    describe(f.id, () => {
      const scene = layoutTopology(f.snapshot, f.summary);

      it('is deterministic: the same input twice gives the same scene', () => {
        const again = layoutTopology(structuredClone(f.snapshot), classify(f.snapshot));
        expect(JSON.stringify(again)).toBe(JSON.stringify(scene));
      });

      it('never overlaps two labels or chips', () => {
        expect(overlaps(scene)).toEqual([]);
      });

      it('keeps every label and chip inside the scene and inside its owner', () => {
        const owners = new Map(scene.rects.map((r) => [r.key, r]));
        for (const l of scene.labels) {
          expect(inside(l, { x: 0, y: 0, w: scene.width, h: scene.height }), l.text).toBe(true);
          const owner = owners.get(l.owner);
          if (owner) expect(inside(l, owner), `${l.text} in ${l.owner}`).toBe(true);
        }
        for (const c of scene.chips)
          expect(inside(c, { x: 0, y: 0, w: scene.width, h: scene.height }), c.key).toBe(true);
      });

      it('draws every namespace of the summary once, with its scope and type', () => {
        const keys = scene.chips.map((c) => c.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.sort()).toEqual(
          f.summary.namespaces.map((n) => `ns:${n.node}:${n.inode}`).sort(),
        );
        for (const n of f.summary.namespaces) {
          const c = scene.chips.find((x) => x.key === `ns:${n.node}:${n.inode}`)!;
          expect([c.scope, c.nsType]).toEqual([n.scope, n.type]);
        }
      });

      it('puts the sandbox first in each pod, and containers in summary order', () => {
        for (const pod of f.summary.pods) {
          const ctrs = pod.containers.map((c) =>
            scene.rects.find((r) => r.key === `ctr:${pod.node}:${c.id}`)!,
          );
          const xs = ctrs.map((r) => r.x);
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
          if (pod.containers.some((c) => c.sandbox)) expect(ctrs[0]!.sandbox).toBe(true);
        }
      });

      it('links each pod-shared namespace to each of its member containers', () => {
        for (const n of f.summary.namespaces.filter((x) => x.scope === 'pod')) {
          const to = scene.links
            .filter((l) => l.from === `ns:${n.node}:${n.inode}`)
            .map((l) => l.to);
          expect(to.sort()).toEqual(n.containers.map((id) => `ctr:${n.node}:${id}`).sort());
        }
      });
    });
  }

  it('myweb2: net is on the pod rail, above its three containers', () => {
    const f = gallery.find((x) => x.id === 'myweb2')!;
    const scene = layoutTopology(f.snapshot, f.summary);
    const net = scene.chips.find((c) => c.nsType === 'net' && c.scope === 'pod')!;
    const links = scene.links.filter((l) => l.from === net.key);
    expect(links).toHaveLength(3);
    expect(links.filter((l) => l.held)).toHaveLength(1);
    for (const l of links)
      expect(scene.rects.find((r) => r.key === l.to)!.y).toBeGreaterThan(net.y);
    expect(scene.chips.filter((c) => c.scope === 'host')).toHaveLength(8);
  });
});

/** A synthetic two-node snapshot: two pods sharing a net namespace, a loose process, a busy container. */
function synthetic(): Snapshot {
  const s = emptySnapshot();
  s.nodes.push({ name: 'b' }, { name: 'a' });
  const host = { mnt: 1, net: 2, pid: 3, ipc: 4, uts: 5, user: 6, cgroup: 7, time: 8 };
  for (const node of ['a', 'b'])
    s.processes.push({ node, pid: 1, command: 'init', namespaces: host });
  s.pods.push(
    { node: 'a', key: 'p1', name: 'one', namespace: 'x' },
    { node: 'a', key: 'p2', name: 'two' },
  );
  s.containers.push(
    { node: 'a', id: 's1', pod: 'p1', sandbox: true },
    { node: 'a', id: 'c1', pod: 'p1', name: 'app-with-a-rather-long-container-name-indeed' },
    { node: 'a', id: 's2', pod: 'p2', sandbox: true },
    { node: 'a', id: 'c3', name: 'standalone' },
  );
  const ns = (over: Record<string, number>) => ({ ...host, ...over });
  s.processes.push(
    {
      node: 'a',
      pid: 10,
      container: 's1',
      command: '/pause',
      namespaces: ns({ mnt: 11, pid: 12, net: 20, ipc: 13 }),
    },
    {
      node: 'a',
      pid: 20,
      container: 's2',
      command: '/pause',
      namespaces: ns({ mnt: 21, pid: 22, net: 20 }),
    },
    {
      node: 'a',
      pid: 40,
      container: 'c3',
      command: 'x'.repeat(300),
      namespaces: ns({ mnt: 41, net: 42 }),
    },
    { node: 'a', pid: 99, command: 'stray', namespaces: ns({ mnt: 41 }) },
  );
  for (let i = 0; i < 12; i++)
    s.processes.push({
      node: 'a',
      pid: 100 + i,
      container: 'c1',
      command: `worker ${i} ${'-v '.repeat(i)}`,
      namespaces: ns({ mnt: 31, pid: 32, net: 20, ipc: 13 }),
    });
  for (const p of s.processes)
    for (const [type, inode] of Object.entries(p.namespaces))
      if (!s.namespaces.some((n) => n.node === p.node && n.inode === inode))
        s.namespaces.push({ node: p.node, type: type as 'mnt', inode });
  return s;
}

describe('layoutTopology on a synthetic cluster', () => {
  const s = synthetic();
  const summary = classify(s);
  const scene = layoutTopology(s, summary, { processThreshold: 3 });

  it('stacks nodes by name and draws every namespace once', () => {
    const nodes = scene.rects.filter((r) => r.kind === 'node');
    expect(nodes.map((r) => r.key)).toEqual(['node:a', 'node:b']);
    expect(nodes[1]!.y).toBeGreaterThanOrEqual(nodes[0]!.y + nodes[0]!.h);
    expect(scene.chips).toHaveLength(summary.namespaces.length);
    expect(overlaps(scene)).toEqual([]);
  });

  it('bridges a cross-pod namespace to both pods', () => {
    const net = scene.chips.find((c) => c.key === 'ns:a:20')!;
    expect(net.scope).toBe('cross-pod');
    expect(
      scene.links
        .filter((l) => l.from === net.key)
        .map((l) => l.to)
        .sort(),
    ).toEqual(['pod:a:p1', 'pod:a:p2']);
  });

  it('collapses processes past the threshold, and groups containers outside pods', () => {
    const more = scene.labels.find((l) => l.role === 'more' && l.owner === 'ctr:a:c1')!;
    expect(more.text).toBe('+10 more');
    expect(scene.labels.filter((l) => l.owner === 'ctr:a:c1' && l.process)).toHaveLength(2);
    expect(scene.rects.find((r) => r.key === 'group:a:standalone')?.kind).toBe('group');
    expect(scene.rects.find((r) => r.key === 'ctr:a:c3')).toBeDefined();
    const loose = scene.chips.find((c) => c.key === 'ns:a:41')!;
    expect(loose.scope).toBe('unattributed');
    const group = scene.rects.find((r) => r.key === 'group:a:unattributed')!;
    expect(inside(loose, group)).toBe(true);
  });

  it('truncates long text to its container', () => {
    const long = scene.labels.find((l) => l.process?.pid === 40)!;
    expect(long.text.endsWith('…')).toBe(true);
    const ctr = scene.rects.find((r) => r.key === 'ctr:a:c3')!;
    expect(inside(long, ctr)).toBe(true);
  });

  it('is the same on a re-ordered copy of the input', () => {
    const r = synthetic();
    r.processes.reverse();
    r.containers.reverse();
    r.namespaces.reverse();
    r.nodes.reverse();
    const again = layoutTopology(r, classify(r), { processThreshold: 3 });
    expect(again.chips.map((c) => [c.key, c.x, c.y])).toEqual(
      scene.chips.map((c) => [c.key, c.x, c.y]),
    );
  });
});

describe('palette and text', () => {
  it('gives eight types eight distinct colours and shapes, every scope a style', () => {
    const styles = Object.values(TYPE_STYLE);
    expect(new Set(styles.map((s) => s.color)).size).toBe(8);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(8);
    expect(new Set(styles.map((s) => shapePath(s.shape, 12))).size).toBe(8);
    expect(Object.keys(SCOPE_STYLE).sort()).toEqual([
      'container',
      'cross-pod',
      'host',
      'pod',
      'unattributed',
    ]);
  });

  it('measures and fits text deterministically', () => {
    expect(textWidth('abc', 10)).toBe(18);
    expect(fitText('abcdef', 10, 22)).toBe('ab…');
    expect(fitText('abc', 10, 100)).toBe('abc');
    expect(textWidth(fitText('x'.repeat(200), 12, 100), 12)).toBeLessThanOrEqual(100);
  });
});
