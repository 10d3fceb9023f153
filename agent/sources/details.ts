/**
 * Net and uts namespace details the /proc scan cannot see: interfaces (names, MACs, CIDR
 * addresses) from `ip -j addr` and host names from `uname -n`, run inside each distinct
 * namespace through `nsenter`. The namespace file is opened by the agent and handed to nsenter
 * as fd 3, after checking its inode, so a PID reused between the scan and the spawn can never
 * make us describe the wrong namespace. Results are cached per inode for `ttlMs`, four times
 * that once two lookups in a row found the same (a pod's network is set up once, just after
 * its sandbox starts): a scan every 2 s then spawns only for namespaces that are new or due.
 *
 * Lookups run in the background, on one queue (new namespaces first, then those due for a
 * refresh), a few at a time. A scan waits for the new namespaces it found for at most `waitMs`
 * and answers with what is known by then: a host that starts with hundreds of pods would
 * otherwise wait for hundreds of `nsenter` runs (seconds) before its first picture. What is
 * still missing is said in a warning and arrives with the next scan.
 */
import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import type { NetInterface, Snapshot } from '../../src/protocol/snapshot.ts';
import { unplacedInterfaces } from '../../src/parse/formats/proc/interfaces.ts';
import { parseIpJson, parseIpText } from '../../src/parse/formats/proc/ip.ts';
import { findExecutable, runArgv, type RunResult } from './run.ts';

type DetailType = 'net' | 'uts';

interface Job {
  type: DetailType;
  inode: number;
  pids: number[];
}

interface Tools {
  nsenter: string | undefined;
  ip: string | undefined;
  uname: string | undefined;
}

