import { isGlob, operands } from './argv.ts';
import { GLOB_ORDER_BY_COUNT, NS_LINK_NAMES } from './nslink.ts';
import { parseProcPath, type ProcPath } from './procpath.ts';

/**
 * Outputs that print only values (`readlink`, `stat -c %i`) lose the link names and PIDs. This
 * module restores them from the command line and from glob order.
 */

/** One link path named explicitly on the command line: `/proc/1/ns/net`. */
export interface NamedLink {
  path: ProcPath;
  name: string;
}

/**
 * The operands of a `readlink`/`stat` command that are explicit links (no glob left), or
 * `undefined` when any operand is not. `explicitLinks(['/proc/1/ns/net'])` →
 * `[{ path: { pid: 1, rest: 'ns/net' }, name: 'net' }]`.
 */
export function explicitLinks(args: readonly string[]): NamedLink[] | undefined {
  const out: NamedLink[] = [];
  // Only path operands count: `stat -c '%n %i'` has a format operand too.
  for (const arg of operands(args)) {
    if (!arg.startsWith('/')) continue;
    const path = parseProcPath(arg);
    if (path === undefined || isGlob(arg) || !path.rest.startsWith('ns/')) return undefined;
    out.push({ path, name: path.rest.slice(3) });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * The `/proc/PID/ns/*` globs of a command, one per process, in command-line order:
 * `globbedDirs(['-L', '/proc/7/ns/*'])` → `[{ pid: 7, rest: 'ns/*' }]`.
 */
export function globbedDirs(args: readonly string[]): ProcPath[] {
  const out: ProcPath[] = [];
  for (const arg of operands(args)) {
    const path = parseProcPath(arg);
    if (path !== undefined && path.rest === 'ns/*') out.push(path);
  }
  return out;
}

/** Glob-order position of a link name, used to notice where the next process begins. */
const ORDER = new Map<string, number>(NS_LINK_NAMES.map((n, i) => [n, i]));

/**
 * Splits a sequence of namespace types (one per printed line) into processes and names each
 * line, using glob order: a type that does not come later than the previous line's starts a
 * new process, and a second `pid`/`time` right after the first is `*_for_children`.
 * `nameByOrder(['pid', 'pid', 'user'])` → `[['pid', 'pid_for_children', 'user']]`.
 */
export function nameByOrder(types: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  let last = -1;
  for (const type of types) {
    let name = type;
    let pos = ORDER.get(type) ?? -1;
    const prev = current[current.length - 1];
    if ((type === 'pid' || type === 'time') && prev === type) {
      name = `${type}_for_children`;
      pos++;
    }
    if (pos <= last && current.length > 0) {
      blocks.push(current);
      current = [];
      name = type;
      pos = ORDER.get(type) ?? -1;
    }
    current.push(name);
    last = pos;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** The link names of a `/proc/PID/ns/*` glob that printed `count` lines, if a kernel has that many. */
export function namesForCount(count: number): readonly string[] | undefined {
  return GLOB_ORDER_BY_COUNT.get(count);
}
