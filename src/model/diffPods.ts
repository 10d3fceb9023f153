import { NS_TYPES, type NsType, type Scope } from '../protocol/snapshot.ts';
import { containerKeyOf, namespaceKeyOf, podKeyOf } from './entities.ts';
import { push, text } from './diffEntries.ts';
import { sep, type CtrInfo, type PodInfo, type Side } from './diffSide.ts';
import type {
  Change,
  CellDiff,
  ContainerDiff,
  DiffEntry,
  NsRef,
  SnapshotDiff,
} from './diffTypes.ts';

/**
 * The per-pod grid of a diff (diff.ts): pods and their containers matched as counterparts (a
 * pod made again matches by namespace/name, its containers by role), each container's
 * namespaces side by side per type, marked `same`, `scope`, `replaced`, `added` or `removed`.
 * Fills `out.pods`; returns the pod and container entries (containers in no pod by id).
 * `nsSame` maps each namespace of `before` found the same in `after` to its `after` key.
 */
export function diffPods(
  out: SnapshotDiff,
  B: Side,
  A: Side,
  nsSame: ReadonlyMap<string, string>,
): { pods: DiffEntry[]; containers: DiffEntry[] } {
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
  return { pods: podEntries, containers: ctrEntries };
}

function nsRef(node: string, ns: { inode: number; scope: Scope } | undefined) {
  return ns ? { key: namespaceKeyOf(node, ns.inode), inode: ns.inode, scope: ns.scope } : undefined;
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
