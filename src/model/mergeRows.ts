import type {
  ContainerRow,
  NamespaceRow,
  NsType,
  PodRow,
  ProcessRow,
  Snapshot,
} from '../protocol/snapshot.ts';
import type { MergeInput, MergeIssue } from './merge.ts';
import { InodeMap, nsGet, nsSet } from './nsMap.ts';
import { mergeFields, preferFullCommand } from './rowMerge.ts';

const PROCESS_SKIP = new Set(['node', 'pid', 'namespaces', 'command', 'forChildren']);
const NS_SKIP = new Set(['node', 'type', 'inode']);
export const ROW_SKIP = new Set(['node', 'id', 'key']);

/**
 * The merged rows of one node, keyed by what identifies them (PID, namespace type and inode, id),
 * so that a 10,000-process capture does not build and hash a `node + pid` string for every row
 * of every input.
 */
export interface NodeRows {
  /** PID → index of its row in `out.processes` (and in `RowTables.origin`). */
  procs: Map<number, number>;
  /** Type → inode → row. */
  nss: Map<string, InodeMap<NamespaceRow>>;
  ctrs: Map<string, ContainerRow>;
  pods: Map<string, PodRow>;
}

/**
 * The merge's row tables, per node, and the rules for combining a row with the one already
 * kept. New rows are appended to `out` in the order they are first seen. Rows of one node come
 * in runs, so the last node's tables are kept at hand.
 */
export class RowTables {
  private readonly byNode = new Map<string, NodeRows>();
  /**
   * Where each process row was first seen, by its index in `out.processes`: the index of its
   * input × 2, + 1 when that row named no node (a number array, not one more 10,000-entry map).
   */
  private readonly origin: number[] = [];
  private lastNode: string | undefined;
  private lastRows: NodeRows | undefined;

  constructor(
    private readonly out: Snapshot,
    private readonly issues: MergeIssue[],
    private readonly inputs: readonly MergeInput[],
    /** Reuse the inputs' rows instead of copying them (`MergeOptions.consume`). */
    private readonly own: boolean,
  ) {}

  of(node: string): NodeRows {
    if (node === this.lastNode) return this.lastRows!;
    let rows = this.byNode.get(node);
    if (!rows) {
      rows = { procs: new Map(), nss: new Map(), ctrs: new Map(), pods: new Map() };
      this.byNode.set(node, rows);
    }
    this.lastNode = node;
    this.lastRows = rows;
    return rows;
  }

  /** Inode → row of one namespace type on one node. */
  namespacesOf(rows: NodeRows, type: string): InodeMap<NamespaceRow> {
    let byInode = rows.nss.get(type);
    if (!byInode) {
      byInode = new InodeMap();
      rows.nss.set(type, byInode);
    }
    return byInode;
  }

