import type { ParseContext } from '../../types.ts';

/** A `/proc/<who>/<rest>` path: `who` is a PID, `self`, or something unexpandable (`$$`, `[0-9]*`). */
export interface ProcPath {
  /** The PID, `'self'` for `/proc/self` and `/proc/thread-self`, `undefined` for globs etc. */
  pid: number | 'self' | undefined;
  /** Everything after `/proc/<who>/`, e.g. `ns/net`; `''` for `/proc/123`. */
  rest: string;
}

/**
 * Splits a `/proc` path without regular expressions (they run on every line of 10,000-process
 * outputs). `parseProcPath('/proc/42/ns/net')` → `{ pid: 42, rest: 'ns/net' }`;
 * `parseProcPath('/etc/passwd')` → `undefined`.
 */
export function parseProcPath(path: string): ProcPath | undefined {
  if (!path.startsWith('/proc/')) return undefined;
  let end = path.indexOf('/', 6);
  if (end < 0) end = path.length;
  const who = path.slice(6, end);
  const rest = end < path.length ? path.slice(end + 1) : '';
  if (who === 'self' || who === 'thread-self') return { pid: 'self', rest };
  return { pid: parsePid(who), rest };
}

/** A positive decimal PID, or `undefined`. `parsePid('0042')` → `42`; `parsePid('4x')` → `undefined`. */
export function parsePid(text: string): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n > 0 ? n : undefined;
}

/** A non-negative decimal number of at most 16 digits, or `undefined`. `parseUint('07')` → `7`. */
export function parseUint(text: string): number | undefined {
  if (text.length === 0 || text.length > 16) return undefined;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/** Outcome of deciding which process an output describes. */
export interface PidChoice {
  pid?: number;
  /** Why no PID could be used; the caller turns this into one warning. */
  problem?: string;
}

/**
 * Decides the PID that a `/proc` path (or, without a path, the context) describes.
 *
 * - A numeric PID read inside a wrapper (`kubectl/crictl/docker/podman exec`, or `nsenter`
 *   with `-m`/`-a`) may be a PID of the container's own pid namespace: its `/proc` is not the
 *   node's. It is only used when no wrapper is involved, or when it is the very PID that
 *   `nsenter -t` targeted.
 * - `/proc/self` is the command itself; with `nsenter -t PID` it runs in PID's namespaces, so
 *   `ctx.pid` stands in for it. Callers reading facts other than namespaces (cgroup, status)
 *   pass `selfIsTarget = false`: nsenter does not move the command into PID's cgroups.
 *
 * `choosePid({ pid: 42, rest: '' }, { source: 'x' })` → `{ pid: 42 }`.
 */
export function choosePid(
  path: ProcPath | undefined,
  ctx: ParseContext,
  selfIsTarget = true,
): PidChoice {
  const via = ctx.via;
  if (path === undefined) {
    if (ctx.pid !== undefined) return { pid: ctx.pid };
    return { problem: 'the PID is unknown (no /proc/PID path in the output or the command)' };
  }
  if (path.pid === 'self') {
    if (ctx.pid !== undefined && selfIsTarget) return { pid: ctx.pid };
    if (ctx.pid !== undefined) {
      return {
        problem: `/proc/self is the command run by ${via?.tool ?? 'a wrapper'}, not PID ${ctx.pid}; its cgroup and status describe that command`,
      };
    }
    return { problem: 'the output describes /proc/self of an unknown process' };
  }
  if (path.pid === undefined) {
    if (ctx.pid !== undefined) return { pid: ctx.pid };
    return { problem: 'the PID in the /proc path is not a number' };
  }
  if (via === undefined || (via.tool === 'nsenter' && path.pid === ctx.pid))
    return { pid: path.pid };
  return { problem: `PID ${path.pid} was ${insideWrapper(via)}: not a node PID` };
}

/**
 * Why PIDs read inside a wrapper are not node PIDs, to follow "was"/"were".
 * `insideWrapper({ tool: 'kubectl', target: 'web' })` → `'read inside kubectl exec web, where …'`.
 */
export function insideWrapper(via: NonNullable<ParseContext['via']>): string {
  const how = via.tool === 'nsenter' ? 'nsenter -t' : `${via.tool} exec`;
  return `read inside ${how} ${via.target}, where /proc may show another pid namespace`;
}
