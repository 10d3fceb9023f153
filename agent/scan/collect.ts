/**
 * Turns raw /proc reads into snapshot rows and decides what each read failure means:
 * ENOENT/ESRCH = the process exited mid-scan (dropped, counted once), EACCES = unreadable
 * (kept, one warning per kind), anything else = one aggregated warning per file and errno.
 */
import type { NamespaceRow, NsType, ProcessRow, Warning } from '../../src/protocol/snapshot.ts';
import { NS_TYPES } from '../../src/protocol/snapshot.ts';
import type { Got, RawProc } from './io.ts';
import { Fail } from './io.ts';
import type { NsfsMount } from './parse.ts';
import { formatCommand, parseNsLink, parseStat, parseStatus, pickCgroup } from './parse.ts';

const gone = (f: Fail): boolean => f.code === 'ENOENT' || f.code === 'ESRCH';

const plural = (n: number): string => (n === 1 ? '1 process' : `${n} processes`);

/** Counts of per-process problems, turned into a few warnings at the end of a scan. */
export class Tally {
  exited = 0;
  private readonly problems = new Map<string, { what: string; code: string; pids: number[] }>();

  /** Records one failed read of `what` (a file name, or `ns/<link>`) for `pid`. */
  add(what: string, code: string, pid: number): void {
    const key = `${what}\0${code}`;
    const p = this.problems.get(key);
    if (p) p.pids.push(pid);
    else this.problems.set(key, { what, code, pids: [pid] });
  }

  /**
   * One warning per file and errno, and one for exited processes. Namespace links failing
   * alike (same errno, same processes — typical for EACCES without root) share one warning
   * that lists the kinds: `cannot read the mnt, net namespace links of 57 processes: permission denied`.
   */
  warnings(source: string): Warning[] {
    const out: Warning[] = [];
    const links = new Map<string, { kinds: string[]; code: string; pids: number[] }>();
    for (const { what, code, pids } of this.problems.values()) {
      if (!what.startsWith('ns/')) {
        out.push({ source, message: `cannot read ${what} of ${describe(pids, code)}` });
        continue;
      }
      const key = `${code}\0${pids.join(',')}`;
      const group = links.get(key);
      if (group) group.kinds.push(what.slice(3));
      else links.set(key, { kinds: [what.slice(3)], code, pids });
    }
    for (const { kinds, code, pids } of links.values()) {
      const noun = kinds.length === 1 ? 'namespace link' : 'namespace links';
      out.push({
        source,
        message: `cannot read the ${kinds.join(', ')} ${noun} of ${describe(pids, code)}`,
      });
    }
    if (this.exited > 0)
      out.push({ source, message: `${plural(this.exited)} exited during the scan` });
    return out;
  }
}

/** `57 processes: permission denied`, naming the PIDs when there are only a few. */
function describe(pids: readonly number[], code: string): string {
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
  const which = pids.length <= 3 ? ` (pid ${pids.join(', ')})` : '';
  return `${plural(pids.length)}${which}: ${why}`;
}

/** Per-scan settings and caches shared by every `toProcessRow` call. */
export interface CollectContext {
  node: string;
  redact: boolean;
  users: ReadonlyMap<number, string>;
  /** ns entries this kernel has (from /proc/self/ns); `undefined` when unknown. */
  supported: ReadonlySet<string> | undefined;
  tally: Tally;
  /** Link target → inode, for targets `inodeOf` cannot read at a glance (parsed once each). */
  targets: Map<string, number | undefined>;
}

/**
 * The inode of a link target `<base>:[<inode>]` (`net:[4026531840]`). Read digit by digit: this
 * runs for ten links of every process, and a new string per link would have to be hashed for
 * a cache lookup. Anything unusual goes through `parseNsLink` (cached).
 */
function inodeOf(target: string, base: string, ctx: CollectContext): number | undefined {
  const n = target.length;
  if (
    n > base.length + 3 &&
    target.startsWith(base) &&
    target.charCodeAt(base.length) === 58 && // ':'
    target.charCodeAt(base.length + 1) === 91 && // '['
    target.charCodeAt(n - 1) === 93 // ']'
  ) {
    let inode = 0;
    let i = base.length + 2;
    for (; i < n - 1; i++) {
      const d = target.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      inode = inode * 10 + d;
    }
    if (i === n - 1 && Number.isSafeInteger(inode)) return inode;
  }
  if (ctx.targets.has(target)) return ctx.targets.get(target);
  const inode = parseNsLink(target)?.inode;
  ctx.targets.set(target, inode);
  return inode;
}

/** A text file's content, `''` when unreadable but the process lives, `undefined` when it exited. */
function text(got: Got, what: string, pid: number, ctx: CollectContext): string | undefined {
  if (!(got instanceof Fail)) return got;
  if (gone(got)) return undefined;
  ctx.tally.add(what, got.code, pid);
  return '';
}

