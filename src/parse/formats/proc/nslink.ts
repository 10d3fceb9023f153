import { NS_TYPES, type NsType, type ProcessRow } from '../../../protocol/snapshot.ts';
import { InodeMap, nsGet, nsSet, nsSlot } from '../../../model/nsMap.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import { toNsType } from '../../nstype.ts';

/** What a `/proc/PID/ns/<name>` link stands for. */
export interface NsLink {
  type: NsType;
  /** `pid_for_children` / `time_for_children`: the namespace the process's children get. */
  forChildren: boolean;
}

/**
 * The entries of `/proc/PID/ns` in shell-glob (and `ls`) order on kernels 5.6+. Older kernels
 * lack some: see `GLOB_ORDER_BY_COUNT`.
 */
export const NS_LINK_NAMES = [
  'cgroup',
  'ipc',
  'mnt',
  'net',
  'pid',
  'pid_for_children',
  'time',
  'time_for_children',
  'user',
  'uts',
] as const;

/**
 * `/proc/PID/ns/*` in glob order, keyed by how many links the kernel has: 10 on 5.6+ (time),
 * 8 on 4.12–5.5 (pid_for_children), 7 on 4.6–4.11 (cgroup), 6 on 3.8–4.5. Outputs that carry
 * only values (`readlink`, `stat -c %i`) are mapped back to names by this.
 */
export const GLOB_ORDER_BY_COUNT: ReadonlyMap<number, readonly string[]> = new Map<
  number,
  readonly string[]
>([
  [10, NS_LINK_NAMES],
  [8, ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'user', 'uts']],
  [7, ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts']],
  [6, ['ipc', 'mnt', 'net', 'pid', 'user', 'uts']],
]);

const LINKS: ReadonlyMap<string, NsLink> = new Map(
  NS_LINK_NAMES.map((name): [string, NsLink] => {
    const forChildren = name.endsWith('_for_children');
    const type = toNsType(forChildren ? name.slice(0, -'_for_children'.length) : name)!;
    return [name, { type, forChildren }];
  }),
);

/**
 * `nsLink('pid_for_children')` → `{ type: 'pid', forChildren: true }`; `nsLink('x')` → `undefined`.
 * Only the exact link names: OCI spellings (`network`) never name a link.
 */
export function nsLink(name: string): NsLink | undefined {
  return linkAt(name, 0, name.length);
}

/** A link's name and what it stands for: `linkAt` compares the one and returns the other. */
interface LinkName {
  name: string;
  link: NsLink;
}

const linkName = (name: string): LinkName => ({ name, link: LINKS.get(name)! });
/** Three-letter link names by first character (`uts` shares `u` with `user`, told by length). */
const SHORT: Readonly<Record<number, LinkName>> = {
  105: linkName('ipc'),
  109: linkName('mnt'),
  110: linkName('net'),
  112: linkName('pid'),
  117: linkName('uts'),
};
const TIME = linkName('time');
const USER = linkName('user');
const CGROUP = linkName('cgroup');
const PID_FOR_CHILDREN = linkName('pid_for_children');
const TIME_FOR_CHILDREN = linkName('time_for_children');

/**
 * The link named by `text[start, end)`, found by length and comparison rather than by slicing
 * and hashing a new string (this runs once per line of 10,000-process listings).
 */
export function linkAt(text: string, start: number, end: number): NsLink | undefined {
  let candidate: LinkName | undefined;
  switch (end - start) {
    case 3:
      candidate = SHORT[text.charCodeAt(start)];
      break;
    case 4:
      candidate = text.charCodeAt(start) === 116 ? TIME : USER;
      break;
    case 6:
      candidate = CGROUP;
      break;
    case 16:
      candidate = PID_FOR_CHILDREN;
      break;
    case 17:
      candidate = TIME_FOR_CHILDREN;
      break;
    default:
      return undefined;
  }
  return candidate !== undefined && sameAt(text, start, candidate.name)
    ? candidate.link
    : undefined;
}

/** `text` holds `word` at `at` (compared in place: cheaper than startsWith for short words). */
function sameAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++)
    if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Removes one pair of shell quotes that `ls` adds on terminals: `'net:[1]'` → `net:[1]`. */
export function unquote(text: string): string {
  const n = text.length;
  if (n >= 2) {
    const q = text[0];
    if ((q === "'" || q === '"') && text[n - 1] === q) return text.slice(1, n - 1);
  }
  return text;
}

/** The inode read by the last successful `readTarget` (a scratch, to spare an allocation). */
export const lastTarget = { inode: 0 };

/**
 * Reads the link target `text[from, to)` in place and returns its link type (inode in
 * `lastTarget.inode`), or `undefined`. It runs once per link of 10,000-process listings, so it
 * allocates nothing.
 * `readTarget("x -> 'net:[4026532001]'", 5)` → the `net` link, `lastTarget.inode` 4026532001.
 */
