import {
  NS_TYPES,
  type NsType,
  type ProcessRow,
  type Scope,
  type Snapshot,
  type Summary,
  type SummaryContainer,
  type SummaryNamespace,
  type SummaryPod,
} from '../protocol/snapshot.ts';
import {
  commandName,
  containerKeyOf,
  namespaceKeyOf,
  podKeyOf,
  processKeyOf,
  type EntityKind,
} from './entities.ts';

/**
 * What changed between two snapshots (an older `before`, a newer `after`), keyed by contract §5
 * keys. Two questions are kept apart:
 * - *Is it the same entity?* A process is the same when its PID matches and so does its start
 *   time (else its command). A namespace is the same when its type and inode match *and* so
 *   does a holder: a member process or container, or both are the node's initial namespace.
 *   Inodes are reused after a namespace is freed (domain.md), so an inode alone proves nothing.
 * - *Is it the counterpart?* A pod deleted and created again has a new uid and new containers;
 *   matched by namespace/name (or as the only pod left on the node) and its containers by role
 *   (sandbox, or the name without the pod's prefix), it shows as `changed`, `recreated`, with
 *   per-container, per-type namespaces side by side (`pods`). That is the comparison a study
 *   group makes between two `lsns -p` sessions.
 * Linear in the size of both snapshots: a 2,000-process pair diffs in a few milliseconds.
 */
export type ChangeMark = 'added' | 'removed' | 'changed';
export interface DiffSide {
  snapshot: Snapshot;
  summary: Summary;
}
/** A namespace as a container or process sees it. */
export interface NsRef {
  key: string;
  inode: number;
  scope: Scope | undefined;
}
export type TextField =
  | 'name'
  | 'command'
  | 'ppid'
  | 'user'
  | 'cgroup'
  | 'container'
  | 'image'
  | 'state'
  | 'hostname'
  | 'addresses'
  | 'qos'
  | 'ips';
export type Change =
  | { field: 'scope'; before: Scope; after: Scope }
  | { field: 'ns'; type: NsType; before: NsRef | undefined; after: NsRef | undefined }
  | { field: 'members'; added: string[]; removed: string[] }
  | { field: 'recreated'; before: string; after: string }
  | { field: TextField; before: string | undefined; after: string | undefined };

export interface DiffEntry {
  kind: EntityKind;
  mark: ChangeMark;
  /** The key in `after`, or in `before` for a removed entity. */
  key: string;
  before: string | undefined;
  after: string | undefined;
  node: string;
  label: string;
  nsType?: NsType;
  /** For `changed` entries, what changed; empty otherwise. */
  changes: Change[];
}
/** One type of one container: `scope` when the scope differs, `replaced` for a new inode. */
export type CellMark = 'same' | 'scope' | 'replaced' | 'added' | 'removed';
export interface CellDiff {
  mark: CellMark;
  before: NsRef | undefined;
  after: NsRef | undefined;
}
export interface ContainerDiff {
  mark: ChangeMark | 'same';
  label: string;
  sandbox: boolean;
  before: string | undefined;
  after: string | undefined;
  types: Partial<Record<NsType, CellDiff>>;
}
export interface PodDiff {
  mark: ChangeMark | 'same';
  label: string;
  before: string | undefined;
  after: string | undefined;
  containers: ContainerDiff[];
}
export type Tally = Record<ChangeMark | 'same', number>;
export interface SnapshotDiff {
  /** Pods, then containers, namespaces (by type) and processes; unchanged entities left out. */
  entries: DiffEntry[];
  pods: PodDiff[];
  counts: Record<EntityKind, Tally>;
  /** Namespace entries per type. */
  byType: Record<NsType, Tally>;
  /** Node names of `before` read as another name of `after` (one node on each side). */
  renamedNodes: { before: string; after: string }[];
}

const tally = (): Tally => ({ added: 0, removed: 0, changed: 0, same: 0 });
const sep = '\u0000';

/**
 * `diffSnapshots(myweb2, myweb2Sharepid).pods[0].containers[1].types.pid` →
 * `{ mark: 'scope', before: { scope: 'container', … }, after: { scope: 'pod', … } }`.
 */
