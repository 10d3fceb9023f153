import type { NsType } from '../../../protocol/snapshot.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import { toNsType } from '../../nstype.ts';
import { parseUint } from './procpath.ts';

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

/** `nsLink('pid_for_children')` → `{ type: 'pid', forChildren: true }`; `nsLink('x')` → `undefined`. */
export function nsLink(name: string): NsLink | undefined {
  if (name === 'pid_for_children') return { type: 'pid', forChildren: true };
  if (name === 'time_for_children') return { type: 'time', forChildren: true };
  // `toNsType` also accepts OCI spellings (`network`), which never name a link; only exact names.
  const type = toNsType(name);
  return type !== undefined && type === name ? { type, forChildren: false } : undefined;
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

/**
 * Parses a link target. `parseTarget("'net:[4026532001]'")` → `{ type: 'net', inode: 4026532001 }`;
 * `parseTarget('net:4026532001')` → `undefined`.
 */
export function parseTarget(text: string): { type: NsType; inode: number } | undefined {
  const t = unquote(text.trim());
  const open = t.indexOf(':[');
  if (open <= 0 || t.charCodeAt(t.length - 1) !== 93 /* ] */) return undefined;
  const type = nsLink(t.slice(0, open));
  const inode = parseUint(t.slice(open + 2, t.length - 1));
  if (type === undefined || type.forChildren || inode === undefined || inode === 0)
    return undefined;
  return { type: type.type, inode };
}

/**
 * Lowest plausible namespace inode. Namespace inodes are allocated from 0xF0000000 upwards and
 * the initial namespaces sit just below it; anything far lower is a file's own inode (e.g. from
 * `stat` without `-L`, which reports the symlink instead of the namespace).
 */
export const MIN_NS_INODE = 0xefff0000;

/**
 * Records one link of one process. With `pid` undefined only the namespace is recorded: the
 * caller has already warned why the process is unknown. `*_for_children` links go to
 * `ProcessRow.forChildren`, never to `namespaces`.
 */
export function recordLink(
  b: FragmentBuilder,
  pid: number | undefined,
  link: NsLink,
  inode: number,
  line: number,
): void {
  if (pid === undefined) {
    b.namespace(link.type, inode);
    return;
  }
  if (!link.forChildren) {
    b.membership(pid, link.type, inode, line);
    return;
  }
  const type = link.type === 'time' ? 'time' : 'pid';
  const row = b.process(pid);
  const known = row.forChildren?.[type];
  if (known !== undefined && known !== inode) {
    b.warn(
      line,
      `PID ${pid} has two ${type}_for_children values (${known} and ${inode}); keeping ${known}`,
    );
    return;
  }
  row.forChildren = { ...row.forChildren, [type]: inode };
  // The namespace exists even while no process is in it yet.
  b.namespace(type, inode);
}
