/**
 * Net and uts namespace details the /proc scan cannot see: interfaces (names, MACs, CIDR
 * addresses) and host names, looked up inside each distinct namespace (`detailsLookup.ts`), many
 * through one shell (`detailsBatch.ts`).
 * Results are cached per inode for `ttlMs`, four times that once two lookups in a row found the
 * same (a pod's network is set up once, just after its sandbox starts): a scan every 2 s then
 * spawns only for namespaces that are new or due. The agent's own uts namespace needs no
 * command (its host name is ours) and is filled at once.
 *
 * Lookups run in the background, on one queue (new namespaces first, then those due for a
 * refresh), a few at a time. A scan waits for the new namespaces it found for at most `waitMs`,
 * and only when they can be done by then (a pod that just started: two lookups); when they
 * cannot (the first scan of a host with hundreds of pods would need hundreds of `nsenter` runs,
 * seconds) it answers at once with what is known, and the lookups start right after that
 * answer. What is still missing is said in a warning; `watch` tells when it has arrived.
 */
import { statSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { lookUpBatch } from './detailsBatch.ts';
import {
  findTools,
  sameDetails,
  type DetailType,
  type Found,
  type Job,
  type Tools,
} from './detailsLookup.ts';

/** Lookups per batch, at most: a batch answers all at once, after all of them. */
const BATCH = 16;

interface Entry extends Found {
  at: number;
  /** Lookups in a row that found what the one before found. */
  same?: number;
}

interface Queued extends Job {
  own: boolean;
}

export interface DetailsOptions {
  procRoot?: string;
  /** How long a namespace's details are reused; default 15 s. */
  ttlMs?: number;
  /** Per-command time limit; default 3 s. */
  timeoutMs?: number;
  /** Commands in flight at once; default the number of CPUs, 1 to 4 (each is a fork + exec). */
  concurrency?: number;
  /**
   * How long `fill` waits for the lookups of namespaces it sees first; default 100 ms, and only
   * when they are expected to be done by then. `Infinity` waits for all of them (one-shot reads
   * that must be complete).
   */
  waitMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface DetailsResult {
  /** How many new namespaces were looked up in time for this call. */
  looked: number;
  /** New namespaces whose lookup was still running when this call answered. */
  pending: number;
  warnings: string[];
}

/**
 * Fills `interfaces` of net namespace rows and `hostname` of uts namespace rows of a scanned
 * snapshot, in place. One instance lives as long as its live source (it holds the cache).
 */
export class NamespaceDetails {
  private readonly cache = new Map<string, Entry>();
  private readonly procRoot: string;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly waitMs: number;
  private readonly now: () => number;
  /** Jobs waiting, new namespaces first; keyed `type:inode` in `queued` (also while running). */
  private readonly queue: Queued[] = [];
  private readonly queued = new Set<string>();
  private running = 0;
  private tools: Tools = { nsenter: undefined, ip: undefined, uname: undefined };
  /** Told after each finished lookup (fill waiting for its namespaces, idle()). */
  private readonly listeners = new Set<() => void>();
  /** Failures of background lookups, reported (once) by the next fill. */
  private readonly failures = new Map<string, number>();
  /** New namespaces a fill answered without; `watch` is told once they are all looked up. */
  private readonly owed = new Set<string>();
  private readonly watchers = new Set<() => void>();
  /** Typical duration of one lookup (moving average), to judge whether waiting pays. */
  private typicalMs = 50;

  constructor(options: DetailsOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.ttlMs = options.ttlMs ?? 15000;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.concurrency = Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
    this.waitMs = options.waitMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** Lookups queued or running. */
  get busy(): number {
    return this.queued.size;
  }

  /** Resolves once no lookup is queued or running (benchmarks, tests). */
  idle(): Promise<void> {
    return this.until(() => this.queued.size === 0);
  }

  /**
   * Calls `listener` each time the details a fill answered without (`pending`) have all been
   * looked up, so a new fill would show more. Returns the unsubscribe function.
   */
  watch(listener: () => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  /**
   * Queues lookups of what is missing or due, waits up to `waitMs` for the namespaces first
   * seen now (when they can be done by then), then writes every known detail onto `snapshot`.
   */
  async fill(snapshot: Snapshot, signal?: AbortSignal): Promise<DetailsResult> {
    const own = { net: this.ownInode('net'), uts: this.ownInode('uts') };
    const { tools, warning } = findTools();
    const warnings = warning ? [warning] : [];

    // Candidate PIDs per namespace, lowest first (the scan lists processes by PID).
    const pids = new Map<string, number[]>();
    for (const p of snapshot.processes) {
      for (const type of ['net', 'uts'] as const) {
        const inode = p.namespaces[type];
        if (inode === undefined) continue;
        const key = `${type}:${inode}`;
        const list = pids.get(key);
        if (!list) pids.set(key, [p.pid]);
        else if (list.length < 3) list.push(p.pid);
      }
    }
    this.forgetGone(pids);

    const now = this.now();
    const fresh: Queued[] = [];
    const expired: Queued[] = [];
    let inline = 0;
    for (const [key, list] of pids) {
      const hit = this.cache.get(key);
      if (hit && now - hit.at < ((hit.same ?? 0) >= 2 ? 4 * this.ttlMs : this.ttlMs)) continue;
      if (this.queued.has(key)) continue;
      const [type, inode] = key.split(':') as [DetailType, string];
      const n = Number(inode);
      if (own[type] === n && type === 'uts') {
        // Our own host name: no command to run.
        this.remember(key, { hostname: hostname() });
        if (!hit) inline++;
        continue;
      }
      if (type === 'net' && !tools.ip) continue;
      if (own[type] !== n && !tools.nsenter) continue;
      (hit ? expired : fresh).push({ type, inode: n, pids: list, own: own[type] === n });
    }
    this.tools = tools;
    // New namespaces go before refreshes of known ones (which show their last details
    // meanwhile); the queue runs in the background, so no scan ever waits for a refresh.
    for (const job of [...fresh, ...expired]) this.queued.add(`${job.type}:${job.inode}`);
    this.queue.unshift(...fresh);
    this.queue.push(...expired);
    const keys = fresh.map((j) => `${j.type}:${j.inode}`);
    // Waiting pays only when the new lookups can finish in time: they run `concurrency` at once.
    const waves = Math.ceil(keys.length / this.concurrency);
    const wait =
      keys.length > 0 &&
      this.waitMs > 0 &&
      (this.waitMs === Infinity || waves * this.typicalMs <= this.waitMs);
    if (wait) {
      this.pump();
      const known = (): boolean => keys.every((k) => !this.queued.has(k));
      await this.until(known, this.waitMs, signal);
    } else {
      // Each lookup starts with a fork of this process: after the answer is out, not before.
      setImmediate(() => this.pump());
    }
    const late = keys.filter((k) => this.queued.has(k));
    for (const k of late) this.owed.add(k);
    if (late.length > 0)
      warnings.push(
        `interfaces and host names of ${late.length} new namespaces are still being read; they follow in the next update`,
      );
    for (const [message, count] of this.failures)
      warnings.push(count > 1 ? `${message} (and ${count - 1} more like it)` : message);
    this.failures.clear();

    for (const ns of snapshot.namespaces) {
      if (ns.type !== 'net' && ns.type !== 'uts') continue;
      const hit = this.cache.get(`${ns.type}:${ns.inode}`);
      if (hit?.interfaces && ns.interfaces === undefined) ns.interfaces = hit.interfaces;
      if (hit?.hostname !== undefined && ns.hostname === undefined) ns.hostname = hit.hostname;
    }
    return { looked: inline + keys.length - late.length, pending: late.length, warnings };
  }

  /**
   * Forgets namespaces that are gone: bounds the cache, and an inode number the kernel reuses
   * later starts afresh. Their queued lookups are dropped too.
   */
  private forgetGone(present: ReadonlyMap<string, unknown>): void {
    for (const key of this.cache.keys()) if (!present.has(key)) this.cache.delete(key);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      const key = `${job.type}:${job.inode}`;
      if (!present.has(key)) {
        this.queue.splice(i, 1);
        this.queued.delete(key);
        this.owed.delete(key);
      }
    }
  }

  /** Stores a lookup's result; counts lookups in a row that found the same. */
  private remember(key: string, found: Found): void {
    const entry: Entry = { ...found, at: this.now() };
    const before = this.cache.get(key);
    if (before && sameDetails(before, entry)) entry.same = (before.same ?? 0) + 1;
    this.cache.set(key, entry);
  }

  /** Resolves when `done()` holds, after `ms` at most, or when `signal` aborts. */
  private until(done: () => boolean, ms = Infinity, signal?: AbortSignal): Promise<void> {
    if (done() || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        this.listeners.delete(check);
        signal?.removeEventListener('abort', finish);
        clearTimeout(timer);
        resolve();
      };
      const check = (): void => {
        if (done()) finish();
      };
      const timer = Number.isFinite(ms) ? setTimeout(finish, ms) : undefined;
      this.listeners.add(check);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  /**
   * Starts queued lookups, in batches (one shell each, `detailsBatch.ts`) of an even share of
   * the queue, up to `BATCH`, at most `concurrency` batches at once; each finished batch starts
   * the next.
   */
  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const size = Math.min(BATCH, Math.ceil(this.queue.length / this.concurrency));
      const jobs = this.queue.splice(0, size);
      this.running++;
      const started = this.now();
      const options = { procRoot: this.procRoot, timeoutMs: this.timeoutMs };
      void lookUpBatch(jobs, this.tools, options)
        .then(
          (results) => {
            const each = Math.max(1, (this.now() - started) / jobs.length);
            this.typicalMs = 0.8 * this.typicalMs + 0.2 * each;
            results.forEach((r, i) => {
              const key = `${jobs[i]!.type}:${jobs[i]!.inode}`;
              if (typeof r === 'string') this.failures.set(r, (this.failures.get(r) ?? 0) + 1);
              // A failure is remembered too (without details): tried again only when due.
              if (this.queued.has(key)) this.remember(key, typeof r === 'string' ? {} : r);
            });
          },
          () => undefined,
        )
        .finally(() => {
          this.running--;
          let settled = false;
          for (const job of jobs) {
            const key = `${job.type}:${job.inode}`;
            this.queued.delete(key);
            if (this.owed.delete(key) && this.owed.size === 0) settled = true;
          }
          for (const listener of [...this.listeners]) listener();
          if (settled) for (const watcher of [...this.watchers]) watcher();
          this.pump();
        });
    }
  }

  private ownInode(type: DetailType): number | undefined {
    try {
      return statSync(`${this.procRoot}/self/ns/${type}`).ino;
    } catch {
      return undefined;
    }
  }
}
