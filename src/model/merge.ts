import {
  emptySnapshot,
  type ContainerRow,
  type NamespaceRow,
  type NodeInfo,
  type NsType,
  type PodRow,
  type ProcessRow,
  type Snapshot,
} from '../protocol/snapshot.ts';
import { attributeProcesses } from './attribute.ts';
import { placeFacts, unplacedOf, type UnplacedInterfaces } from './placeFacts.ts';
import { mergeFields, preferFullCommand } from './rowMerge.ts';
import { sortSnapshot } from './sortSnapshot.ts';

export interface MergeInput {
  /** Source name, used in messages. */
  source: string;
  fragment: Snapshot;
}

export interface MergeIssue {
  source?: string;
  line?: number;
  level: 'error' | 'warning';
  message: string;
}

export interface MergeOptions {
  /** Node name for rows that do not name one (`--node`). */
  node?: string;
}

/** Name given to the node of inputs that name none, when nothing else tells. */
export const DEFAULT_NODE = 'node';

const PROCESS_SKIP = new Set(['node', 'pid', 'namespaces', 'command', 'forChildren']);
const NS_SKIP = new Set(['node', 'type', 'inode']);
const ROW_SKIP = new Set(['node', 'id', 'key']);

/**
 * Merges parsed fragments into one snapshot: per-PID captures combine into full process rows,
 * containers known by truncated ids join their full ids, pods named by UID, sandbox id or podman
 * pod id become one pod, and processes are attributed to containers. Contradicting facts become
 * warnings; contradictions between inputs that name no node are errors, since they mean the
 * inputs come from different machines.
 */
