import { describe, expect, it } from 'vitest';
import type { SummaryContainer } from '../../protocol/snapshot.ts';
import { matrixRows, spanRows } from './spans.ts';

const ctr = (id: string, ns: SummaryContainer['namespaces']): SummaryContainer => ({
  id,
  sandbox: id === 'pause',
  pids: [],
  namespaces: ns,
});

describe('matrixRows', () => {
  const pause = ctr('pause', {
    net: { inode: 10, scope: 'pod' },
    mnt: { inode: 20, scope: 'container' },
    user: { inode: 1, scope: 'host' },
  });
  const nginx = ctr('nginx', {
    net: { inode: 10, scope: 'pod' },
    mnt: { inode: 21, scope: 'container' },
    user: { inode: 1, scope: 'host' },
  });
  const shoot = ctr('shoot', {
    net: { inode: 10, scope: 'pod' },
    mnt: { inode: 22, scope: 'container' },
  });

  it('merges a shared namespace into one cell spanning its rows', () => {
    const rows = matrixRows([pause, nginx, shoot], ['net', 'mnt', 'user']);
    expect(rows.map((r) => r.cells.map((c) => [c.type, c.inode, c.rowSpan]))).toEqual([
      [
        ['net', 10, 3],
        ['mnt', 20, 1],
        ['user', 1, 2],
      ],
      [['mnt', 21, 1]],
      [
        ['mnt', 22, 1],
        ['user', undefined, 1],
      ],
    ]);
  });

  it('does not merge unknown namespaces, nor equal inodes that are not adjacent', () => {
    const a = ctr('a', { pid: { inode: 5, scope: 'pod' } });
    const b = ctr('b', {});
    const c = ctr('c', { pid: { inode: 5, scope: 'pod' } });
    const d = ctr('d', {});
    const rows = matrixRows([a, b, c, d], ['pid']);
    expect(rows.map((r) => r.cells.map((x) => [x.inode, x.rowSpan]))).toEqual([
      [[5, 1]],
      [[undefined, 1]],
      [[5, 1]],
      [[undefined, 1]],
    ]);
  });

  it('keeps every column covered exactly once per row', () => {
    const rows = matrixRows([pause, nginx, shoot]);
    const covered = rows.map(() => 0);
    rows.forEach((row, i) =>
      row.cells.forEach((c) => {
        for (let k = 0; k < c.rowSpan; k++) covered[i + k]! += 1;
      }),
    );
    expect(covered).toEqual([8, 8, 8]);
  });
});

describe('spanRows', () => {
  it('continues a container cell through its expanded processes', () => {
    const ns = (net: number, mnt: number) => ({
      namespaces: {
        net: { inode: net, scope: 'pod' as const },
        mnt: { inode: mnt, scope: 'container' as const },
      },
    });
    // pause, its process, the app, an app process that unshared its own mnt.
    const rows = spanRows([ns(10, 20), ns(10, 20), ns(10, 21), ns(10, 22)], ['net', 'mnt']);
    expect(rows.map((r) => r.cells.map((c) => [c.type, c.inode, c.rowSpan]))).toEqual([
      [
        ['net', 10, 4],
        ['mnt', 20, 2],
      ],
      [],
      [['mnt', 21, 1]],
      [['mnt', 22, 1]],
    ]);
  });
});
