import type { NamespaceRow, NsType, ProcessRow } from '../../../protocol/snapshot.ts';
import { nsGet, nsSet } from '../../../model/nsMap.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import type { ParseContext } from '../../types.ts';
import type { LsnsArgs } from './argv.ts';
import type { LsnsRow } from './row.ts';
import {
  inferQueried,
  knownQueried,
  procsTarget,
  targetWarning,
  type Queried,
  type Target,
} from './task.ts';

/**
 * Turns rows into snapshot facts as they arrive. A namespace-list row says: namespace
 * (TYPE, NS) exists with its NPROCS, owner, parent, NSFS and NETNSID, and its PID (the lowest)
 * is a member. A tree says more: under the process tree a row's PID is the child of its parent
 * row's PID; under `-T` a row's namespace is owned by (or is the child of) its parent row's.
 */

/** What the nesting of rows means: JSON `children` do not say it themselves. */
export type Relation = 'process' | 'namespace' | undefined;

/** How many rows `lsns -p` can print: one per namespace type. */
const MAX_TYPES = 8;

function processFacts(p: ProcessRow, row: LsnsRow): void {
  if (row.ppid !== undefined) p.ppid ??= row.ppid;
  const command = row.command;
  if (command !== undefined) {
    // a terminal cuts COMMAND; keep the longest version seen of the same command line
    if (
      p.command === undefined ||
      (command.length > p.command.length && command.startsWith(p.command))
    ) {
      p.command = command;
    }
  }
  if (row.user !== undefined) p.user ??= row.user;
  if (row.uid !== undefined) p.uid ??= row.uid;
}

function set(
  b: FragmentBuilder,
  ns: NamespaceRow,
  key: 'owner' | 'parent',
  value: number,
  line: number,
): void {
  const known = ns[key];
  if (known === undefined) ns[key] = value;
  else if (known !== value) {
    b.warn(
      line,
      `${ns.type} namespace ${ns.inode} has two ${key}s (${known} and ${value}); keeping ${known}`,
    );
  }
}

function namespaceFacts(b: FragmentBuilder, ns: NamespaceRow, row: LsnsRow): void {
  if (row.nprocs !== undefined) ns.nprocs ??= row.nprocs;
  // 0 means "none": the initial user namespace has no owner, only pid/user have parents
  if (row.ons !== undefined && row.ons > 0) set(b, ns, 'owner', row.ons, row.line);
  if (row.pns !== undefined && row.pns > 0) set(b, ns, 'parent', row.pns, row.line);
  if (row.netnsid !== undefined) ns.netnsid ??= row.netnsid;
  if (row.nsfs) {
    const all = ns.nsfs ?? [];
    for (const p of row.nsfs) if (!all.includes(p)) all.push(p);
    ns.nsfs = all;
  }
}

/** PID named by a PATH cell (`/proc/4242/ns/net`), which proves membership like PID does. */
function pathPid(row: LsnsRow): number | undefined {
  const m = row.path === undefined ? null : /^\/proc\/(\d{1,10})\/ns\/([a-z]{2,8})$/.exec(row.path);
  if (!m || (row.type !== undefined && m[2] !== row.type)) return undefined;
  return Number(m[1]);
}

/**
 * `b.membership(pid, type, inode, line)` for a namespace row this recorder has made already
 * with `b.namespace`: a first membership is written directly (all that membership() would do
 * besides a second, string-keyed, namespace lookup), anything else goes through the builder,
 * which warns about contradictions.
 */
function member(
  b: FragmentBuilder,
  p: ProcessRow,
  type: NsType,
  inode: number,
  line: number,
): void {
  // nsGet/nsSet: named property access, much cheaper than `p.namespaces[type]` (see nsMap.ts)
  const known = nsGet(p.namespaces, type);
  if (known === undefined) nsSet(p.namespaces, type, inode);
  else if (known !== inode) b.membership(p.pid, type, inode, line);
}

/** Owner/parent links from a `-T` tree: exact from the two rows' types alone. */
function namespaceLink(b: FragmentBuilder, ns: NamespaceRow, row: LsnsRow, up: LsnsRow): void {
  if (up.ns === undefined || up.type === undefined) return;
  // an owner tree hangs everything under user namespaces; a parent tree links pid to pid and
  // user to user — and a user namespace's owner is its parent, so user-under-user is both
  if (up.type === 'user') set(b, ns, 'owner', up.ns, row.line);
  if (up.type === row.type && (row.type === 'pid' || row.type === 'user'))
    set(b, ns, 'parent', up.ns, row.line);
}

/**
 * Receives rows in output order and records them. Keeps only the tree's current ancestors
 * and, while a `-p` PID may still have to be inferred, at most 8 rows.
 */
