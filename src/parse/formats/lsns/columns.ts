import type { NsType } from '../../../protocol/snapshot.ts';

/**
 * The lsns column catalogue (`infos[]` in util-linux `sys-utils/lsns.c`): names, how a table
 * aligns them, and the default column sets of each mode.
 */

export const COLUMN_NAMES = [
  'NS',
  'TYPE',
  'PATH',
  'NPROCS',
  'PID',
  'PPID',
  'COMMAND',
  'UID',
  'USER',
  'NETNSID',
  'NSFS',
  'PNS',
  'ONS',
] as const;
export type ColumnName = (typeof COLUMN_NAMES)[number];

/** The type names lsns prints, exactly (the OCI `network`/`mount` never appear). */
export const LSNS_TYPES: ReadonlyMap<string, NsType> = new Map(
  (['mnt', 'net', 'pid', 'uts', 'ipc', 'user', 'cgroup', 'time'] as const).map((t) => [t, t]),
);

/** What a cell may hold; drives the token grammar used when a table has no usable header. */
export type CellKind = 'int' | 'type' | 'path' | 'netnsid' | 'nsfs' | 'word' | 'text';

interface ColumnInfo {
  /** libsmartcols SCOLS_FL_RIGHT: the cell's last character sits under the header's last. */
  right: boolean;
  kind: CellKind;
}

const INFO: Readonly<Record<ColumnName, ColumnInfo>> = {
  NS: { right: true, kind: 'int' },
  TYPE: { right: false, kind: 'type' },
  PATH: { right: false, kind: 'path' },
  NPROCS: { right: true, kind: 'int' },
  PID: { right: true, kind: 'int' },
  PPID: { right: true, kind: 'int' },
  COMMAND: { right: false, kind: 'text' },
  UID: { right: true, kind: 'int' },
  USER: { right: false, kind: 'word' },
  NETNSID: { right: true, kind: 'netnsid' },
  NSFS: { right: false, kind: 'nsfs' },
  PNS: { right: true, kind: 'int' },
  ONS: { right: true, kind: 'int' },
};

const NAME_SET: ReadonlySet<string> = new Set(COLUMN_NAMES);
const CANONICAL: ReadonlyMap<string, ColumnName> = new Map(COLUMN_NAMES.map((c) => [c, c]));

/** `isColumnName('NPROCS')` → true; `isColumnName('CMD')` → false. */
export function isColumnName(name: string): name is ColumnName {
  return NAME_SET.has(name);
}

/**
 * The catalogue's own string for a column name read from text, else undefined.
 * `columnName('PID')` → `'PID'`. Code compares column names on every cell of every row; a name
 * cut from a header line is a new string whose every comparison reads its characters, while
 * the catalogue's literals compare by identity.
 */
export function columnName(name: string): ColumnName | undefined {
  return CANONICAL.get(name);
}

/**
 * Whether a table right-aligns the column. NS is left-aligned when it carries the `-T` tree.
 * `isRightAligned('PID', false)` → true; `isRightAligned('NS', true)` → false.
 */
export function isRightAligned(name: ColumnName, nsTree: boolean): boolean {
  if (name === 'NS' && nsTree) return false;
  return INFO[name].right;
}

export function cellKind(name: ColumnName): CellKind {
  return INFO[name].kind;
}

/** `lsns` namespace list. */
export const DEFAULT_LIST: readonly ColumnName[] = [
  'NS',
  'TYPE',
  'NPROCS',
  'PID',
  'USER',
  'COMMAND',
];
/** `lsns -t net` (2.32+). */
export const DEFAULT_NET: readonly ColumnName[] = [
  'NS',
  'TYPE',
  'NPROCS',
  'PID',
  'USER',
  'NETNSID',
  'NSFS',
  'COMMAND',
];
/** `lsns <inode>`: the processes of one namespace. */
export const DEFAULT_PROCS: readonly ColumnName[] = ['PID', 'PPID', 'USER', 'COMMAND'];
