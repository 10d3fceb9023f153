import type { NamespaceRow, NsType, ProcessRow } from '../../../protocol/snapshot.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import type { ParseContext } from '../../types.ts';
import { isLsnsCommand, type LsnsArgs } from './argv.ts';
import type { LsnsDoc, LsnsRow } from './row.ts';
import { procsTarget, queriedPid } from './task.ts';

/**
 * Turns rows into snapshot facts. A namespace-list row says: namespace (TYPE, NS) exists with
 * its NPROCS, owner, parent, NSFS and NETNSID, and its PID (the lowest) is a member. A tree
 * says more: under the process tree a row's PID is the child of its parent row's PID; under
 * `-T` a row's namespace is owned by (or is the child of) its parent row's namespace.
 */

/** How a row's tree parent relates to it. */
type Relation = 'process' | 'namespace' | undefined;

function processFacts(p: ProcessRow, row: LsnsRow): void {
  if (row.ppid !== undefined) p.ppid ??= row.ppid;
  if (row.command !== undefined) {
    // a terminal cuts COMMAND; keep the longest version seen of the same command line
    if (
      p.command === undefined ||
      (row.command.length > p.command.length && row.command.startsWith(p.command))
    ) {
      p.command = row.command;
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
  const m = row.path === undefined ? null : /^\/proc\/(\d+)\/ns\/([a-z]+)$/.exec(row.path);
  if (!m || (row.type !== undefined && m[2] !== row.type)) return undefined;
  return Number(m[1]);
}

/** Owner/parent links from a `-T` tree: exact from the two rows' types alone. */
function namespaceLink(b: FragmentBuilder, nss: Namespaces, row: LsnsRow, up: LsnsRow): void {
  if (
    row.ns === undefined ||
    row.type === undefined ||
    up.ns === undefined ||
    up.type === undefined
  )
    return;
  const ns = nss.get(row.type, row.ns);
  // an owner tree hangs everything under user namespaces; a parent tree links pid to pid and
  // user to user — and a user namespace's owner is its parent, so user-under-user is both
  if (up.type === 'user') set(b, ns, 'owner', up.ns, row.line);
  if (up.type === row.type && (row.type === 'pid' || row.type === 'user'))
    set(b, ns, 'parent', up.ns, row.line);
}

/**
 * What JSON `children` mean. Text trees show it by where the art is (COMMAND or NS); JSON
 * does not, so use the command line, else the rows: a child under a parent of another type
 * that is not `user` can only come from the process tree.
 */
function jsonRelation(
  doc: LsnsDoc,
  args: LsnsArgs,
  ctx: ParseContext,
  b: FragmentBuilder,
): Relation {
  if (!doc.nested) return undefined;
  if (doc.mode === 'procs') return 'process';
  if (isLsnsCommand(ctx.argv))
    return args.tree === 'owner' || args.tree === 'parent' ? 'namespace' : 'process';
  const proof = doc.rows.some(
    (r) => r.parent && r.parent.type !== 'user' && r.type !== undefined && r.parent.type !== r.type,
  );
  if (proof) return 'process';
  const first = doc.rows.find((r) => r.parent);
  b.warn(
    first?.line,
    'nested "children" can be a process tree or a `-T` owner/parent tree, and without the command line the rows do not tell which; their relations were not recorded',
  );
  return undefined;
}

function relationOf(row: LsnsRow, json: Relation): Relation {
  if (row.art === 'command') return 'process';
  if (row.art === 'ns') return 'namespace';
  return json;
}

/**
 * The builder's namespace rows by type and inode. FragmentBuilder keys them by a string it
 * builds on every call; one lookup per row by number keeps a 10,000-row table fast.
 */
class Namespaces {
  private readonly byType = new Map<NsType, Map<number, NamespaceRow>>();

  constructor(private readonly b: FragmentBuilder) {}

  get(type: NsType, inode: number): NamespaceRow {
    let m = this.byType.get(type);
    if (!m) this.byType.set(type, (m = new Map()));
    let ns = m.get(inode);
    if (!ns) m.set(inode, (ns = this.b.namespace(type, inode)));
    return ns;
  }
}

/**
 * `b.membership(pid, type, inode, line)` for a namespace row that `Namespaces` has made
 * already: a first membership is written directly (all that membership() would do besides
 * its string-keyed namespace lookup), anything else goes through the builder, which warns
 * about contradictions.
 */
function member(
  b: FragmentBuilder,
  p: ProcessRow,
  type: NsType,
  inode: number,
  line: number,
): void {
  const known = p.namespaces[type];
  if (known === undefined) p.namespaces[type] = inode;
  else if (known !== inode) b.membership(p.pid, type, inode, line);
}

/** Records a parsed lsns output into the builder. */
export function recordDoc(
  doc: LsnsDoc,
  args: LsnsArgs,
  ctx: ParseContext,
  b: FragmentBuilder,
): void {
  const json = jsonRelation(doc, args, ctx, b);
  const queried = doc.mode === 'list' ? queriedPid(doc.rows, args, ctx, b) : undefined;
  const target = doc.mode === 'procs' ? procsTarget(args, doc.rows, b) : {};
  const nss = new Namespaces(b);
  const q = queried === undefined ? undefined : b.process(queried);
  let named = false;
  for (const row of doc.rows) {
    const type = row.type ?? target.type;
    const inode = row.ns ?? target.inode;
    const fromPath = row.path === undefined ? undefined : pathPid(row);
    if (row.pid !== undefined && fromPath !== undefined && fromPath !== row.pid) {
      b.warn(row.line, `PATH names PID ${fromPath} but PID is ${row.pid}`);
    }
    const pid = row.pid ?? fromPath;
    const p = pid === undefined ? undefined : b.process(pid);
    if (type !== undefined && inode !== undefined) {
      named = true;
      const ns = nss.get(type, inode);
      if (doc.mode === 'list') namespaceFacts(b, ns, row);
      if (p) member(b, p, type, inode, row.line);
      if (q) member(b, q, type, inode, row.line);
    }
    if (p) processFacts(p, row);
    const up = row.parent;
    if (!up) continue;
    const rel = relationOf(row, json);
    if (rel === 'process') {
      if (p && up.pid !== undefined && up.pid !== pid) p.ppid ??= up.pid;
    } else if (rel === 'namespace') namespaceLink(b, nss, row, up);
  }
  if (doc.mode === 'list' && doc.rows.length > 0 && !named) {
    b.warn(
      doc.rows[0]!.line,
      'without NS and TYPE columns the rows name processes but no namespaces',
    );
  }
}
