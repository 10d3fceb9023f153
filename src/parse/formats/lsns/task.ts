import type { NsType } from '../../../protocol/snapshot.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import type { ParseContext } from '../../types.ts';
import { isLsnsCommand, type LsnsArgs } from './argv.ts';
import type { LsnsRow } from './row.ts';

/**
 * Who the output is about, beyond its rows: the PID queried with `lsns -p PID`, and the
 * namespace whose processes `lsns <inode>` lists.
 */

/** Where the PID of `lsns -p PID` comes from. */
export type Queried =
  /** The command line says `-p PID`. */
  | { from: 'argv'; pid: number }
  /** The context names a PID but no command line says `-p`: the rows must agree. */
  | { from: 'context'; pid: number }
  /** Nothing says: the rows may still prove it (see `inferQueried`). */
  | { from: 'rows' }
  /** A command line without `-p`: a plain namespace list. */
  | undefined;

/** The PID of `lsns -p PID` from the command line, else from the context, else the rows. */
export function knownQueried(args: LsnsArgs, ctx: ParseContext, b: FragmentBuilder): Queried {
  if (isLsnsCommand(ctx.argv)) {
    if (args.pid !== undefined && ctx.pid !== undefined && ctx.pid !== args.pid) {
      b.warn(
        undefined,
        `the command line queries PID ${args.pid} but the context says PID ${ctx.pid}; using ${args.pid}`,
      );
    }
    return args.pid === undefined ? undefined : { from: 'argv', pid: args.pid };
  }
  // `nsenter -t PID lsns` sets ctx.pid to the nsenter target, which is not a `-p` query
  if (ctx.pid !== undefined && ctx.via?.tool !== 'nsenter')
    return { from: 'context', pid: ctx.pid };
  return { from: 'rows' };
}

/**
 * Without a command line, output with exactly one row per namespace type may be `lsns -p X`
 * (or a host where every process shares every namespace). X is known only when some row has
 * NPROCS 1: its PID is the only process of that namespace, and X is in every listed namespace,
 * so X is that PID — provided no row's lowest PID is above it. Otherwise say X is unknown.
 * `rows` are the typed rows of the whole output, one per type.
 */
export function inferQueried(rows: readonly LsnsRow[], b: FragmentBuilder): number | undefined {
  if (rows.length < 2) return undefined;
  const solos = new Set(
    rows.filter((r) => r.nprocs === 1 && r.pid !== undefined).map((r) => r.pid!),
  );
  if (solos.size === 1) {
    const x = [...solos][0]!;
    const solo = rows.find((r) => r.pid === x && r.nprocs === 1)!;
    const consistent = rows.every(
      (r) => (r.pid === undefined || r.pid <= x) && (r.nprocs ?? 1) >= 1,
    );
    if (consistent) {
      b.warn(
        rows[0]!.line,
        `no command line given: read as \`lsns -p ${x}\` (one row per namespace type, and PID ${x} is the only process of ${solo.type} namespace ${solo.ns}, so it is in every namespace listed)`,
      );
      return x;
    }
  }
  b.warn(
    rows[0]!.line,
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
 * from the fixed initial inodes.
 */
export function procsTarget(args: LsnsArgs): Target {
  const inode = args.inode;
  if (inode === undefined) return {};
  const type = new Set(args.types).size === 1 ? args.types[0] : FIXED_INODES.get(inode);
  return type === undefined ? { inode } : { inode, type };
}

/** Says honestly why `n` listed processes got no namespace membership. */
export function targetWarning(
  args: LsnsArgs,
  line: number | undefined,
  n: number,
  b: FragmentBuilder,
): void {
  const inode = args.inode;
  if (inode === undefined) {
    b.warn(
      line,
      `this is the process list of \`lsns <inode>\`, but the inode is unknown (no command line given): ${n} processes recorded without namespace membership`,
    );
  } else {
    b.warn(
      line,
      `the type of namespace ${inode} is unknown: \`lsns ${inode}\` does not print it (\`lsns -t TYPE ${inode}\` would), so ${n} processes were recorded without namespace membership`,
    );
  }
}