export function mergeFragments(
  inputs: readonly MergeInput[],
  options: MergeOptions = {},
): { snapshot: Snapshot; issues: MergeIssue[] } {
  const issues: MergeIssue[] = [];
  const out = emptySnapshot();
  const named = new Set<string>();
  for (const { fragment } of inputs) for (const n of fragment.nodes) if (n.name) named.add(n.name);
  const fallback =
    options.node ??
    (named.size === 1 ? [...named][0]! : named.size === 0 ? DEFAULT_NODE : undefined);

  const nodes = new Map<string, NodeInfo>();
  const procs = new Map<string, ProcessRow>();
  const origin = new Map<string, { source: string; unnamed: boolean }>();
  const nss = new Map<string, NamespaceRow>();
  const ctrs = new Map<string, ContainerRow>();
  const pods = new Map<string, PodRow>();
  const unplaced: UnplacedInterfaces[] = [];

  for (const { source, fragment } of inputs) {
    const unnamedRows = hasUnnamedRows(fragment);
    if (unnamedRows && fallback === undefined) {
      issues.push({
        source,
        level: 'error',
        message: `this input names no node, and the other inputs come from ${named.size} nodes (${[...named].join(', ')}): say which with --node NAME`,
      });
      continue;
    }
    const nodeOf = (n: string): string => n || fallback || DEFAULT_NODE;
    unplaced.push(...unplacedOf(fragment, nodeOf(fragment.nodes[0]?.name ?? '')));
    out.sources.push(...fragment.sources);
    out.warnings.push(...fragment.warnings);
    if (fragment.capturedAt !== undefined && out.capturedAt === undefined)
      out.capturedAt = fragment.capturedAt;
    for (const n of fragment.nodes) {
      const name = nodeOf(n.name);
      const kept = nodes.get(name);
      if (!kept) nodes.set(name, { ...n, name });
      else
        mergeFields(kept, n, ROW_SKIP, (f, a, b) =>
          warn(
            issues,
            source,
            `node ${name}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
          ),
        );
    }
    for (const p of fragment.processes) {
      const node = nodeOf(p.node);
      const key = `${node}\u0000${p.pid}`;
      const kept = procs.get(key);
      if (!kept) {
        procs.set(key, cloneProcess(p, node));
        origin.set(key, { source, unnamed: !p.node });
        continue;
      }
      const first = origin.get(key);
      const crossMachine =
        first !== undefined &&
        first.source !== source &&
        first.unnamed &&
        !p.node &&
        options.node === undefined;
      for (const [type, inode] of Object.entries(p.namespaces) as [NsType, number][]) {
        const k = kept.namespaces[type];
        if (k === undefined) kept.namespaces[type] = inode;
        else if (k !== inode) {
          const msg = `PID ${p.pid} is in ${type} namespace ${k} according to ${first?.source ?? 'an earlier input'} but ${inode} here; keeping ${k}`;
          if (crossMachine) {
            issues.push({
              source,
              level: 'error',
              message: `${msg}. These inputs name no node and disagree, so they look like captures of different machines (or of one machine at different times): name each node with --node NAME`,
            });
          } else warn(issues, source, msg);
        }
      }
      if (p.forChildren) kept.forChildren = { ...p.forChildren, ...kept.forChildren };
      if (p.command !== undefined) {
        if (kept.command === undefined) kept.command = p.command;
        else kept.command = preferFullCommand(kept.command, p.command) ?? kept.command;
      }
      mergeFields(kept, p, PROCESS_SKIP, (f, a, b) =>
        warn(
          issues,
          source,
          `PID ${p.pid}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
        ),
      );
    }
    for (const n of fragment.namespaces) {
      const node = nodeOf(n.node);
      const key = `${node}\u0000${n.type}\u0000${n.inode}`;
      const kept = nss.get(key);
      if (!kept) nss.set(key, { ...n, node, ...(n.nsfs ? { nsfs: [...n.nsfs] } : {}) });
      else
        mergeFields(kept, n, NS_SKIP, (f, a, b) => {
          // NPROCS differs between captures taken moments apart; the larger count is the later truth
          // only by chance, so keep the first and say so.
          warn(
            issues,
            source,
            `${n.type} namespace ${n.inode}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
          );
        });
    }
    for (const c of fragment.containers) {
      const node = nodeOf(c.node);
      const key = `${node}\u0000${c.id}`;
      const kept = ctrs.get(key);
      if (!kept) ctrs.set(key, { ...c, node });
      else
        mergeFields(kept, c, ROW_SKIP, (f, a, b) =>
          warn(
            issues,
            source,
            `container ${c.id}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
          ),
        );
    }
    for (const p of fragment.pods) {
      const node = nodeOf(p.node);
      const key = `${node}\u0000${p.key}`;
      const kept = pods.get(key);
      if (!kept) pods.set(key, { ...p, node, ...(p.ips ? { ips: [...p.ips] } : {}) });
      else
        mergeFields(kept, p, ROW_SKIP, (f, a, b) =>
          warn(
            issues,
            source,
            `pod ${p.key}: ${f} is ${fmt(a)} in one input and ${fmt(b)} in another; keeping ${fmt(a)}`,
          ),
        );
    }
  }

  out.nodes = [...nodes.values()];
  out.processes = [...procs.values()];
  out.namespaces = [...nss.values()];
  out.containers = [...ctrs.values()];
  out.pods = [...pods.values()];
  for (const p of out.processes) if (!nodes.has(p.node)) nodes.set(p.node, { name: p.node });
  for (const n of out.namespaces) if (!nodes.has(n.node)) nodes.set(n.node, { name: n.node });
  out.nodes = [...nodes.values()];
  ensureNamespaceRows(out);
  issues.push(...attributeProcesses(out));
  issues.push(...placeFacts(out, unplaced));
  out.warnings.push(...issues.filter((i) => i.level === 'warning').map(toWarning));
  return { snapshot: sortSnapshot(out), issues };
}

function hasUnnamedRows(s: Snapshot): boolean {
  return (
    s.processes.some((p) => !p.node) ||
    s.namespaces.some((n) => !n.node) ||
    s.containers.some((c) => !c.node) ||
    s.pods.some((p) => !p.node)
  );
}

function cloneProcess(p: ProcessRow, node: string): ProcessRow {
  const copy: ProcessRow = { ...p, node, namespaces: { ...p.namespaces } };
  if (p.forChildren) copy.forChildren = { ...p.forChildren };
  return copy;
}

/** Every inode a process is in gets a namespace row, so the graph has no dangling links. */
function ensureNamespaceRows(s: Snapshot): void {
  // node → type → inodes; numeric sets keep this cheap for 10,000-process captures.
  const seen = new Map<string, Map<NsType, Set<number>>>();
  const setFor = (node: string, type: NsType): Set<number> => {
    let byType = seen.get(node);
    if (!byType) seen.set(node, (byType = new Map()));
    let set = byType.get(type);
    if (!set) byType.set(type, (set = new Set()));
    return set;
  };
  for (const n of s.namespaces) setFor(n.node, n.type).add(n.inode);
  for (const p of s.processes) {
    for (const type in p.namespaces) {
      const inode = p.namespaces[type as NsType];
      if (inode === undefined) continue;
      const set = setFor(p.node, type as NsType);
      if (!set.has(inode)) {
        set.add(inode);
        s.namespaces.push({ node: p.node, type: type as NsType, inode });
      }
    }
  }
}

function warn(issues: MergeIssue[], source: string, message: string): void {
  issues.push({ source, level: 'warning', message });
}

function toWarning(i: MergeIssue): { source?: string; line?: number; message: string } {
  const w: { source?: string; line?: number; message: string } = { message: i.message };
  if (i.source !== undefined) w.source = i.source;
  if (i.line !== undefined) w.line = i.line;
  return w;
}

function fmt(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
