import {
  NS_TYPES,
  type NsType,
  type Scope,
  type SummaryContainer,
} from '../../protocol/snapshot.ts';

/** One drawn cell of a pod matrix: a namespace, spanning the rows of the containers in it. */
export interface MatrixCell {
  type: NsType;
  /** Absent when the input does not say which namespace of this type the container is in. */
  inode?: number;
  scope?: Scope;
  /** Number of consecutive rows (containers) this cell covers, at least 1. */
  rowSpan: number;
}

export interface MatrixRow {
  container: SummaryContainer;
  /** The cells that start on this row, in column order (covered columns are left out). */
  cells: MatrixCell[];
}

/** Anything drawn as a matrix row: a container, or one of its processes. */
export interface HasNamespaces {
  namespaces: Partial<Record<NsType, { inode: number; scope: Scope }>>;
}

/**
 * Lays out a pod's container × namespace-type matrix: in each column, consecutive rows in the
 * same namespace merge into one cell with a rowSpan, so sharing reads as one block. Unknown
 * namespaces never merge. HTML tables place the remaining cells themselves.
 *
 * `matrixRows([pause{net:1,mnt:2}, app{net:1,mnt:3}], ['net','mnt'])` →
 * `[{pause, [net 1 ×2, mnt 2]}, {app, [mnt 3]}]`.
 */
export function matrixRows(
  containers: readonly SummaryContainer[],
  types: readonly NsType[] = NS_TYPES,
): MatrixRow[] {
  return spanRows(containers, types).map(({ item, cells }) => ({ container: item, cells }));
}

/**
 * The same layout for any rows, e.g. containers with their processes expanded beneath them:
 * a process in its container's namespace continues the container's cell.
 */
export function spanRows<T extends HasNamespaces>(
  items: readonly T[],
  types: readonly NsType[] = NS_TYPES,
): { item: T; cells: MatrixCell[] }[] {
  const rows = items.map((item) => ({ item, cells: [] as MatrixCell[] }));
  for (const type of types) {
    let open: MatrixCell | undefined;
    for (const row of rows) {
      const ns = row.item.namespaces[type];
      if (ns && open?.inode === ns.inode) {
        open.rowSpan++;
        continue;
      }
      open = ns ? { type, inode: ns.inode, scope: ns.scope, rowSpan: 1 } : { type, rowSpan: 1 };
      row.cells.push(open);
      if (!ns) open = undefined;
    }
  }
  return rows;
}
