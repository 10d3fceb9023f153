/**
 * Pure parsers for the /proc files the scanner reads. No I/O here, so every rule (the last `)`
 * in stat, the cgroup pick, the ps-style command) is unit-testable on strings.
 */
import type { NsType } from '../../src/protocol/snapshot.ts';
import { isNsType } from '../../src/protocol/snapshot.ts';

/** What `/proc/PID/stat` gives us. */
export interface StatFields {
  comm: string;
  /** Field 3: `R`, `S`, `Z` (zombie), … */
  state: string;
  ppid: number;
  /** Field 22: start time in clock ticks since boot. */
  startTime: number;
}

/**
 * Parses `/proc/PID/stat`. comm (field 2) may hold spaces and parentheses, so the numeric
 * fields are read after the LAST `)`.
 * `parseStat('7 (a) (b) S 1 7 7 0 -1 … 4242 …')` → `{ comm: 'a) (b', state: 'S', ppid: 1, startTime: 4242 }`.
 */
export function parseStat(text: string): StatFields | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After ") " come fields 3.. separated by single spaces: walk to fields 3, 4 and 22 instead
  // of splitting all ~50 (this runs for every process of every scan).
  const at3 = close + 2;
  const end3 = text.indexOf(' ', at3);
  if (end3 <= at3) return undefined;
  const end4 = text.indexOf(' ', end3 + 1);
  let at22 = end4;
  for (let field = 5; field <= 21 && at22 >= 0; field++) at22 = text.indexOf(' ', at22 + 1);
  if (end4 < 0 || at22 < 0) return undefined;
  const end22 = text.indexOf(' ', at22 + 1);
  const ppid = Number(text.slice(end3 + 1, end4));
  const startTime = Number(text.slice(at22 + 1, end22 < 0 ? undefined : end22));
  if (!Number.isSafeInteger(ppid) || !Number.isSafeInteger(startTime)) return undefined;
  return { comm: text.slice(open + 1, close), state: text.slice(at3, end3), ppid, startTime };
}

/** The integer after `\n<key>:\t` in a status file; the first one for tab-separated lists. */
function statusInt(text: string, key: string): number | undefined {
  const at = text.indexOf(`\n${key}:`);
  if (at < 0) return undefined;
  let i = at + key.length + 2;
  while (text[i] === '\t' || text[i] === ' ') i++;
  let end = i;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end > i ? Number(text.slice(i, end)) : undefined;
}

/**
 * Reads PPid and the real Uid (first of four) from `/proc/PID/status`.
 * `parseStatus('Name:\tx\nPPid:\t1\nUid:\t1000\t1000\t1000\t1000\n')` → `{ ppid: 1, uid: 1000 }`.
 */
export function parseStatus(text: string): { ppid?: number; uid?: number; nsPid?: number } {
  const out: { ppid?: number; uid?: number; nsPid?: number } = {};
  const ppid = statusInt(text, 'PPid');
  const uid = statusInt(text, 'Uid');
  if (ppid !== undefined) out.ppid = ppid;
  if (uid !== undefined) out.uid = uid;
  // NSpid lists the PID in each nested pid namespace, outermost first: the last one is the
  // PID inside the process's own namespace (1 for a container's init).
  const at = text.indexOf('\nNSpid:');
  if (at >= 0) {
    const end = text.indexOf('\n', at + 1);
    const last = text
      .slice(at + 7, end < 0 ? undefined : end)
      .trim()
      .split(/\s+/)
      .pop();
    if (last !== undefined && /^\d+$/.test(last)) out.nsPid = Number(last);
  }
  return out;
}

/**
 * The command as `ps -ef` shows it: argv joined by spaces (NULs → spaces, trailing NULs
 * dropped), or `[comm]` when cmdline is empty (kernel threads, zombies). `redact` keeps argv[0].
 * `formatCommand('sleep\x00300\x00', 'sleep', false)` → `'sleep 300'`; `('', 'kthreadd')` → `'[kthreadd]'`.
 */
