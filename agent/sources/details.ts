/**
 * Net and uts namespace details the /proc scan cannot see: interfaces (names, MACs, CIDR
 * addresses) from `ip -j addr` and host names from `uname -n`, run inside each distinct
 * namespace through `nsenter`. The namespace file is opened by the agent and handed to nsenter
 * as fd 3, after checking its inode, so a PID reused between the scan and the spawn can never
 * make us describe the wrong namespace. Results are cached per inode for `ttlMs`: a scan every
 * 2 s then spawns only for namespaces that are new or due.
 */
import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
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
}

export interface DetailsOptions {
  procRoot?: string;
  /** How long a namespace's details are reused; default 15 s. */
  ttlMs?: number;
  /** Per-command time limit; default 3 s. */
  timeoutMs?: number;
  /** Commands in flight at once; default 4. */
  concurrency?: number;
  /** Clock, for tests. */
  now?: () => number;
}

export interface DetailsResult {
  /** How many namespaces were looked up (not served from the cache) in this call. */
  looked: number;
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
  private readonly now: () => number;
  private refreshing = false;

  constructor(options: DetailsOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.ttlMs = options.ttlMs ?? 15000;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.now = options.now ?? Date.now;
  }

  /** Looks up what is missing or due, then writes every known detail onto `snapshot`. */
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
    // later starts afresh.
    for (const key of this.cache.keys()) if (!pids.has(key)) this.cache.delete(key);

    const now = this.now();
    const fresh: Job[] = [];
    const expired: Job[] = [];
    for (const [key, list] of pids) {
      const hit = this.cache.get(key);
      if (hit && now - hit.at < this.ttlMs) continue;
      const [type, inode] = key.split(':') as [DetailType, string];
      const n = Number(inode);
      if (type === 'net' && !ip) continue;
      if (own[type] !== n && !nsenter) continue;
      (hit ? expired : fresh).push({ type, inode: n, pids: list });
    }
    const tools = { nsenter, ip, uname };
    // New namespaces are described before this scan is answered; known ones that are due are
    // refreshed in the background (one batch at a time) and this scan shows their last details,
    // so a host with hundreds of pods does not re-enter them all in one scan every ttlMs.
    warnings.push(...(await this.lookUpAll(fresh, own, tools, signal)));
    if (expired.length > 0 && !this.refreshing) {
      this.refreshing = true;
      void this.lookUpAll(expired, own, tools, undefined).finally(() => {
        this.refreshing = false;
      });
    }

    for (const ns of snapshot.namespaces) {
      if (ns.type !== 'net' && ns.type !== 'uts') continue;
      const hit = this.cache.get(`${ns.type}:${ns.inode}`);
      if (hit?.interfaces && ns.interfaces === undefined) ns.interfaces = hit.interfaces;
      if (hit?.hostname !== undefined && ns.hostname === undefined) ns.hostname = hit.hostname;
    }
    return { looked: fresh.length, warnings };
  }

  private ownInode(type: DetailType): number | undefined {
    try {
      return statSync(`${this.procRoot}/self/ns/${type}`).ino;
    } catch {
      return undefined;
    }
  }

  /** Looks up `jobs` with bounded concurrency into the cache; returns warnings. */
  private async lookUpAll(
    jobs: Job[],
    own: Record<DetailType, number | undefined>,
    tools: Tools,
    signal: AbortSignal | undefined,
  ): Promise<string[]> {
    const failures = new Map<string, number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length && !signal?.aborted) {
        const job = jobs[next++]!;
        const r = await this.lookUp(job, own[job.type] === job.inode, tools, signal);
        if (typeof r === 'string') failures.set(r, (failures.get(r) ?? 0) + 1);
        else this.cache.set(`${job.type}:${job.inode}`, { ...r, at: this.now() });
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, jobs.length) }, worker));
    return [...failures].map(([message, count]) =>
      count > 1 ? `${message} (and ${count - 1} more like it)` : message,
    );
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
      ...(signal ? { signal } : {}),
    });
  }
}
