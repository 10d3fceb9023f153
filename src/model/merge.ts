import { emptySnapshot, type NodeInfo, type Snapshot } from '../protocol/snapshot.ts';
import { attributeProcesses } from './attribute.ts';
import { ROW_SKIP, RowTables, ensureNamespaceRows, fmt, warn } from './mergeRows.ts';
import { placeFacts, unplacedOf, type UnplacedInterfaces } from './placeFacts.ts';
import { mergeFields } from './rowMerge.ts';
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
  /**
   * The caller hands its fragments over: their rows become rows of the result and are changed
   * in place (node filled in, later facts merged in, containers attributed) instead of being
   * copied first, so a large capture is not held twice at the peak. `parseInputs` does this, as
   * it never looks at a fragment again; leave it unset to keep the inputs as they were (e.g. to
   * merge the same fragments once more with other options).
   */
  consume?: boolean;
}

/** Name given to the node of inputs that name none, when nothing else tells. */
export const DEFAULT_NODE = 'node';

/**
 * Merges parsed fragments into one snapshot: per-PID captures combine into full process rows,
 * containers known by truncated ids join their full ids, pods named by UID, sandbox id or podman
 * pod id become one pod, and processes are attributed to containers. Contradicting facts become
 * warnings; contradictions between inputs that name no node are errors, since they mean the
 * inputs come from different machines. With `consume`, the inputs' rows are reused (see
 * `MergeOptions.consume`).
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
  const tables = new RowTables(out, issues, inputs, options.consume === true);
  const unplaced: UnplacedInterfaces[] = [];

  for (let index = 0; index < inputs.length; index++) {
    const { source, fragment } = inputs[index]!;
    if (fallback === undefined && hasUnnamedRows(fragment)) {
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
    // A loop, not push(...list): a document may carry more warnings than a call takes arguments.
    for (const w of fragment.warnings) out.warnings.push(w);
    if (fragment.capturedAt !== undefined && out.capturedAt === undefined)
      out.capturedAt = fragment.capturedAt;
    for (const n of fragment.nodes) {
      // Facts of an unnamed node (`uname -r` in a session that names none) among inputs of
      // several nodes: which node they describe is unknown, so they are not guessed onto one.
      if (!n.name && fallback === undefined) continue;
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
    const unnamed = fallback || DEFAULT_NODE;
    tables.addProcesses(index, fragment.processes, unnamed, options.node === undefined);
    tables.addNamespaces(source, fragment.namespaces, unnamed);
    tables.addContainers(source, fragment.containers, unnamed);
    tables.addPods(source, fragment.pods, unnamed);
  }

  // Rows may name nodes that no input described: give each a node entry. Rows of one node
  // come in runs, so the map is asked once per run.
  let last: string | undefined;
  for (const list of [out.processes, out.namespaces]) {
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!;
      if (r.node === last) continue;
      last = r.node;
      if (!nodes.has(last)) nodes.set(last, { name: last });
    }
  }
  out.nodes = [...nodes.values()];
  ensureNamespaceRows(out, tables);
  issues.push(...attributeProcesses(out));
  issues.push(...placeFacts(out, unplaced));
  for (const i of issues) if (i.level === 'warning') out.warnings.push(toWarning(i));
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

function toWarning(i: MergeIssue): { source?: string; line?: number; message: string } {
  const w: { source?: string; line?: number; message: string } = { message: i.message };
  if (i.source !== undefined) w.source = i.source;
  if (i.line !== undefined) w.line = i.line;
  return w;
}