export function diffSnapshots(before: DiffSide, after: DiffSide): SnapshotDiff {
  const renamedNodes = nodeRenames(before.snapshot, after.snapshot);
  const nodeOf = (n: string): string => renamedNodes.find((r) => r.before === n)?.after ?? n;
  const out: SnapshotDiff = {
    entries: [],
    pods: [],
    counts: { pod: tally(), container: tally(), process: tally(), namespace: tally() },
    byType: Object.fromEntries(NS_TYPES.map((t) => [t, tally()])) as Record<NsType, Tally>,
    renamedNodes,
  };
  const B = sideIndex(before, nodeOf);
  const A = sideIndex(after, (n) => n);

  // Processes: same PID on the (mapped) node and the same process.
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

  // Namespaces: same type and inode, and a holder in common.
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

  // Pods and their containers, matched as counterparts.
  const podEntries: DiffEntry[] = [];
  const ctrEntries: DiffEntry[] = [];
  const cell = (b: NsRef | undefined, a: NsRef | undefined): CellDiff => ({
    before: b,
    after: a,
    mark: !b
      ? 'added'
      : !a
        ? 'removed'
        : nsSame.get(b.key) === a.key
          ? 'same'
          : b.scope !== a.scope
            ? 'scope'
            : 'replaced',
  });
  for (const [bp, ap] of pairPods(B, A)) {
    const ctrs: ContainerDiff[] = [];
    for (const [bc, ac] of pairContainers(bp, ap)) {
      const types: Partial<Record<NsType, CellDiff>> = {};
      const changes: Change[] = [];
      for (const t of NS_TYPES) {
        const b = bc && bp ? nsRef(bp.pod.node, bc.c.namespaces[t]) : undefined;
        const a = ac && ap ? nsRef(ap.pod.node, ac.c.namespaces[t]) : undefined;
        if (!b && !a) continue;
        const c = cell(b, a);
        types[t] = c;
        if (bc && ac && c.mark !== 'same')
          changes.push({ field: 'ns', type: t, before: b, after: a });
      }
      const bKey = bc && bp ? containerKeyOf(bp.pod.node, bc.c.id) : undefined;
      const aKey = ac && ap ? containerKeyOf(ap.pod.node, ac.c.id) : undefined;
      if (bKey && aKey) {
        if (bc!.c.id !== ac!.c.id)
          changes.unshift({ field: 'recreated', before: bc!.c.id, after: ac!.c.id });
        text(changes, 'name', bc!.c.name, ac!.c.name);
        text(changes, 'image', B.ctrRows.get(bKey)?.image, A.ctrRows.get(aKey)?.image);
        text(changes, 'state', B.ctrRows.get(bKey)?.state, A.ctrRows.get(aKey)?.state);
      }
      const label = (ac ?? bc)!.label;
      const node = (ap ?? bp)!.pod.node;
      const mark = push(out, ctrEntries, 'container', bKey, aKey, changes, label, node);
      ctrs.push({ mark, label, sandbox: (ac ?? bc)!.c.sandbox, before: bKey, after: aKey, types });
    }
    const bKey = bp ? podKeyOf(bp.pod.node, bp.pod.key) : undefined;
    const aKey = ap ? podKeyOf(ap.pod.node, ap.pod.key) : undefined;
    const changes: Change[] = [];
    if (bp && ap) {
      if (bp.pod.key !== ap.pod.key)
        changes.push({ field: 'recreated', before: bp.pod.key, after: ap.pod.key });
      text(changes, 'name', bp.label, ap.label);
      text(changes, 'qos', B.podRows.get(bKey!)?.qos, A.podRows.get(aKey!)?.qos);
      text(
        changes,
        'ips',
        B.podRows.get(bKey!)?.ips?.join(', '),
        A.podRows.get(aKey!)?.ips?.join(', '),
      );
    }
    const label = (ap ?? bp)!.label;
    // A pod whose containers changed is changed, though its own facts may not be.
    const inner = ctrs.some((c) => c.mark !== 'same');
    const node = (ap ?? bp)!.pod.node;
    const mark = push(out, podEntries, 'pod', bKey, aKey, changes, label, node, undefined, inner);
    out.pods.push({ mark, label, before: bKey, after: aKey, containers: ctrs });
  }
  // Containers outside any pod, matched by id.
  for (const [id, a] of A.loose) {
    const b = B.loose.get(id);
    push(out, ctrEntries, 'container', b && id, id, [], A.ctrRows.get(id)?.name ?? id, a);
  }
  for (const [id, b] of B.loose)
    if (!A.loose.has(id))
      push(out, ctrEntries, 'container', id, undefined, [], B.ctrRows.get(id)?.name ?? id, b);

  out.entries = [...podEntries, ...ctrEntries, ...sortNs(nsEntries), ...procEntries];
  return out;
}

/** Each newer snapshot against the one before it: `diffSeries([a, b, c])` → `[a→b, b→c]`. */
export function diffSeries(sides: readonly DiffSide[]): SnapshotDiff[] {
  return sides.slice(1).map((s, i) => diffSnapshots(sides[i]!, s));
}

/**
 * Per key, what happened to the entity it names, for highlighting: added, changed, or removed
 * (a key that no longer exists in the newer snapshot). A key of both a removed and an added
 * entity (a reused inode or PID) names the added one.
 */
