import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot } from '../../src/protocol/snapshot.ts';
import { NamespaceDetails } from './details.ts';
import { dropHelpers } from './live.ts';
import { findExecutable } from './run.ts';

describe('dropHelpers', () => {
  it("leaves out the agent's running helpers and the namespaces only they were in", () => {
    const s: Snapshot = emptySnapshot();
    s.processes = [
      { node: 'n', pid: 10, ppid: 1, command: 'node nsviz', namespaces: { net: 1, mnt: 2 } },
      { node: 'n', pid: 11, ppid: 10, command: 'podman ps', namespaces: { net: 1, mnt: 2 } },
      { node: 'n', pid: 12, ppid: 10, command: 'ip -j addr', namespaces: { net: 3, mnt: 2 } },
      // A child that is not a helper (adopted, or started before exec): workload, kept.
      { node: 'n', pid: 13, ppid: 10, command: 'sleep 300', namespaces: { net: 4, mnt: 2 } },
      // What a helper runs (a batch shell's nsenter): left out with it.
      { node: 'n', pid: 14, ppid: 11, command: 'nsenter ip', namespaces: { net: 5, mnt: 2 } },
    ];
    s.namespaces = [
      { node: 'n', type: 'net', inode: 1, nprocs: 2 },
      { node: 'n', type: 'mnt', inode: 2, nprocs: 3 },
      { node: 'n', type: 'net', inode: 3, nprocs: 1 },
      { node: 'n', type: 'net', inode: 4, nprocs: 1 },
      { node: 'n', type: 'net', inode: 5, nprocs: 1 },
    ];
    s.namespaces[1]!.nprocs = 5;
    dropHelpers(s, 10, new Set([11, 12]));
    expect(s.processes.map((p) => p.pid)).toEqual([10, 13]);
    expect(s.namespaces.map((n) => [n.type, n.inode, n.nprocs])).toEqual([
      ['net', 1, 1],
      ['mnt', 2, 2],
      ['net', 4, 1],
    ]);
  });
});

// Real lookups of this process's own net and uts namespaces (no nsenter needed for those).
const own = (type: string) => {
  try {
    return statSync(`/proc/self/ns/${type}`).ino;
  } catch {
    return undefined;
  }
};
const SKIP =
  process.platform !== 'linux'
    ? 'Linux only'
    : own('net') === undefined
      ? 'no /proc/self/ns'
      : !findExecutable('ip')
        ? 'ip (iproute2) is not installed'
        : undefined;

describe.skipIf(SKIP !== undefined)(`NamespaceDetails${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  const snapshot = (): Snapshot => {
    const s = emptySnapshot();
    s.processes = [
      {
        node: 'n',
        pid: process.pid,
        command: 'node',
        namespaces: { net: own('net')!, uts: own('uts')! },
      },
    ];
    s.namespaces = [
      { node: 'n', type: 'net', inode: own('net')! },
      { node: 'n', type: 'uts', inode: own('uts')! },
    ];
    return s;
  };

  it('answers without waiting for new lookups, which follow in the next fill', async () => {
    const details = new NamespaceDetails({ waitMs: 0 });
    const first = snapshot();
    const r = await details.fill(first);
    expect(r.pending).toBeGreaterThan(0);
    expect(r.warnings.join('\n')).toMatch(/still being read; they follow in the next update/);
    expect(first.namespaces.find((n) => n.type === 'net')?.interfaces).toBeUndefined();
    await details.idle();
    expect(details.busy).toBe(0);
    const second = snapshot();
    const again = await details.fill(second);
    expect(again.pending).toBe(0);
    const net = second.namespaces.find((n) => n.type === 'net');
    expect(net?.interfaces?.some((i) => i.name === 'lo')).toBe(true);
    expect(second.namespaces.find((n) => n.type === 'uts')?.hostname).toBeTruthy();
  });

  it.skipIf(process.geteuid?.() !== 0 || !findExecutable('nsenter'))(
    'does not wait for more lookups than can be done in time; they start right after',
    async () => {
      const details = new NamespaceDetails({ concurrency: 1, waitMs: 100 });
      const s = emptySnapshot();
      // Three namespaces of processes that do not exist: three lookups that fail.
      s.processes = [1, 2, 3].map((i) => ({
        node: 'n',
        pid: 4_000_000 + i,
        command: 'x',
        namespaces: { net: 4_000_000_000 + i },
      }));
      const r = await details.fill(s);
      // Each of these lookups fails at once: had fill waited, none would be pending.
      expect(r.pending).toBe(3);
      expect(details.busy).toBe(3);
      await details.idle();
      const again = await details.fill(s);
      expect(again.warnings.join('\n')).toMatch(/exited before it could be described/);
    },
  );

  it('waits for them when told to (one-shot reads)', async () => {
    const details = new NamespaceDetails({ waitMs: Infinity });
    const s = snapshot();
    const r = await details.fill(s);
    expect(r).toMatchObject({ pending: 0, looked: 2 });
    expect(s.namespaces.find((n) => n.type === 'net')?.interfaces?.length).toBeGreaterThan(0);
  });
});