  /**
   * Process rows of input `index`; `unnamed` is the node of rows that name none. `strict` (no
   * `--node`): a contradiction between two inputs that both name no node is an error.
   */
  addProcesses(index: number, list: readonly ProcessRow[], unnamed: string, strict: boolean): void {
    const source = this.inputs[index]!.source;
    const conflict = (f: string, a: unknown, b: unknown, p: Partial<ProcessRow>): void =>
      warn(
        this.issues,
        source,
        `PID ${p.pid}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
      );
    const out = this.out.processes;
    // Indexed loops here and below: this runs once per parse, mostly before the optimizing
    // compiler steps in, and an unoptimized for…of allocates an iterator result per row.
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const node = p.node || unnamed;
      const rows = this.of(node);
      const at = rows.procs.get(p.pid);
      if (at === undefined) {
        // Before `adopt`, which fills in the node.
        this.origin.push(index * 2 + (p.node ? 0 : 1));
        rows.procs.set(p.pid, out.length);
        out.push(this.own ? adopt(p, node) : cloneProcess(p, node));
        continue;
      }
      const kept = out[at]!;
      const ns = p.namespaces;
      if (this.own && isEmpty(kept.namespaces) && allUnset(kept.namespaces, ns)) {
        // The loop below would copy every entry in order: take the consumed object instead.
        kept.namespaces = ns;
      } else {
        const keptNs = kept.namespaces;
        // for…in visits the keys in the order Object.entries does, without building pairs.
        for (const key in ns) {
          const type = key as NsType;
          const inode = nsGet(ns, type)!;
          const k = nsGet(keptNs, type);
          if (k === undefined) nsSet(keptNs, type, inode);
          else if (k !== inode) this.nsConflict(this.origin[at]!, index, p, type, k, inode, strict);
        }
      }
      if (p.forChildren) kept.forChildren = { ...p.forChildren, ...kept.forChildren };
      if (p.command !== undefined) {
        if (kept.command === undefined) kept.command = p.command;
        else kept.command = preferFullCommand(kept.command, p.command) ?? kept.command;
      }
      mergeFields(kept, p, PROCESS_SKIP, conflict);
    }
  }

  private nsConflict(
    first: number,
    index: number,
    p: ProcessRow,
    type: NsType,
    k: number,
    inode: number,
    strict: boolean,
  ): void {
    const source = this.inputs[index]!.source;
    const firstSource = this.inputs[first >> 1]!.source;
    const crossMachine = firstSource !== source && (first & 1) === 1 && !p.node && strict;
    const msg = `PID ${p.pid} is in ${type} namespace ${k} according to ${firstSource} but ${inode} here; keeping ${k}`;
    if (crossMachine) {
      this.issues.push({
        source,
        level: 'error',
        message: `${msg}. These inputs name no node and disagree, so they look like captures of different machines (or of one machine at different times): name each node with --node NAME`,
      });
    } else warn(this.issues, source, msg);
  }

  addNamespaces(source: string, list: readonly NamespaceRow[], unnamed: string): void {
    // NPROCS differs between captures taken moments apart (processes come and go), so those
    // differences are summed up in one warning per input; other differing fields are named
    // one by one. The first value is kept: the later one is the truth only by chance.
    let nprocsDiffs = 0;
    let example = '';
    const conflict = (f: string, a: unknown, b: unknown, n: Partial<NamespaceRow>): void => {
      if (f === 'nprocs') {
        if (nprocsDiffs++ === 0) example = `${n.type} namespace ${n.inode}: ${fmt(a)} vs ${fmt(b)}`;
        return;
      }
      warn(
        this.issues,
        source,
        `${n.type} namespace ${n.inode}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
      );
    };
    this.addNamespaceRows(list, unnamed, conflict);
    if (nprocsDiffs > 0) {
      warn(
        this.issues,
        source,
        `${nprocsDiffs} namespace(s) have another process count (NPROCS) here than in an earlier input, as captures taken at different moments do (e.g. ${example}); the earlier counts are kept`,
      );
    }
  }

  private addNamespaceRows(
    list: readonly NamespaceRow[],
    unnamed: string,
    conflict: (f: string, a: unknown, b: unknown, n: Partial<NamespaceRow>) => void,
  ): void {
    for (let i = 0; i < list.length; i++) {
      const n = list[i]!;
      const node = n.node || unnamed;
      const byInode = this.namespacesOf(this.of(node), n.type);
      const kept = byInode.get(n.inode);
      if (kept) {
        mergeFields(kept, n, NS_SKIP, conflict);
        continue;
      }
      const row: NamespaceRow = this.own
        ? adopt(n, node)
        : { ...n, node, ...(n.nsfs ? { nsfs: [...n.nsfs] } : {}) };
      byInode.set(n.inode, row);
      this.out.namespaces.push(row);
    }
  }

  addContainers(source: string, list: readonly ContainerRow[], unnamed: string): void {
    const conflict = (f: string, a: unknown, b: unknown, c: Partial<ContainerRow>): void =>
      warn(
        this.issues,
        source,
        `container ${c.id}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
      );
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const node = c.node || unnamed;
      const rows = this.of(node);
      const kept = rows.ctrs.get(c.id);
      if (kept) {
        mergeFields(kept, c, ROW_SKIP, conflict);
        continue;
      }
      const row = this.own ? adopt(c, node) : { ...c, node };
      rows.ctrs.set(c.id, row);
      this.out.containers.push(row);
    }
  }

  addPods(source: string, list: readonly PodRow[], unnamed: string): void {
    const conflict = (f: string, a: unknown, b: unknown, p: Partial<PodRow>): void =>
      warn(
        this.issues,
        source,
        `pod ${p.key}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
      );
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      const node = p.node || unnamed;
      const rows = this.of(node);
      const kept = rows.pods.get(p.key);
      if (kept) {
        mergeFields(kept, p, ROW_SKIP, conflict);
        continue;
      }
      const row = this.own ? adopt(p, node) : { ...p, node, ...(p.ips ? { ips: [...p.ips] } : {}) };
      rows.pods.set(p.key, row);
      this.out.pods.push(row);
    }
  }
}

/** A consumed input's row, now the merged row: only its node is filled in (in place). */
function adopt<T extends { node: string }>(row: T, node: string): T {
  if (row.node !== node) row.node = node;
  return row;
}

/** True when `o` has no enumerable keys. */
function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * True when every key of `incoming` reads as undefined on `kept`, i.e. merging would set each
 * one in turn (a key like `__proto__` or `constructor` reads otherwise and takes the loop).
 */
function allUnset(kept: ProcessRow['namespaces'], incoming: ProcessRow['namespaces']): boolean {
  for (const key in incoming) if (nsGet(kept, key as NsType) !== undefined) return false;
  return true;
}

function cloneProcess(p: ProcessRow, node: string): ProcessRow {
  const copy: ProcessRow = { ...p, node, namespaces: { ...p.namespaces } };
  if (p.forChildren) copy.forChildren = { ...p.forChildren };
  return copy;
}

/**
 * Every inode a process is in gets a namespace row, so the graph has no dangling links.
 * Neighbouring processes mostly share namespaces: an inode the previous process of the same
 * node had for that type was seen to just now and is not looked up again.
 */
export function ensureNamespaceRows(s: Snapshot, tables: RowTables): void {
  let prevNode: string | undefined;
  let prev: ProcessRow['namespaces'] | undefined;
  const list = s.processes;
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    const ns = p.namespaces;
    const same = p.node === prevNode ? prev : undefined;
    let rows: NodeRows | undefined;
    for (const key in ns) {
      const type = key as NsType;
      const inode = nsGet(ns, type);
      if (inode === undefined || (same !== undefined && nsGet(same, type) === inode)) continue;
      rows ??= tables.of(p.node);
      const byInode = tables.namespacesOf(rows, type);
      if (!byInode.has(inode)) {
        const row: NamespaceRow = { node: p.node, type, inode };
        byInode.set(inode, row);
        s.namespaces.push(row);
      }
    }
    prevNode = p.node;
    prev = ns;
  }
}

export function warn(issues: MergeIssue[], source: string, message: string): void {
  issues.push({ source, level: 'warning', message });
}

export function fmt(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
