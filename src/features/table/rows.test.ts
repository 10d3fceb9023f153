import { describe, expect, it } from 'vitest';
import { loadFixture } from './testFixture.ts';
import {
  DEFAULT_SORT,
  filterRows,
  nextSort,
  nsTableRows,
  readSort,
  sortRows,
  writeSort,
} from './rows.ts';
import { NS_TYPES } from '../../protocol/snapshot.ts';

describe('nsTableRows on myweb2', () => {
  const { snapshot, summary } = loadFixture('myweb2');
  const rows = nsTableRows(snapshot, summary);

  it('lists every namespace with its members by name', () => {
    expect(rows).toHaveLength(summary.namespaces.length);
    const net = rows.find((r) => r.inode === 4026532264)!;
    expect(net).toMatchObject({ key: 'ns:k8s-w1:4026532264', type: 'net', scope: 'pod' });
    expect(net.nprocs).toBe(6);
    expect(net.pids).toEqual([2814, 2903, 3012]);
    expect(net.containers.map((c) => c.name).sort()).toEqual([
      'myweb2-netshoot',
      'myweb2-nginx',
      'pause',
    ]);
    expect(net.pods.map((p) => p.name)).toEqual(['default/myweb2']);
    expect(net.text).toContain('10.244.1.6/24');
  });

  it('filters by every word, and by the type chips', () => {
    expect(filterRows(rows, '', NS_TYPES)).toHaveLength(rows.length);
    expect(filterRows(rows, 'NET pod', NS_TYPES).map((r) => r.inode)).toEqual([4026532264]);
    expect(filterRows(rows, '10.244.1.6', NS_TYPES).map((r) => r.type)).toEqual(['net']);
    expect(filterRows(rows, 'nginx', ['mnt']).map((r) => r.inode)).toEqual([4026532340]);
    expect(filterRows(rows, '', ['uts', 'ipc']).every((r) => ['uts', 'ipc'].includes(r.type))).toBe(
      true,
    );
    expect(filterRows(rows, 'no-such-thing', NS_TYPES)).toEqual([]);
  });

  it('sorts by each column, with a total order', () => {
    const byInode = sortRows(rows, DEFAULT_SORT).map((r) => r.inode);
    expect(byInode).toEqual([...byInode].sort((a, b) => a - b));
    const byNprocs = sortRows(rows, { column: 'nprocs', descending: true });
    expect(byNprocs[0]?.nprocs).toBe(196);
    const byType = sortRows(rows, { column: 'type', descending: false }).map((r) => r.type);
    expect(byType.slice(0, 4)).toEqual(['mnt', 'mnt', 'mnt', 'mnt']);
    expect(byType.at(-1)).toBe('time');
    const byScope = sortRows(rows, { column: 'scope', descending: false }).map((r) => r.scope);
    expect(byScope[0]).toBe('host');
    const byPods = sortRows(rows, { column: 'pods', descending: false });
    expect(byPods[0]?.pods).toHaveLength(1);
    expect(byPods.at(-1)?.pods).toEqual([]);
    for (const column of ['pids', 'containers', 'node'] as const)
      expect(sortRows(rows, { column, descending: false })).toHaveLength(rows.length);
    // Sorting does not touch its input.
    expect(rows.map((r) => r.key)).toEqual(nsTableRows(snapshot, summary).map((r) => r.key));
  });
});

describe('sort in the hash', () => {
  it('reads and writes sort=', () => {
    expect(readSort(undefined)).toEqual(DEFAULT_SORT);
    expect(readSort('-nprocs')).toEqual({ column: 'nprocs', descending: true });
    expect(readSort('type')).toEqual({ column: 'type', descending: false });
    expect(readSort('bogus')).toEqual(DEFAULT_SORT);
    expect(writeSort(DEFAULT_SORT)).toBeUndefined();
    expect(writeSort({ column: 'scope', descending: true })).toBe('-scope');
  });
  it('a new column sorts ascending (counts descending), the same column flips', () => {
    expect(nextSort(DEFAULT_SORT, 'type')).toEqual({ column: 'type', descending: false });
    expect(nextSort(DEFAULT_SORT, 'nprocs')).toEqual({ column: 'nprocs', descending: true });
    expect(nextSort(DEFAULT_SORT, 'inode')).toEqual({ column: 'inode', descending: true });
  });
});
