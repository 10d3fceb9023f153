// Batched namespace lookups: the output framing, and real lookups through one shell of
// namespaces made with unshare (root, nsenter, unshare and ip needed; skipped otherwise).
import { spawn, type ChildProcess } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookUpBatch, splitFramed, type BatchJob } from './detailsBatch.ts';
import { findTools } from './detailsLookup.ts';
import { findExecutable } from './run.ts';

describe('splitFramed', () => {
  const N = 'f00d';
  it('cuts stdout at the markers, with exit codes, output without a final newline too', () => {
    const out = `${N} 0 b\n[{"ifname":"lo"}]\n\n${N} 0 e 0\n${N} 2 b\nno newline\n${N} 2 e 1\n${N} 3 b\npartial`;
    const parts = splitFramed(out, N, true);
    expect(parts.get(0)).toEqual({ text: '[{"ifname":"lo"}]\n', rc: 0 });
    expect(parts.get(2)).toEqual({ text: 'no newline', rc: 1 });
    expect(parts.get(3)).toEqual({ text: 'partial' }); // stopped: no exit code
    expect(parts.has(1)).toBe(false);
  });

  it('cuts stderr at its markers; a marker with another nonce is text', () => {
    const err = `\n${N} 0\n\n${N} 1\nnsenter: cannot open: No such file\nbeef 2\n`;
    const parts = splitFramed(err, N, false);
    expect(parts.get(0)?.text).toBe('');
    expect(parts.get(1)?.text.trim()).toBe('nsenter: cannot open: No such file\nbeef 2');
  });
});

const SKIP =
  process.platform !== 'linux' || process.geteuid?.() !== 0
    ? 'needs Linux and root'
    : ['nsenter', 'unshare', 'ip', 'uname'].find((t) => !findExecutable(t));

describe.skipIf(SKIP !== undefined)(`lookUpBatch${SKIP ? ` (skipped: ${SKIP})` : ''}`, () => {
  const kids: ChildProcess[] = [];
  const inode = (pid: number, type: string) =>
    Number(/\[(\d+)\]/.exec(readlinkSync(`/proc/${pid}/ns/${type}`))?.[1]);
  beforeAll(async () => {
    for (const name of ['batch-a', 'batch-b']) {
      const p = spawn(
        'unshare',
        ['--net', '--uts', 'sh', '-c', `hostname ${name}; ip link set lo up; exec sleep 60`],
        { stdio: 'ignore' },
      );
      kids.push(p);
    }
    // Until both have set their host name and exec'd sleep.
    const own = inode(process.pid, 'uts');
    for (let i = 0; i < 200; i++) {
      const ready = kids.every((k) => {
        try {
          return (
            inode(k.pid!, 'uts') !== own && readlinkSync(`/proc/${k.pid}/exe`).endsWith('sleep')
          );
        } catch {
          return false;
        }
      });
      if (ready) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(() => kids.forEach((k) => k.kill('SIGKILL')));

  it('describes several namespaces through one shell, and says which could not be', async () => {
    const jobs: BatchJob[] = kids.flatMap((k) => [
      { type: 'net' as const, inode: inode(k.pid!, 'net'), pids: [k.pid!], own: false },
      { type: 'uts' as const, inode: inode(k.pid!, 'uts'), pids: [k.pid!], own: false },
    ]);
    // A namespace whose process is gone (the PID does not exist).
    jobs.push({ type: 'net', inode: 1, pids: [4_000_001], own: false });
    const { tools } = findTools();
    const r = await lookUpBatch(jobs, tools, { procRoot: '/proc', timeoutMs: 5000 });
    expect(r[1]).toEqual({ hostname: 'batch-a' });
    expect(r[3]).toEqual({ hostname: 'batch-b' });
    for (const i of [0, 2]) {
      const found = r[i];
      expect(typeof found).toBe('object');
      const names = typeof found === 'object' ? found.interfaces?.map((x) => x.name) : [];
      expect(names).toEqual(['lo']);
    }
    expect(r[4]).toMatch(/exited before it could be described/);
  });
});