export function readTarget(text: string, from = 0, to = text.length): NsLink | undefined {
  let i = from;
  let end = to;
  while (i < end && isBlankCode(text.charCodeAt(i))) i++;
  while (end > i && isBlankCode(text.charCodeAt(end - 1))) end--;
  const q = text.charCodeAt(i);
  if ((q === 39 || q === 34) && end - i >= 2 && text.charCodeAt(end - 1) === q) {
    i++;
    end--;
  }
  if (text.charCodeAt(end - 1) !== 93 /* ] */) return undefined;
  const open = text.indexOf(':[', i);
  if (open <= i || open >= end) return undefined;
  const link = linkAt(text, i, open);
  if (link === undefined || link.forChildren) return undefined;
  let inode = 0;
  const digitsEnd = end - 1;
  if (digitsEnd === open + 2 || digitsEnd - open - 2 > 16) return undefined;
  for (let k = open + 2; k < digitsEnd; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return undefined;
    inode = inode * 10 + d;
  }
  if (inode === 0) return undefined;
  lastTarget.inode = inode;
  return link;
}

/**
 * Parses a link target. `parseTarget("'net:[4026532001]'")` → `{ type: 'net', inode: 4026532001 }`;
 * `parseTarget('net:4026532001')` → `undefined`.
 */
export function parseTarget(text: string, from = 0): { type: NsType; inode: number } | undefined {
  const link = readTarget(text, from);
  return link === undefined ? undefined : { type: link.type, inode: lastTarget.inode };
}

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Lowest plausible namespace inode. Namespace inodes are allocated from 0xF0000000 upwards and
 * the initial namespaces sit just below it; anything far lower is a file's own inode (e.g. from
 * `stat` without `-L`, which reports the symlink instead of the namespace).
 */
export const MIN_NS_INODE = 0xefff0000;

/**
 * Records namespace links into a builder, at the speed 10,000-process listings need: the
 * builder keys namespaces by a `type:inode` string, so each distinct namespace is registered
 * once here (numeric sets) and a membership the row does not have yet is written directly.
 * Repeats and contradictions still go through `FragmentBuilder.membership`, which owns the rule
 * (and the warning) for a PID listed in two namespaces of one type.
 */
export class LinkRecorder {
  /**
   * Inode → type of every namespace registered so far. Namespace inodes come from one
   * kernel-wide number space, so the inode alone is the key; the type check only guards
   * against contradictory input, which the builder then sorts out.
   */
  private readonly seen = new InodeMap<NsType>();
  /**
   * The inode last registered per type, by `NS_TYPES` index (NaN: none yet). Processes listed
   * one after another mostly share namespaces, and a number compared is cheaper than a map
   * asked (registering again would change nothing: the builder keeps one row per namespace).
   * A typed array holds the inodes unboxed: they are above the small-integer range.
   */
  private readonly last = new Float64Array(NS_TYPES.length).fill(NaN);
  private lastRow: ProcessRow | undefined;

  constructor(private readonly b: FragmentBuilder) {}

  /** Registers namespace `inode` of `type` once. */
  namespace(type: NsType, inode: number): void {
    const slot = nsSlot(type);
    if (this.last[slot] === inode) return;
    this.last[slot] = inode;
    const known = this.seen.get(inode);
    if (known === type) return;
    if (known === undefined) this.seen.set(inode, type);
    this.b.namespace(type, inode);
  }

  /** `pid` is in namespace `inode` of `type` (like `FragmentBuilder.membership`). */
  member(pid: number, type: NsType, inode: number, line: number): void {
    this.memberOf(this.row(pid), type, inode, line);
  }

  /** Same as `member` for a row the caller already holds. */
  memberOf(row: ProcessRow, type: NsType, inode: number, line: number): void {
    const current = nsGet(row.namespaces, type);
    if (current === undefined) {
      nsSet(row.namespaces, type, inode);
      this.namespace(type, inode);
    } else if (current !== inode) {
      this.b.membership(row.pid, type, inode, line);
    }
  }

  /** The builder's row of `pid`; the last one is kept, as a process's links come together. */
  private row(pid: number): ProcessRow {
    if (this.lastRow?.pid !== pid) this.lastRow = this.b.process(pid);
    return this.lastRow;
  }

  /**
   * Records one link of one process. With `pid` undefined only the namespace is recorded: the
   * caller has already warned why the process is unknown. `*_for_children` links go to
   * `ProcessRow.forChildren`, never to `namespaces`.
   */
  link(pid: number | undefined, link: NsLink, inode: number, line: number): void {
    if (pid === undefined) this.namespace(link.type, inode);
    else if (!link.forChildren) this.member(pid, link.type, inode, line);
    else this.forChildren(pid, link.type === 'time' ? 'time' : 'pid', inode, line);
  }

  private forChildren(pid: number, type: 'pid' | 'time', inode: number, line: number): void {
    const row = this.row(pid);
    const known = row.forChildren?.[type];
    if (known !== undefined && known !== inode) {
      this.b.warn(
        line,
        `PID ${pid} has two ${type}_for_children values (${known} and ${inode}); keeping ${known}`,
      );
      return;
    }
    (row.forChildren ??= {})[type] = inode;
    // The namespace exists even while no process is in it yet.
    this.namespace(type, inode);
  }
}