export class Recorder {
  private mode: 'list' | 'procs' = 'list';
  /** JSON rows arrive with their parent set; text rows are linked here by depth. */
  private json = false;
  private nested: Relation;
  /** The `-p` PID when the command line gives it: recorded row by row. */
  private queried: ProcessRow | undefined;
  /** The `-p` PID still to be confirmed (context) or found (rows) once all rows are in. */
  private pending: Queried;
  /** Typed rows while each type has appeared once: what a `-p` output can be. */
  private candidates: LsnsRow[] | undefined;
  private target: Target = {};
  /** The namespace of the previous row: `lsns <inode>` lists one namespace on every row. */
  private last: NamespaceRow | undefined;
  private readonly stack: (LsnsRow | undefined)[] = [];
  private top = 0;
  private unnamed = 0;
  private first: LsnsRow | undefined;
  private named = false;
  private lastProcess: ProcessRow | undefined;
  rows = 0;
  /** A namespace list drew tree art (2.38+). */
  art = false;

  constructor(
    private readonly b: FragmentBuilder,
    private readonly args: LsnsArgs,
    private readonly ctx: ParseContext,
  ) {}

  /**
   * Called once the reader knows what the rows are (header, keys) and before any row. JSON
   * readers pass what their `children` nesting means.
   */
  begin(mode: 'list' | 'procs', json?: { relation: Relation }): void {
    this.mode = mode;
    this.json = json !== undefined;
    this.nested = json?.relation;
    if (mode === 'procs') this.target = procsTarget(this.args);
    else {
      const q = knownQueried(this.args, this.ctx, this.b);
      if (q?.from === 'argv') this.queried = this.b.process(q.pid);
      else if (q) {
        this.pending = q;
        this.candidates = [];
      }
    }
  }

  /**
   * The builder's row of `pid`. A process owns its namespaces together, so lsns lists them on
   * neighbouring rows (sorted by inode, they were made one after another): the last row found
   * is kept at hand rather than looked up again.
   */
  private process(pid: number): ProcessRow {
    if (this.lastProcess?.pid !== pid) this.lastProcess = this.b.process(pid);
    return this.lastProcess;
  }

  /** Parent of a text row from its depth: the latest row one level up. */
  private link(row: LsnsRow): void {
    const d = row.depth;
    if (d > 0 && d - 1 < this.top) row.parent = this.stack[d - 1];
    // a jump of several levels leaves the levels in between unknown
    for (let k = Math.min(this.top, d); k < d; k++) this.stack[k] = undefined;
    this.stack[d] = row;
    this.top = d + 1;
  }

  add(row: LsnsRow): void {
    this.rows++;
    this.first ??= row;
    if (!this.json) this.link(row);
    if (row.art !== undefined && this.mode === 'list') this.art = true;
    const b = this.b;
    const type = row.type ?? this.target.type;
    const inode = row.ns ?? this.target.inode;
    const fromPath = row.path === undefined ? undefined : pathPid(row);
    if (row.pid !== undefined && fromPath !== undefined && fromPath !== row.pid) {
      b.warn(row.line, `PATH names PID ${fromPath} but PID is ${row.pid}`);
    }
    const pid = row.pid ?? fromPath;
    const p = pid === undefined ? undefined : this.process(pid);
    let ns: NamespaceRow | undefined;
    if (type !== undefined && inode !== undefined) {
      this.named = true;
      const last = this.last;
      ns = last && last.inode === inode && last.type === type ? last : b.namespace(type, inode);
      this.last = ns;
      if (this.mode === 'list') namespaceFacts(b, ns, row);
      if (p) member(b, p, type, inode, row.line);
      if (this.queried) member(b, this.queried, type, inode, row.line);
      if (this.candidates) this.collect(row);
    } else if (this.mode === 'procs' && p) this.unnamed++;
    if (p) processFacts(p, row);
    const up = row.parent;
    if (!up) return;
    const rel = row.art === 'command' ? 'process' : row.art === 'ns' ? 'namespace' : this.nested;
    if (rel === 'process') {
      if (p && up.pid !== undefined && up.pid !== pid) p.ppid ??= up.pid;
    } else if (rel === 'namespace' && ns) namespaceLink(b, ns, row, up);
  }

  /** `-p` inference needs one row per type; a repeated type ends it (this is no `-p` output). */
  private collect(row: LsnsRow): void {
    const c = this.candidates!;
    if (c.length >= MAX_TYPES || c.some((r) => r.type === row.type)) this.candidates = undefined;
    else c.push({ ...row, parent: undefined });
  }

  /** The `-p` PID once every row is in: confirmed from the context, or inferred. */
  private settleQueried(): void {
    const b = this.b;
    const pending = this.pending;
    if (!pending) return;
    const rows = this.candidates;
    let x: number | undefined;
    if (pending.from === 'context') {
      if (rows) x = pending.pid;
      else {
        b.warn(
          this.first?.line,
          `the context names PID ${pending.pid}, but a namespace type appears twice, so this is no \`lsns -p\` output; PID ${pending.pid} was not recorded in its namespaces`,
        );
      }
    } else if (rows) x = inferQueried(rows, b);
    if (x === undefined || !rows) return;
    const q = b.process(x);
    for (const r of rows) member(b, q, r.type!, r.ns!, r.line);
  }

  finish(): void {
    const b = this.b;
    this.settleQueried();
    if (this.mode === 'procs' && this.unnamed > 0)
      targetWarning(this.args, this.first?.line, this.unnamed, b);
    if (this.mode === 'list' && this.rows > 0 && !this.named) {
      b.warn(
        this.first?.line,
        'without NS and TYPE columns the rows name processes but no namespaces',
      );
    }
  }
}
