// The live source's change detector against a fake proc tree: `loadavg` plus PID directories
// whose ns entries are dangling symlinks (readlink does not follow them).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySnapshot, type Snapshot } from '../../src/protocol/snapshot.ts';
import { ProcWatch, baselineOf } from './liveWatch.ts';

let root: string;
let lastPid = 100;

/** A process in the fake tree, in the given net namespace (host ones otherwise). */
function addProc(pid: number, net: number): void {
  mkdirSync(join(root, String(pid), 'ns'), { recursive: true });
  symlinkSync(`net:[${net}]`, join(root, String(pid), 'ns', 'net'));
  symlinkSync('mnt:[4026531841]', join(root, String(pid), 'ns', 'mnt'));
  lastPid = Math.max(lastPid, pid);
  writeLoadavg();
}

function removeProc(pid: number): void {
  rmSync(join(root, String(pid)), { recursive: true, force: true });
  writeLoadavg();
}

/** The tasks count and newest PID move with every fork and exit, as in the kernel's. */
let tasks = 0;
function writeLoadavg(): void {
  tasks++;
  writeFileSync(join(root, 'loadavg'), `0.10 0.20 0.30 1/${tasks} ${lastPid}\n`);
}

/** What a read of the tree would have given. */
function snapshotOf(procs: [pid: number, net: number][]): Snapshot {
  const s = emptySnapshot();
  s.processes = procs.map(([pid, net]) => ({
    node: 'n',
    pid,
    command: 'x',
    namespaces: { net, mnt: 4026531841 },
  }));
  const inodes = new Set(procs.map(([, net]) => net));
  s.namespaces = [...inodes].map((inode) => ({ node: 'n', type: 'net' as const, inode }));
  s.namespaces.push({ node: 'n', type: 'mnt', inode: 4026531841 });
  return s;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nsviz-watch-'));
  tasks = 0;
  addProc(1, 4026531840);
  addProc(50, 4026531840);
  addProc(60, 4026532001);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ProcWatch', () => {
  const watch = () => {
    let told = 0;
    const w = new ProcWatch(() => told++, { procRoot: root });
    w.rebase(
      baselineOf(
        snapshotOf([
          [1, 4026531840],
          [50, 4026531840],
          [60, 4026532001],
        ]),
      ),
    );
    return { w, told: () => told };
  };

  it('stays quiet while nothing forks, and for new processes in known namespaces', () => {
    const { w, told } = watch();
    expect(w.tick()).toBe(false);
    expect(w.tick()).toBe(false);
    addProc(70, 4026532001);
    expect(w.tick()).toBe(false);
    expect(w.tick()).toBe(false); // looked at once more: still known
    removeProc(50); // pid 1 is still in the host namespace
    expect(w.tick()).toBe(false);
    expect(told()).toBe(0);
  });

  it('tells of a new namespace once, until the next read rebases it', () => {
    const { w, told } = watch();
    w.tick();
    addProc(80, 4026532002);
    expect(w.tick()).toBe(true);
    addProc(81, 4026532003);
    expect(w.tick()).toBe(false); // already told: resting until the read
    expect(told()).toBe(1);
    w.rebase(
      baselineOf(
        snapshotOf([
          [1, 4026531840],
          [50, 4026531840],
          [60, 4026532001],
          [80, 4026532002],
          [81, 4026532003],
        ]),
      ),
    );
    expect(w.tick()).toBe(false);
  });

  it('sees a process that enters a new namespace just after it was first looked at', () => {
    const { w } = watch();
    w.tick();
    addProc(90, 4026531840); // forked, not yet unshared
    expect(w.tick()).toBe(false);
    rmSync(join(root, '90', 'ns', 'net'));
    symlinkSync('net:[4026532009]', join(root, '90', 'ns', 'net'));
    expect(w.tick()).toBe(true); // looked at once more, although nothing else forked
  });

  it('tells when the last process of a namespace exits', () => {
    const { w, told } = watch();
    w.tick();
    removeProc(60);
    expect(w.tick()).toBe(true);
    expect(told()).toBe(1);
  });

  it('does nothing before its first baseline', () => {
    const w = new ProcWatch(() => undefined, { procRoot: root });
    addProc(80, 4026532002);
    expect(w.tick()).toBe(false);
  });
});
