import type { NsType } from '../../../protocol/snapshot.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import type { ParseContext } from '../../types.ts';
import { isLsnsCommand, type LsnsArgs } from './argv.ts';
import type { LsnsRow } from './row.ts';

/**
 * Who the output is about, beyond its rows: the PID queried with `lsns -p PID`, and the
 * namespace whose processes `lsns <inode>` lists.
 */

/**
 * The PID of `lsns -p PID`: from the command line, else from the context, else inferred
 * where the rows prove it (see `inferQueried`); undefined for a plain namespace list.
 */
export function queriedPid(
  rows: readonly LsnsRow[],
  args: LsnsArgs,
  ctx: ParseContext,
  b: FragmentBuilder,
): number | undefined {
  if (isLsnsCommand(ctx.argv)) {
    if (args.pid !== undefined && ctx.pid !== undefined && ctx.pid !== args.pid) {
      b.warn(
        undefined,
        `the command line queries PID ${args.pid} but the context says PID ${ctx.pid}; using ${args.pid}`,
      );
    }
    return args.pid;
  }
  // `nsenter -t PID lsns` sets ctx.pid to the nsenter target, which is not a `-p` query
  if (ctx.pid !== undefined && ctx.via?.tool !== 'nsenter') return ctx.pid;
  return inferQueried(rows, b);
}

/**
 * Without a command line, output with exactly one row per namespace type may be `lsns -p X`
 * (or a host where every process shares every namespace). X is known only when some row has
 * NPROCS 1: its PID is the only process of that namespace, and X is in every listed namespace,
 * so X is that PID — provided no row's lowest PID is above it. Otherwise say X is unknown.
 */
function inferQueried(rows: readonly LsnsRow[], b: FragmentBuilder): number | undefined {
  const typed = rows.filter((r) => r.type !== undefined && r.ns !== undefined);
  if (typed.length < 2) return undefined;
  const types = new Set(typed.map((r) => r.type));
  if (types.size !== typed.length) return undefined;
  const solos = new Set(
    typed.filter((r) => r.nprocs === 1 && r.pid !== undefined).map((r) => r.pid!),
  );
  if (solos.size === 1) {
    const x = [...solos][0]!;
    const solo = typed.find((r) => r.pid === x && r.nprocs === 1)!;
    const consistent = typed.every(
      (r) => (r.pid === undefined || r.pid <= x) && (r.nprocs ?? 1) >= 1,
    );
    if (consistent) {
      b.warn(
        typed[0]!.line,
        `no command line given: read as \`lsns -p ${x}\` (one row per namespace type, and PID ${x} is the only process of ${solo.type} namespace ${solo.ns}, so it is in every namespace listed)`,
      );
      return x;
    }
  }
  b.warn(
    typed[0]!.line,
    'one row per namespace type, as `lsns -p PID` prints: if this is such output, the queried PID is unknown (no command line given), so only the lowest PID of each namespace was recorded as its member',
  );
  return undefined;
}

/**
 * The kernel's initial namespaces have fixed inodes (include/linux/proc_ns.h, PROC_*_INIT_INO,
 * 0xEFFFFFFF downwards); dynamic inodes start at 0xF0000000, so these numbers always mean
 * these types.
 */
const FIXED_INODES: ReadonlyMap<number, NsType> = new Map([
  [4026531839, 'ipc'],
  [4026531838, 'uts'],
  [4026531837, 'user'],
  [4026531836, 'pid'],
  [4026531835, 'cgroup'],
  [4026531834, 'time'],
  [4026531833, 'net'],
  [4026531832, 'mnt'],
]);

export interface Target {
  inode?: number;
  type?: NsType;
}

/**
 * The namespace of `lsns <inode>`: the inode from the command line; its type from a single
 * `-t TYPE` (lsns reads only namespaces of the filtered types, so the inode must be one) or
 * from the fixed initial inodes. Warns honestly when either is missing.
 */
export function procsTarget(args: LsnsArgs, rows: readonly LsnsRow[], b: FragmentBuilder): Target {
  const fromRows =
    rows[0]?.ns !== undefined
      ? rows.find((r) => r.ns !== undefined && r.type !== undefined)
      : undefined;
  if (fromRows) return { inode: fromRows.ns!, type: fromRows.type! };
  const count = () => new Set(rows.map((r) => r.pid).filter((p) => p !== undefined)).size;
  const inode = args.inode;
  if (inode === undefined) {
    b.warn(
      rows[0]?.line,
      `this is the process list of \`lsns <inode>\`, but the inode is unknown (no command line given): ${count()} processes recorded without namespace membership`,
    );
    return {};
  }
  const types = new Set(args.types);
  const type = types.size === 1 ? args.types[0] : FIXED_INODES.get(inode);
  if (type === undefined) {
    b.warn(
      rows[0]?.line,
      `the type of namespace ${inode} is unknown: \`lsns ${inode}\` does not print it (\`lsns -t TYPE ${inode}\` would), so ${count()} processes were recorded without namespace membership`,
    );
    return { inode };
  }
  return { inode, type };
}
