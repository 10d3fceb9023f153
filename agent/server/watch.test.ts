// Event streams of sources that say when they have changed (`Source.watch`), and the store's
// "a read started after this moment" rule they rely on.
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot } from '../../src/protocol/snapshot.ts';
import type { Source } from '../sources/types.ts';
import { createServer, type AgentServer } from './index.ts';
import { SnapshotStore } from './snapshots.ts';

const running: AgentServer[] = [];
afterEach(async () => {
  while (running.length > 0) await running.pop()!.close();
});

/** A live-like source: content set by the test, reads counted, `change()` tells watchers. */
function watched(delayMs = 20) {
  const watchers = new Set<() => void>();
  const src = {
    id: 'w',
    title: 'watched',
    kind: 'live' as const,
    reads: 0,
    version: 1,
    async read() {
      src.reads++;
      const version = src.version;
      await new Promise((r) => setTimeout(r, delayMs));
      const s: Snapshot = emptySnapshot();
      s.nodes.push({ name: `n${version}` });
      return { snapshot: s, warnings: [] };
    },
    watch(onChange: () => void) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    change(version: number) {
      src.version = version;
      for (const w of [...watchers]) w();
    },
    get watching() {
      return watchers.size;
    },
  };
  return src satisfies Source;
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('SSE with a source that tells of changes', () => {
  it('reads at once instead of at the next interval, and stops watching with the last client', async () => {
    const src = watched();
    const app = createServer({ sources: [src], intervalMs: 4000, redact: false });
    running.push(app);
    const { port } = await app.listen(0, '127.0.0.1');
    const sock = connect(port, '127.0.0.1');
    sock.write(`GET /api/events?source=w HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    let buf = '';
    sock.on('data', (d) => (buf += d.toString('utf8')));
    const events = () => buf.match(/event: snapshot\ndata: .*\n\n/g) ?? [];
    await waitFor(() => events().length === 1);
    expect(src.watching).toBe(1);
    // The pause after a read is a quarter interval (1 s): change after it.
    await new Promise((r) => setTimeout(r, 1100));
    const told = Date.now();
    src.change(2);
    await waitFor(() => events().length === 2, 2000);
    expect(Date.now() - told).toBeLessThan(1000);
    expect(events()[1]).toContain('"n2"');
    // A change right after a read waits for the pause, then is read too.
    src.change(3);
    await waitFor(() => events().length === 3, 2500);
    expect(events()[2]).toContain('"n3"');
    sock.destroy();
    await waitFor(() => src.watching === 0);
  });
});

describe('SnapshotStore.get(source, notBefore)', () => {
  it('does not answer with a read that started before the change it was told of', async () => {
    const src = watched(100);
    const store = new SnapshotStore([src], { redact: false });
    const first = store.get(src);
    await new Promise((r) => setTimeout(r, 30));
    src.version = 2;
    const changedAt = Date.now();
    const shared = store.get(src); // no constraint: shares the running read
    const after = store.get(src, changedAt);
    expect((await first).body.toString()).toContain('"n1"');
    expect((await shared).body.toString()).toContain('"n1"');
    expect((await after).body.toString()).toContain('"n2"');
    expect(src.reads).toBe(2);
    // A finished read from after the change is reused, within the reuse window.
    await store.get(src, changedAt);
    expect(src.reads).toBe(2);
  });
});