export function formatCommand(cmdline: string, comm: string, redact: boolean): string {
  let end = cmdline.length;
  while (end > 0 && cmdline.charCodeAt(end - 1) === 0) end--;
  if (end === 0) return `[${comm}]`;
  const args = cmdline.slice(0, end);
  if (redact) {
    const nul = args.indexOf('\0');
    return nul < 0 ? args : args.slice(0, nul);
  }
  return args.replaceAll('\0', ' ');
}

/**
 * Picks one cgroup path from `/proc/PID/cgroup`: the v2 (`0::`) path unless it is `/`, else the
 * `name=systemd` path unless `/`, else the first other v1 path that is not `/`. A process at
 * the root of every hierarchy gets `/`; an empty file gives `undefined`.
 * `pickCgroup('4:memory:/kubepods/x\n0::/\n')` → `'/kubepods/x'`.
 */
export function pickCgroup(text: string): string | undefined {
  let v2: string | undefined;
  let systemd: string | undefined;
  let v1: string | undefined;
  let any: string | undefined;
  for (const line of text.split('\n')) {
    const a = line.indexOf(':');
    const b = a < 0 ? -1 : line.indexOf(':', a + 1);
    if (b < 0) continue;
    const path = line.slice(b + 1);
    any ??= path;
    if (path === '/' || path === '') continue;
    const controllers = line.slice(a + 1, b);
    if (line.startsWith('0::')) v2 = path;
    else if (controllers === 'name=systemd') systemd = path;
    else v1 ??= path;
  }
  return v2 ?? systemd ?? v1 ?? any;
}

const LINK = /^([a-z]+):\[(\d+)\]$/;

/**
 * Parses a namespace link target. `parseNsLink('net:[4026531840]')` → `{ type: 'net', inode: 4026531840 }`.
 * Anything else (an empty `pid_for_children`, an unknown type) → `undefined`.
 */
export function parseNsLink(target: string): { type: NsType; inode: number } | undefined {
  const m = LINK.exec(target);
  if (!m || !isNsType(m[1])) return undefined;
  return { type: m[1], inode: Number(m[2]) };
}

/** Undoes the octal escapes (`\040` space, `\011` tab, `\012` newline, `\134` backslash) of mountinfo. */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/** A namespace kept alive by a bind mount of its nsfs file (`ip netns add`, CNI, runtimes). */
export interface NsfsMount {
  type: NsType;
  inode: number;
  mountPoint: string;
}

/**
 * Finds nsfs mounts in `/proc/self/mountinfo`: fstype (after the ` - ` separator) is `nsfs`, the
 * root field (4th) is the link target and the 5th the mount point.
 * `'540 29 0:4 net:[4026532281] /run/netns/cni-1 rw - nsfs nsfs rw'` → `[{ type: 'net', inode: 4026532281, mountPoint: '/run/netns/cni-1' }]`.
 */
export function parseNsfsMounts(text: string): NsfsMount[] {
  const out: NsfsMount[] = [];
  for (const line of text.split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0 || !line.startsWith('nsfs ', sep + 3)) continue;
    const fields = line.slice(0, sep).split(' ');
    const ns = parseNsLink(fields[3] ?? '');
    const mountPoint = fields[4];
    if (ns && mountPoint) out.push({ ...ns, mountPoint: unescapeMount(mountPoint) });
  }
  return out;
}

/**
 * uid → user name from `/etc/passwd`; the first entry for a uid wins, like getpwuid.
 * `parsePasswd('root:x:0:0::/root:/bin/sh\n')` → `Map { 0 → 'root' }`.
 */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [name, , uid] = line.split(':', 3);
    const n = Number(uid);
    if (name && uid && Number.isSafeInteger(n) && !users.has(n)) users.set(n, name);
  }
  return users;
}