export function changeMarks(diff: SnapshotDiff): Map<string, ChangeMark> {
  const marks = new Map<string, ChangeMark>();
  for (const e of diff.entries) {
    if (e.after !== undefined) marks.set(e.after, e.mark);
    if (e.before !== undefined && e.before !== e.after && !marks.has(e.before))
      marks.set(e.before, 'removed');
  }
  // An added entity wins over a removed one listed before it under the same key.
  for (const e of diff.entries) if (e.mark === 'added' && e.after) marks.set(e.after, 'added');
  return marks;
}

// ---- one side, indexed ----

interface PodInfo {
  pod: SummaryPod;
  label: string;
  /** namespace/name, for matching a pod made again. */
  ident: string | undefined;
  containers: CtrInfo[];
}
interface CtrInfo {
  c: SummaryContainer;
  label: string;
  /** The container's role in its pod: `sandbox`, or its name without the pod's prefix. */
  role: string | undefined;
}
interface Side {
  /** Mapped node + pid → process. */
  procs: Map<string, ProcessRow>;
  /** Mapped node + inode → namespace. */
  ns: Map<string, SummaryNamespace>;
  nsKey: (n: SummaryNamespace) => string;
  pods: PodInfo[];
  podRows: Map<string, { qos?: string; ips?: string[] }>;
  ctrRows: Map<string, { name?: string; image?: string; state?: string }>;
  /** Containers in no pod: key → node. */
  loose: Map<string, string>;
  node: (n: string) => string;
}

function sideIndex({ snapshot, summary }: DiffSide, node: (n: string) => string): Side {
  const procs = new Map<string, ProcessRow>();
  for (const p of snapshot.processes) procs.set(`${node(p.node)}${sep}${p.pid}`, p);
  const ns = new Map<string, SummaryNamespace>();
  for (const n of summary.namespaces) ns.set(`${node(n.node)}${sep}${n.inode}`, n);
  const podRows = new Map(snapshot.pods.map((p) => [podKeyOf(p.node, p.key), p]));
  const ctrRows = new Map(snapshot.containers.map((c) => [containerKeyOf(c.node, c.id), c]));
  const inPods = new Set<string>();
  const pods = summary.pods.map((pod): PodInfo => {
    const row = podRows.get(podKeyOf(pod.node, pod.key));
    const name = pod.name ?? row?.name;
    const ns = row?.namespace;
    const label = name
      ? ns && !name.includes('/')
        ? `${ns}/${name}`
        : name
      : pod.key.slice(0, 13);
    return {
      pod,
      label,
      ident: name ? `${node(pod.node)}${sep}${ns ?? ''}/${name}` : undefined,
      containers: pod.containers.map((c) => {
        inPods.add(containerKeyOf(pod.node, c.id));
        const cname = c.name ?? ctrRows.get(containerKeyOf(pod.node, c.id))?.name;
        const role = c.sandbox
          ? 'sandbox'
          : cname && name && cname.startsWith(`${name}-`)
            ? cname.slice(name.length + 1)
            : cname;
        return { c, label: cname ?? (c.sandbox ? 'pause' : c.id.slice(0, 13)), role };
      }),
    };
  });
  const loose = new Map<string, string>();
  for (const c of snapshot.containers) {
    const key = containerKeyOf(c.node, c.id);
    if (!inPods.has(key)) loose.set(key, c.node);
  }
  return {
    procs,
    ns,
    nsKey: (n) => namespaceKeyOf(n.node, n.inode),
    pods,
    podRows,
    ctrRows,
    loose,
    node,
  };
}

/** One node on each side under different names: the same node, renamed (or recaptured). */
function nodeRenames(b: Snapshot, a: Snapshot): { before: string; after: string }[] {
  const names = (s: Snapshot) => new Set([...s.nodes.map((n) => n.name)]);
  const bn = [...names(b)];
  const an = [...names(a)];
  return bn.length === 1 && an.length === 1 && bn[0] !== an[0]
    ? [{ before: bn[0]!, after: an[0]! }]
    : [];
}

/** What makes a PID the same process: its start time, else its command. */
function sameProcess(b: ProcessRow, a: ProcessRow): boolean {
  if (b.startTime !== undefined && a.startTime !== undefined) return b.startTime === a.startTime;
  return b.command === undefined || a.command === undefined || b.command === a.command;
}

