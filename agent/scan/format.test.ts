import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { emptySnapshot } from '../../src/protocol/snapshot.ts';
import { formatSnapshot } from './format.ts';

describe('formatSnapshot', () => {
  it('orders keys and rows stably without touching the input', () => {
    const s: Snapshot = {
      ...emptySnapshot(),
      warnings: [{ message: 'w' }],
      processes: [
        { namespaces: { time: 3, net: 2, mnt: 1 }, pid: 20, node: 'a', startTime: 5, command: 'b' },
        { node: 'a', pid: 3, namespaces: {} },
      ],
      namespaces: [
        { node: 'a', type: 'time', inode: 1 },
        { node: 'a', type: 'net', inode: 9 },
        { node: 'a', type: 'net', inode: 2 },
        { node: 'a', type: 'mnt', inode: 5 },
      ],
      capturedAt: '2024-01-01T00:00:00.000Z',
    };
    const before = JSON.stringify(s);
    const out = JSON.parse(formatSnapshot(s)) as Snapshot;
    expect(JSON.stringify(s)).toBe(before);
    expect(Object.keys(out)).toEqual([
      'schema',
      'capturedAt',
      'sources',
      'nodes',
      'namespaces',
      'processes',
      'containers',
      'pods',
      'warnings',
    ]);
    expect(out.processes.map((p) => p.pid)).toEqual([3, 20]);
    expect(Object.keys(out.processes[1]!)).toEqual([
      'node',
      'pid',
      'command',
      'namespaces',
      'startTime',
    ]);
    expect(Object.keys(out.processes[1]!.namespaces)).toEqual(['mnt', 'net', 'time']);
    expect(out.namespaces.map((n) => `${n.type}:${n.inode}`)).toEqual([
      'mnt:5',
      'net:2',
      'net:9',
      'time:1',
    ]);
  });

  it('ends with a newline and is indented', () => {
    const text = formatSnapshot(emptySnapshot());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "schema": "nsviz/snapshot@1",');
  });
});
