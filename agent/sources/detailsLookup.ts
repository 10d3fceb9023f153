/**
 * One net or uts namespace described from inside: `ip -j addr` (interfaces, MACs, CIDR
 * addresses) or `uname -n` (host name), run through `nsenter`. The namespace file is opened by
 * the agent and handed to nsenter as fd 3, after checking its inode, so a PID reused between
 * the scan and the spawn can never make us describe the wrong namespace. The queue and cache
 * around these lookups are in `details.ts`.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { hostname } from 'node:os';
import type { NetInterface } from '../../src/protocol/snapshot.ts';
import { unplacedInterfaces } from '../../src/parse/formats/proc/interfaces.ts';
import { parseIpJson, parseIpText } from '../../src/parse/formats/proc/ip.ts';
import { findExecutable, runArgv, type RunResult } from './run.ts';

export type DetailType = 'net' | 'uts';

export interface Job {
  type: DetailType;
  inode: number;
  /** A few member processes, any of which may be entered. */
  pids: number[];
}

/** The programs a lookup runs; `undefined` where not installed (or, nsenter, not root). */
export interface Tools {
  nsenter: string | undefined;
  ip: string | undefined;
  uname: string | undefined;
}

/** What a lookup found. */
export interface Found {
  interfaces?: NetInterface[];
  hostname?: string;
}

export interface LookupOptions {
  procRoot: string;
  /** Per-command time limit. */
  timeoutMs: number;
}

/**
 * The programs lookups need, found afresh on each call (a tool installed while the agent runs
 * is used from the next scan on), and a warning when some are missing.
 */
export function findTools(): { tools: Tools; warning?: string } {
  const root = process.geteuid?.() === 0;
  const tools: Tools = {
    nsenter: root ? findExecutable('nsenter') : undefined,
    ip: findExecutable('ip'),
    uname: findExecutable('uname'),
  };
  if (!tools.ip)
    return {
      tools,
      warning: 'ip (iproute2) is not installed: net namespaces are shown without interfaces',
    };
  if (root && !tools.nsenter)
    return {
      tools,
      warning:
        "nsenter (util-linux) is not installed: only this agent's own net and uts namespaces are described",
    };
  if (!root)
    return {
      tools,
      warning: "not running as root: only the agent's own net and uts namespaces are described",
    };
  return { tools };
}

/**
 * Details of one namespace, or a warning message. `isOwn`: one of the agent's own namespaces,
 * read without nsenter (its uts namespace needs no command at all).
 * @example await lookUpNamespace({ type: 'uts', inode: 4026532201, pids: [812] }, false, tools, o) // { hostname: 'web-0' }
 */
export async function lookUpNamespace(
  job: Job,
  isOwn: boolean,
  tools: Tools,
  options: LookupOptions,
): Promise<Found | string> {
  const label = `${job.type}:[${job.inode}]`;
  if (isOwn && job.type === 'uts') return { hostname: hostname() };
  if (isOwn) return interfaces(label, (args) => run(tools.ip!, args, [], options));
  // Hold the namespace open (inode checked) so the command enters exactly this one.
  const fd = openNamespace(job, options.procRoot);
  if (fd === undefined) return `${label}: every process in it exited before it could be described`;
  try {
    const enter = [`--${job.type}=/proc/self/fd/3`];
    if (job.type === 'uts') {
      if (!tools.uname) return 'uname is not installed: host names are not read';
      const r = await run(tools.nsenter!, [...enter, tools.uname, '-n'], [fd], options);
      if (!r.ok) return r.error;
      return { hostname: r.stdout.trim() };
    }
    return await interfaces(label, (args) =>
      run(tools.nsenter!, [...enter, tools.ip!, ...args], [fd], options),
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * The namespace file of `job`, opened through one of its processes and checked to be that very
 * namespace (a PID may have been reused since the scan); `undefined` when every one exited.
 */
export function openNamespace(job: Job, procRoot: string): number | undefined {
  for (const pid of job.pids) {
    try {
      const fd = openSync(`${procRoot}/${pid}/ns/${job.type}`, 'r');
      if (fstatSync(fd).ino === job.inode) return fd;
      closeSync(fd);
    } catch {
      // exited since the scan: try the next member
    }
  }
  return undefined;
}

/** `ip -j addr`, or plain `ip addr` where this iproute2 has no JSON, through `exec`. */
async function interfaces(
  label: string,
  exec: (args: string[]) => Promise<RunResult>,
): Promise<Found | string> {
  let r = await exec(['-j', 'addr']);
  let form: 'json' | 'text' = 'json';
  if (!r.ok && /-j|json/i.test(r.stderr)) {
    r = await exec(['addr']);
    form = 'text';
  }
  if (!r.ok) return r.error;
  return readInterfaces(label, r.stdout, form);
}

/** The interfaces in the output of `ip -j addr` (`json`) or `ip addr` (`text`), or a warning. */
export function readInterfaces(label: string, text: string, form: 'json' | 'text'): Found | string {
  const parsed = (form === 'json' ? parseIpJson : parseIpText)(text, {
    source: `ip addr in ${label}`,
  });
  const problems = parsed.issues.filter((i) => i.level === 'error');
  if (problems.length > 0) return `ip addr in ${label}: ${problems[0]!.message}`;
  return { interfaces: unplacedInterfaces(parsed.fragment).flatMap((u) => u.interfaces) };
}

function run(
  file: string,
  args: string[],
  fds: number[],
  options: LookupOptions,
): Promise<RunResult> {
  return runArgv(file, args, {
    timeoutMs: options.timeoutMs,
    maxBytes: 4 * 1024 * 1024,
    fds,
    // Lookups run beside the scans: on a busy host the scans (what viewers wait for) go first.
    nice: 10,
  });
}

/** Whether two lookups of one namespace found the same interfaces and host name. */
export function sameDetails(a: Found, b: Found): boolean {
  return a.hostname === b.hostname && JSON.stringify(a.interfaces) === JSON.stringify(b.interfaces);
}