function sameHolder(B: Side, b: SummaryNamespace, A: Side, a: SummaryNamespace): boolean {
  if (b.scope === 'host' && a.scope === 'host') return true;
  if (b.pids.length + b.containers.length === 0 || a.pids.length + a.containers.length === 0)
    return true;
  const ctrs = new Set(b.containers);
  if (a.containers.some((c) => ctrs.has(c))) return true;
  const pids = new Set(b.pids);
  for (const pid of a.pids) {
    if (!pids.has(pid)) continue;
    const bp = B.procs.get(`${B.node(b.node)}${sep}${pid}`);
    const ap = A.procs.get(`${a.node}${sep}${pid}`);
    if (bp && ap && sameProcess(bp, ap)) return true;
  }
  return false;
}

function nsRef(node: string, ns: { inode: number; scope: Scope } | undefined) {
  return ns ? { key: namespaceKeyOf(node, ns.inode), inode: ns.inode, scope: ns.scope } : undefined;
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

function text(changes: Change[], field: TextField, b: string | undefined, a: string | undefined) {
  if (b !== a && b !== undefined && a !== undefined) changes.push({ field, before: b, after: a });
}

function entry(
  kind: EntityKind,
  mark: ChangeMark,
  before: string | undefined,
  after: string | undefined,
  label: string,
  node: string,
  changes: Change[],
  nsType?: NsType,
): DiffEntry {
  const e: DiffEntry = { kind, mark, key: (after ?? before)!, before, after, node, label, changes };
  if (nsType) e.nsType = nsType;
  return e;
}

/** Keyed apart, on a renamed node. */
function renamed(
  b: ProcessRow | SummaryNamespace | string,
  a: ProcessRow | SummaryNamespace | string,
) {
  return typeof b === 'string' || typeof a === 'string' ? b !== a : b.node !== a.node;
}

function key(x: ProcessRow | SummaryNamespace | string | undefined): string | undefined {
  if (x === undefined || typeof x === 'string') return x;
  return 'pid' in x ? processKeyOf(x.node, x.pid) : namespaceKeyOf(x.node, x.inode);
}

/** Adds an entry (unless unchanged) and counts it; returns its mark. */
function push(
  out: SnapshotDiff,
  list: DiffEntry[],
  kind: EntityKind,
  b: ProcessRow | SummaryNamespace | string | undefined,
  a: ProcessRow | SummaryNamespace | string | undefined,
  changes: Change[],
  label: string,
  node: string,
  nsType?: NsType,
  changedWithin = false,
): ChangeMark | 'same' {
  const mark: ChangeMark | 'same' = !b
    ? 'added'
    : !a
      ? 'removed'
      : changedWithin || changes.length > 0 || renamed(b, a)
        ? 'changed'
        : 'same';
  out.counts[kind][mark]++;
  if (mark !== 'same') list.push(entry(kind, mark, key(b), key(a), label, node, changes, nsType));
  return mark;
}

function pairPods(B: Side, A: Side): [PodInfo | undefined, PodInfo | undefined][] {
  const pairs: [PodInfo | undefined, PodInfo | undefined][] = [];
  const left = new Set(B.pods);
  const byKey = new Map(B.pods.map((p) => [`${B.node(p.pod.node)}${sep}${p.pod.key}`, p]));
  const byIdent = new Map(B.pods.filter((p) => p.ident).map((p) => [p.ident!, p]));
  const unmatched: PodInfo[] = [];
  for (const a of A.pods) {
    let b = byKey.get(`${a.pod.node}${sep}${a.pod.key}`);
    if (!b || !left.has(b)) b = a.ident ? byIdent.get(a.ident) : undefined;
    if (b && left.has(b)) {
      left.delete(b);
      pairs.push([b, a]);
    } else unmatched.push(a);
  }
  // The only pod left on a node on each side: the same pod, made again under another name.
  for (const a of unmatched) {
    const onNode = (p: PodInfo, S: Side) => S.node(p.pod.node) === a.pod.node;
    const bs = [...left].filter((p) => onNode(p, B));
    const as = unmatched.filter((p) => onNode(p, A));
    if (bs.length === 1 && as.length === 1) {
      left.delete(bs[0]!);
      pairs.push([bs[0], a]);
    } else pairs.push([undefined, a]);
  }
  for (const b of left) pairs.push([b, undefined]);
  return pairs;
}

function pairContainers(
  bp: PodInfo | undefined,
  ap: PodInfo | undefined,
): [CtrInfo | undefined, CtrInfo | undefined][] {
  const bs = bp?.containers ?? [];
  const as = ap?.containers ?? [];
  const left = new Set(bs);
  const pairs: [CtrInfo | undefined, CtrInfo | undefined][] = [];
  for (const a of as) {
    const b =
      bs.find((c) => left.has(c) && c.c.id === a.c.id) ??
      bs.find((c) => left.has(c) && c.role !== undefined && c.role === a.role);
    if (b) left.delete(b);
    pairs.push([b, a]);
  }
  for (const b of bs) if (left.has(b)) pairs.push([b, undefined]);
  return pairs;
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