/**
 * Builds the process row from one PID's reads, or `undefined` when the process vanished (counted
 * in `ctx.tally.exited`) or its stat is unusable (counted as a problem).
 */
export function toProcessRow(raw: RawProc, ctx: CollectContext): ProcessRow | undefined {
  const { tally } = ctx;
  if (raw.stat instanceof Fail) {
    if (gone(raw.stat)) tally.exited++;
    else tally.add('stat', raw.stat.code, raw.pid);
    return undefined;
  }
  const stat = parseStat(raw.stat);
  if (!stat) {
    tally.add('stat', 'unparsable', raw.pid);
    return undefined;
  }
  const status = text(raw.status, 'status', raw.pid, ctx);
  const cmdline = text(raw.cmdline, 'cmdline', raw.pid, ctx);
  const cgroupText = text(raw.cgroup, 'cgroup', raw.pid, ctx);
  if (status === undefined || cmdline === undefined || cgroupText === undefined) {
    tally.exited++;
    return undefined;
  }
  // A zombie has released its namespaces: only pid and user still resolve. It is still a
  // process (ps lists it as `<defunct>`), so keep it with what remains.
  const zombie = stat.state === 'Z' || stat.state === 'X';
  const namespaces: Partial<Record<NsType, number>> = {};
  const forChildren: Partial<Record<'pid' | 'time', number>> = {};
  for (let i = 0; i < raw.names.length; i++) {
    const name = raw.names[i]!;
    const got = raw.links[i];
    const base = name === 'pid_for_children' ? 'pid' : name === 'time_for_children' ? 'time' : name;
    const child = base !== name;
    if (got === undefined) continue;
    if (got instanceof Fail) {
      if (!gone(got)) tally.add(`ns/${name}`, got.code, raw.pid);
      // An empty pid_for_children (no child yet) reads as ENOENT; so does a link this kernel
      // lacks. Otherwise a missing link of a live process means it exited after we read stat.
      else if (!child && !zombie && ctx.supported?.has(name)) {
        tally.exited++;
        return undefined;
      }
      continue;
    }
    const inode = inodeOf(got, base, ctx);
    if (inode === undefined) continue;
    if (child) forChildren[base as 'pid' | 'time'] = inode;
    else namespaces[base as NsType] = inode;
  }

  const { ppid = stat.ppid, uid, nsPid } = parseStatus(status);
  const command = formatCommand(cmdline, stat.comm, ctx.redact);
  // Built in contract field order, so JSON.stringify of a row is already readable.
  const row: ProcessRow = {
    node: ctx.node,
    pid: raw.pid,
    ppid,
    command: zombie ? `${command} <defunct>` : command,
    ...(uid === undefined ? {} : { user: ctx.users.get(uid) ?? String(uid), uid }),
    namespaces,
  };
  if (forChildren.pid !== undefined || forChildren.time !== undefined)
    row.forChildren = forChildren;
  const cgroup = pickCgroup(cgroupText);
  if (cgroup !== undefined) row.cgroup = cgroup;
  row.startTime = stat.startTime;
  if (nsPid !== undefined) row.nsPid = nsPid;
  return row;
}

const typeRank = new Map<NsType, number>(NS_TYPES.map((t, i) => [t, i]));

/**
 * One row per distinct (type, inode): members counted from the processes; namespaces seen only
 * as a `*_for_children` target or an nsfs bind mount are kept with `nprocs: 0`. Sorted by type
 * (mnt net pid ipc uts user cgroup time), then inode.
 */
export function namespaceRows(
  node: string,
  processes: readonly ProcessRow[],
  mounts: readonly NsfsMount[],
): NamespaceRow[] {
  // One inode-keyed map per type: no key strings built in the per-process loop.
  const byType = new Map<NsType, Map<number, NamespaceRow>>(NS_TYPES.map((t) => [t, new Map()]));
  const row = (type: NsType, inode: number): NamespaceRow => {
    const rows = byType.get(type)!;
    let r = rows.get(inode);
    if (!r) rows.set(inode, (r = { node, type, inode, nprocs: 0 }));
    return r;
  };
  for (const p of processes) {
    for (const type in p.namespaces)
      row(type as NsType, p.namespaces[type as NsType]!).nprocs! += 1;
    if (p.forChildren?.pid !== undefined) row('pid', p.forChildren.pid);
    if (p.forChildren?.time !== undefined) row('time', p.forChildren.time);
  }
  for (const m of mounts) {
    const r = row(m.type, m.inode);
    if (!r.nsfs?.includes(m.mountPoint)) (r.nsfs ??= []).push(m.mountPoint);
  }
  return [...byType.values()].flatMap((m) => [...m.values()]).sort(compareNamespaces);
}

/** Orders namespace rows by node, then type in NS_TYPES order, then inode. */
export function compareNamespaces(a: NamespaceRow, b: NamespaceRow): number {
  if (a.node !== b.node) return a.node < b.node ? -1 : 1;
  return typeRank.get(a.type)! - typeRank.get(b.type)! || a.inode - b.inode;
}
