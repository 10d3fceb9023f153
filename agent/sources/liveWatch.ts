/**
 * A cheap change detector for the live source, run between full scans while someone watches
 * (an SSE stream): it says when a namespace has probably appeared or vanished, so the stream
 * can read at once instead of at its next interval. Each tick reads `/proc/loadavg` (one small
 * read: the newest PID and the number of tasks); only when those moved does it list /proc, read
 * the ns links of PIDs new since the last scan, and count PIDs gone. A new inode, or a
 * namespace whose last member exited, is a change. Changes that create no namespace (a process
 * in an existing container, a `setns` of a running process) wait for the regular interval.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { NS_TYPES, type Snapshot } from '../../src/protocol/snapshot.ts';
import { helperPids } from './helperPids.ts';

/** What the last full scan saw: each process's namespace inodes, and every inode. */
export interface Baseline {
  pids: Map<number, number[]>;
  /** Member processes per inode; 0 for namespaces held otherwise (nsfs mount, for children). */
  members: Map<number, number>;
}

/** The baseline of a read's snapshot. */
export function baselineOf(snapshot: Snapshot): Baseline {
  const pids = new Map<number, number[]>();
  const members = new Map<number, number>();
  for (const n of snapshot.namespaces) members.set(n.inode, 0);
  for (const p of snapshot.processes) {
    const inodes = Object.values(p.namespaces);
    pids.set(p.pid, inodes);
    for (const i of inodes) members.set(i, (members.get(i) ?? 0) + 1);
  }
  return { pids, members };
}

const INODE = /\[(\d+)\]/;

export interface WatchOptions {
  procRoot?: string;
  /** Time between two ticks; default 200 ms. */
  tickMs?: number;
}

/**
 * Watches /proc against the baseline of the last read (`rebase`). `onChange` is called once per
 * baseline: after that the detector rests until the read it asked for gives a new baseline.
 */
export class ProcWatch {
  private readonly procRoot: string;
  private readonly tickMs: number;
  private timer: NodeJS.Timeout | undefined;
  private base: Baseline | undefined;
  /** PIDs present at the last look, and member counts as they were then. */
  private seen = new Set<number>();
  private members = new Map<number, number>();
  /** PIDs new at the last look: looked at once more (a fresh fork unshares just after). */
  private recent: number[] = [];
  private loadavg = '';
  private told = false;

  constructor(
    private readonly onChange: () => void,
    options: WatchOptions = {},
  ) {
    this.procRoot = options.procRoot ?? '/proc';
    this.tickMs = options.tickMs ?? 200;
  }

  /** Starts ticking (idempotent). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A read finished: what it saw is the new reference. */
  rebase(base: Baseline): void {
    this.base = base;
    this.seen = new Set(base.pids.keys());
    this.members = new Map(base.members);
    this.recent = [];
    this.told = false;
  }

  /** One look; true when it found a change (and told `onChange`). Public for tests. */
  tick(): boolean {
    if (!this.base || this.told) return false;
    const load = this.read(`${this.procRoot}/loadavg`);
    // "0.52 0.58 0.59 2/431 21457": tasks running/total, newest PID. Unchanged: nothing forked.
    const moved = load === undefined || load.slice(load.indexOf('/')) !== this.loadavg;
    if (load !== undefined) this.loadavg = load.slice(load.indexOf('/'));
    if (!moved && this.recent.length === 0) return false;
    let names: string[];
    try {
      names = readdirSync(this.procRoot);
    } catch {
      return false;
    }
    let changed = false;
    const now = new Set<number>();
    const fresh: number[] = [];
    for (const name of names) {
      const c = name.charCodeAt(0);
      if (c < 48 || c > 57) continue;
      const pid = Number(name);
      now.add(pid);
      if (!this.seen.has(pid)) fresh.push(pid);
    }
    for (const pid of [...fresh, ...this.recent]) {
      if (helperPids.has(pid) || pid === process.pid) continue;
      for (const type of NS_TYPES) {
        const link = this.read(`${this.procRoot}/${pid}/ns/${type}`, true);
        const inode = link === undefined ? undefined : Number(INODE.exec(link)?.[1]);
        if (inode !== undefined && !Number.isNaN(inode) && !this.members.has(inode)) changed = true;
      }
    }
    for (const pid of this.seen) {
      if (now.has(pid)) continue;
      for (const inode of this.base.pids.get(pid) ?? []) {
        const left = (this.members.get(inode) ?? 1) - 1;
        this.members.set(inode, left);
        if (left === 0) changed = true;
      }
    }
    this.seen = now;
    this.recent = fresh.filter((pid) => now.has(pid));
    if (!changed) return false;
    this.told = true;
    this.onChange();
    return true;
  }

  private read(path: string, link = false): string | undefined {
    try {
      return link ? readlinkSync(path) : readFileSync(path, 'latin1');
    } catch {
      return undefined;
    }
  }
}
