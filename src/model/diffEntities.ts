import { NS_TYPES, type ProcessRow, type SummaryNamespace } from '../protocol/snapshot.ts';
import { commandName, containerKeyOf, namespaceKeyOf, processKeyOf } from './entities.ts';
import { push, text } from './diffEntries.ts';
import { sameHolder, sameProcess, sep, type Side } from './diffSide.ts';
import type { Change, DiffEntry, NsRef, SnapshotDiff } from './diffTypes.ts';

/**
 * The entity diff (diff.ts): processes matched by PID and namespaces by inode, each only when
 * it is the same entity (diffSide.ts), with what changed about it.
 */

/** Processes: same PID on the (mapped) node and the same process. */
export function diffProcesses(out: SnapshotDiff, B: Side, A: Side): DiffEntry[] {
  const procEntries: DiffEntry[] = [];
  for (const [id, a] of A.procs) {
    const b = B.procs.get(id);
    if (b && sameProcess(b, a)) {
      const changes = processChanges(b, a, B, A);
      push(out, procEntries, 'process', b, a, changes, procLabel(a), a.node);
    } else {
      if (b) push(out, procEntries, 'process', b, undefined, [], procLabel(b), a.node);
      push(out, procEntries, 'process', undefined, a, [], procLabel(a), a.node);
    }
  }
  for (const [id, b] of B.procs)
    if (!A.procs.has(id)) push(out, procEntries, 'process', b, undefined, [], procLabel(b), b.node);
  return procEntries;
}

/**
 * Namespaces: same type and inode, and a holder in common. Returns the entries (by type), and
 * the namespaces found the same as `before` key → `after` key, for the pod grid's cells.
 */
export function diffNamespaces(
  out: SnapshotDiff,
  B: Side,
  A: Side,
): { entries: DiffEntry[]; same: Map<string, string> } {
  const nsEntries: DiffEntry[] = [];
  const nsSame = new Map<string, string>();
  for (const [id, a] of A.ns) {
    const b = B.ns.get(id);
    const same = b !== undefined && b.type === a.type && sameHolder(B, b, A, a);
    if (b && same) {
      nsSame.set(B.nsKey(b), A.nsKey(a));
      const changes = namespaceChanges(b, a);
      if (changes.length > 0) out.byType[a.type].changed++;
      else out.byType[a.type].same++;
      push(out, nsEntries, 'namespace', b, a, changes, nsLabel(a), a.node, a.type);
    } else {
      if (b) {
        out.byType[b.type].removed++;
        push(out, nsEntries, 'namespace', b, undefined, [], nsLabel(b), a.node, b.type);
      }
      out.byType[a.type].added++;
      push(out, nsEntries, 'namespace', undefined, a, [], nsLabel(a), a.node, a.type);
    }
  }
  for (const [id, b] of B.ns) {
    if (A.ns.has(id)) continue;
    out.byType[b.type].removed++;
    push(out, nsEntries, 'namespace', b, undefined, [], nsLabel(b), b.node, b.type);
  }
  return { entries: sortNs(nsEntries), same: nsSame };
}

function processChanges(b: ProcessRow, a: ProcessRow, B: Side, A: Side): Change[] {
  const changes: Change[] = [];
  for (const t of NS_TYPES) {
    const bi = b.namespaces[t];
    const ai = a.namespaces[t];
    if (bi === ai) continue;
    changes.push({ field: 'ns', type: t, before: ref(B, b.node, bi), after: ref(A, a.node, ai) });
  }
  text(changes, 'command', b.command, a.command);
  if (b.ppid !== a.ppid) text(changes, 'ppid', b.ppid?.toString(), a.ppid?.toString());
  if (b.user !== a.user || b.uid !== a.uid)
    text(changes, 'user', b.user ?? b.uid?.toString(), a.user ?? a.uid?.toString());
  text(changes, 'cgroup', b.cgroup, a.cgroup);
  text(changes, 'container', b.container, a.container);
  return changes;
}

function ref(S: Side, node: string, inode: number | undefined): NsRef | undefined {
  if (inode === undefined) return undefined;
  const scope = S.ns.get(`${S.node(node)}${sep}${inode}`)?.scope;
  return { key: namespaceKeyOf(node, inode), inode, scope };
}

function namespaceChanges(b: SummaryNamespace, a: SummaryNamespace): Change[] {
  const changes: Change[] = [];
  if (b.scope !== a.scope) changes.push({ field: 'scope', before: b.scope, after: a.scope });
  // Members are compared on the mapped node and listed under each side's own keys.
  if (sameList(b.pids, a.pids) && sameList(b.containers, a.containers)) return changes;
  const bp = new Set(b.pids);
  const ap = new Set(a.pids);
  const bc = new Set(b.containers);
  const ac = new Set(a.containers);
  const added = [
    ...a.pids.filter((p) => !bp.has(p)).map((p) => processKeyOf(a.node, p)),
    ...a.containers.filter((c) => !bc.has(c)).map((c) => containerKeyOf(a.node, c)),
  ];
  const removed = [
    ...b.pids.filter((p) => !ap.has(p)).map((p) => processKeyOf(b.node, p)),
    ...b.containers.filter((c) => !ac.has(c)).map((c) => containerKeyOf(b.node, c)),
  ];
  if (added.length + removed.length > 0) changes.push({ field: 'members', added, removed });
  return changes;
}

function sameList<T>(x: readonly T[], y: readonly T[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function procLabel(p: ProcessRow): string {
  const exe = commandName(p.command);
  return `PID ${p.pid}${exe ? ` ${exe}` : ''}`;
}
function nsLabel(n: SummaryNamespace): string {
  return `${n.type}:[${n.inode}]`;
}
function sortNs(list: DiffEntry[]): DiffEntry[] {
  const order = (e: DiffEntry) => NS_TYPES.indexOf(e.nsType ?? 'mnt');
  return list.sort((x, y) => order(x) - order(y));
}
