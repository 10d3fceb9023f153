import { describe, expect, it } from 'vitest';
import { runParse } from '../../api/parseCore.ts';
import { readAgentSources } from '../../api/liveSources.ts';
import { backoffMs, HOLD_MS, nextLive, recentMarks } from '../../api/liveSnapshot.ts';
import type { ParsedSource } from '../../api/types.ts';
import { liveState, OFFLINE_AFTER_MS } from './status.ts';

/** A one-node snapshot: init in the host namespaces plus one `sleep` per extra net namespace. */
async function host(extra: { pid: number; net: number }[]): Promise<ParsedSource> {
  const base = { mnt: 10, uts: 11, ipc: 12, pid: 13, user: 14, cgroup: 15 };
  const processes = [
    { node: 'n', pid: 1, ppid: 0, command: 'init', namespaces: { ...base, net: 16 } },
    ...extra.map((e) => ({
      node: 'n',
      pid: e.pid,
      ppid: 1,
      command: 'sleep 300',
      namespaces: { ...base, net: e.net },
    })),
  ];
  const text = JSON.stringify({
    schema: 'nsviz/snapshot@1',
    sources: [],
    nodes: [{ name: 'n' }],
    namespaces: [],
    processes,
    containers: [],
    pods: [],
    warnings: [],
  });
  return runParse([{ name: 'live', text }], () => {});
}

describe('nextLive', () => {
  it('keeps the shown content by reference when the ETag is the same', async () => {
    const a = nextLive(undefined, await host([]), '"a"', 1000);
    expect(a.shown.changes).toEqual([]);
    const again = nextLive(a, await host([]), '"a"', 3000);
    expect(again.shown).toBe(a.shown);
    expect(again.confirmedAt).toBe(3000);
  });

  it('diffs new content against the shown one and marks what came and went', async () => {
    const a = nextLive(undefined, await host([{ pid: 50, net: 900 }]), '"a"', 1000);
    const b = nextLive(a, await host([{ pid: 60, net: 901 }]), '"b"', 3000);
    const marks = recentMarks(b.shown.changes, 3000);
    expect(marks.get('proc:n:60')).toBe('added');
    expect(marks.get('ns:n:901')).toBe('added');
    expect(marks.get('proc:n:50')).toBe('removed');
    expect(marks.get('ns:n:900')).toBe('removed');
    expect(marks.has('proc:n:1')).toBe(false);
    // The host's mnt namespace only changed members (50 left, 60 came): not marked.
    expect(marks.has('ns:n:10')).toBe(false);
    // The marks fade after HOLD_MS; a later update without changes keeps the batch.
    const c = nextLive(b, await host([{ pid: 60, net: 901 }]), '"c"', 5000);
    expect(c.shown.changes).toHaveLength(1);
    expect(recentMarks(c.shown.changes, 3000 + HOLD_MS).size).toBe(0);
  });

  it('lets a newer update win, but a later change does not hide that it is new', () => {
    const m = (entries: [string, 'added' | 'removed' | 'changed'][]) => new Map(entries);
    const marks = recentMarks(
      [
        {
          at: 3000,
          marks: m([
            ['a', 'changed'],
            ['b', 'removed'],
          ]),
        },
        {
          at: 2000,
          marks: m([
            ['a', 'added'],
            ['b', 'added'],
          ]),
        },
      ],
      4000,
    );
    expect(Object.fromEntries(marks)).toEqual({ a: 'added', b: 'removed' });
  });
});

describe('backoffMs', () => {
  it('doubles from one second up to thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(backoffMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});

describe('liveState', () => {
  const trouble = { since: 10_000, failures: 2, nextAt: 12_000, error: new Error('x') };
  it('is live, then stale, then offline', () => {
    const base = { hasData: true, sourceError: undefined, now: 11_000 };
    expect(liveState({ ...base, trouble: undefined })).toBe('live');
    expect(liveState({ ...base, trouble })).toBe('stale');
    expect(liveState({ ...base, trouble, now: 10_000 + OFFLINE_AFTER_MS })).toBe('offline');
    expect(liveState({ ...base, trouble: undefined, sourceError: 'scan failed' })).toBe('stale');
    expect(liveState({ ...base, hasData: false, trouble: undefined })).toBe('offline');
  });
});

describe('readAgentSources', () => {
  it('keeps well-formed entries only', () => {
    expect(
      readAgentSources([
        { id: 'live', title: 'this machine (live): vm', kind: 'live' },
        { id: 'x', title: 'x', kind: 'other' },
        { id: '', title: 'y', kind: 'live' },
        3,
      ]),
    ).toEqual([{ id: 'live', title: 'this machine (live): vm', kind: 'live' }]);
    expect(readAgentSources({ error: 'nope' })).toEqual([]);
  });
});