interface Entry {
  at: number;
  interfaces?: NetInterface[];
  hostname?: string;
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
   * How long `fill` waits for the lookups of namespaces it sees first; default 100 ms.
   * `Infinity` waits for all of them (one-shot reads that must be complete).
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
   * Queues lookups of what is missing or due, waits up to `waitMs` for the namespaces first
   * seen now, then writes every known detail onto `snapshot`.
   */
  async fill(snapshot: Snapshot, signal?: AbortSignal): Promise<DetailsResult> {
    const warnings: string[] = [];
    const own = { net: this.ownInode('net'), uts: this.ownInode('uts') };
    const root = process.geteuid?.() === 0;
    const nsenter = root ? findExecutable('nsenter') : undefined;
    const ip = findExecutable('ip');
    const uname = findExecutable('uname');
    if (!ip)
      warnings.push('ip (iproute2) is not installed: net namespaces are shown without interfaces');
    else if (root && !nsenter)
      warnings.push(
        "nsenter (util-linux) is not installed: only this agent's own net and uts namespaces are described",
      );
    else if (!root)
      warnings.push(
        "not running as root: only the agent's own net and uts namespaces are described",
      );

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
    // Forget namespaces that are gone: bounds the cache, and an inode number the kernel reuses
    // later starts afresh. Their queued lookups are dropped too.
    for (const key of this.cache.keys()) if (!pids.has(key)) this.cache.delete(key);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i]!;
      const key = `${job.type}:${job.inode}`;
      if (!pids.has(key)) {
        this.queue.splice(i, 1);
        this.queued.delete(key);
      }
    }

    const now = this.now();
    const fresh: Queued[] = [];
    const expired: Queued[] = [];
    for (const [key, list] of pids) {
      const hit = this.cache.get(key);
      if (hit && now - hit.at < ((hit.same ?? 0) >= 2 ? 4 * this.ttlMs : this.ttlMs)) continue;
      if (this.queued.has(key)) continue;
      const [type, inode] = key.split(':') as [DetailType, string];
      const n = Number(inode);
      if (type === 'net' && !ip) continue;
      if (own[type] !== n && !nsenter) continue;
      (hit ? expired : fresh).push({ type, inode: n, pids: list, own: own[type] === n });
    }
    this.tools = { nsenter, ip, uname };
    // New namespaces go before refreshes of known ones (which show their last details
    // meanwhile); the queue runs in the background, so no scan ever waits for a refresh.
    for (const job of [...fresh, ...expired]) this.queued.add(`${job.type}:${job.inode}`);
    this.queue.unshift(...fresh);
    this.queue.push(...expired);
    this.pump();
    const keys = fresh.map((j) => `${j.type}:${j.inode}`);
    const known = (): boolean => keys.every((k) => !this.queued.has(k));
    if (keys.length > 0 && this.waitMs > 0) await this.until(known, this.waitMs, signal);
    const pending = keys.filter((k) => this.queued.has(k)).length;
    if (pending > 0)
      warnings.push(
        `interfaces and host names of ${pending} new namespaces are still being read; they follow in the next update`,
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
    return { looked: keys.length - pending, pending, warnings };
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

  /** Starts queued lookups up to the concurrency limit; each finished one starts the next. */
  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const key = `${job.type}:${job.inode}`;
      this.running++;
      void this.lookUp(job, job.own, this.tools, undefined)
        .then(
          (r) => {
            if (typeof r === 'string') this.failures.set(r, (this.failures.get(r) ?? 0) + 1);
            // A failure is remembered too (without details), so it is tried again only when due.
            const entry: Entry =
              typeof r === 'string' ? { at: this.now() } : { ...r, at: this.now() };
            const before = this.cache.get(key);
            if (before && sameDetails(before, entry)) entry.same = (before.same ?? 0) + 1;
            if (this.queued.has(key)) this.cache.set(key, entry);
          },
          () => undefined,
        )
        .finally(() => {
          this.running--;
          this.queued.delete(key);
          for (const listener of [...this.listeners]) listener();
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

  /** Details of one namespace, or a warning message. */
  private async lookUp(
    job: Job,
    isOwn: boolean,
    tools: Tools,
    signal: AbortSignal | undefined,
  ): Promise<Omit<Entry, 'at'> | string> {
    const label = `${job.type}:[${job.inode}]`;
    if (isOwn) {
      if (job.type === 'uts') return { hostname: hostname() };
      return this.interfaces(label, (args) => this.run(tools.ip!, args, [], signal));
    }
    // Hold the namespace open (inode checked) so the command enters exactly this one.
    let fd: number | undefined;
    for (const pid of job.pids) {
      try {
        const candidate = openSync(`${this.procRoot}/${pid}/ns/${job.type}`, 'r');
        if (fstatSync(candidate).ino === job.inode) {
          fd = candidate;
          break;
        }
        closeSync(candidate);
      } catch {
        // exited since the scan: try the next member
      }
    }
    if (fd === undefined)
      return `${label}: every process in it exited before it could be described`;
    try {
      const enter = [`--${job.type}=/proc/self/fd/3`];
      if (job.type === 'uts') {
        if (!tools.uname) return 'uname is not installed: host names are not read';
        const r = await this.run(tools.nsenter!, [...enter, tools.uname, '-n'], [fd], signal);
        if (!r.ok) return r.error;
        return { hostname: r.stdout.trim() };
      }
      return await this.interfaces(label, (args) =>
        this.run(tools.nsenter!, [...enter, tools.ip!, ...args], [fd], signal),
      );
    } finally {
      closeSync(fd);
    }
  }

  /** `ip -j addr`, or plain `ip addr` where this iproute2 has no JSON, through `run`. */
  private async interfaces(
    label: string,
    run: (args: string[]) => Promise<RunResult>,
  ): Promise<Omit<Entry, 'at'> | string> {
    let r = await run(['-j', 'addr']);
    let parse = parseIpJson;
    if (!r.ok && /-j|json/i.test(r.stderr)) {
      r = await run(['addr']);
      parse = parseIpText;
    }
    if (!r.ok) return r.error;
    const parsed = parse(r.stdout, { source: `ip addr in ${label}` });
    const problems = parsed.issues.filter((i) => i.level === 'error');
    if (problems.length > 0) return `ip addr in ${label}: ${problems[0]!.message}`;
    return { interfaces: unplacedInterfaces(parsed.fragment).flatMap((u) => u.interfaces) };
  }

  private run(
    file: string,
    args: string[],
    fds: number[],
    signal: AbortSignal | undefined,
  ): Promise<RunResult> {
    return runArgv(file, args, {
      timeoutMs: this.timeoutMs,
      maxBytes: 4 * 1024 * 1024,
      fds,
      // Lookups run beside the scans: on a busy host the scans (what viewers wait for) go first.
      nice: 10,
      ...(signal ? { signal } : {}),
    });
  }
}

/** Whether two lookups of one namespace found the same interfaces and host name. */
function sameDetails(a: Entry, b: Entry): boolean {
  return a.hostname === b.hostname && JSON.stringify(a.interfaces) === JSON.stringify(b.interfaces);
}
