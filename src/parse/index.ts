import type { Snapshot } from '../protocol/snapshot.ts';
import { mergeFragments, type MergeInput, type MergeOptions } from '../model/merge.ts';
import { sortSnapshot } from '../model/sortSnapshot.ts';
import { SNAPSHOT_FORMAT } from './formats/snapshotJson.ts';
import { parseOne } from './parseOne.ts';
import type { ParseIssue } from './types.ts';

export type { ParseIssue } from './types.ts';
export { knownFormats } from './parseOne.ts';

export interface InputText {
  /** File name (or `paste`), named in every issue. */
  name: string;
  text: string;
  /**
   * Found while listing a directory rather than named by the user: when it is in no format
   * nsviz reads (a README, a notes file), it is skipped with a warning instead of an error.
   */
  optional?: boolean;
}

export interface ParseOptions {
  /** Node name for inputs that do not name one. */
  node?: string;
}

/**
 * Parses any number of inputs (format auto-detected) into one merged snapshot. Never throws:
 * unusable inputs give `error` issues (naming the input, the line and what was expected), and the
 * rest of the inputs are still used.
 */
export function parseInputs(
  inputs: readonly InputText[],
  options: ParseOptions = {},
): { snapshot: Snapshot; issues: ParseIssue[] } {
  const issues: ParseIssue[] = [];
  const parts: MergeInput[] = [];
  const formats: string[] = [];
  for (const input of inputs) {
    const results = parseOne(input.name, input.text, options.node, input.optional === true);
    for (const r of results) {
      issues.push(...r.issues);
      parts.push({ source: input.name, fragment: r.fragment });
      formats.push(r.format);
    }
  }
  // A single snapshot document is already merged and attributed: keep it as written.
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only && formats[0] === SNAPSHOT_FORMAT && !hasUnnamed(only.fragment)) {
    const snap = only.fragment;
    const named = new Set(snap.nodes.map((n) => n.name));
    for (const list of [snap.processes, snap.namespaces, snap.containers, snap.pods] as {
      node: string;
    }[][]) {
      for (const row of list) {
        if (!named.has(row.node)) {
          named.add(row.node);
          snap.nodes.push({ name: row.node });
        }
      }
    }
    return { snapshot: sortSnapshot(snap), issues };
  }
  // The fragments are ours and never looked at again: the merge may reuse their rows.
  const mergeOptions: MergeOptions = { consume: true };
  if (options.node !== undefined) mergeOptions.node = options.node;
  const merged = mergeFragments(parts, mergeOptions);
  for (const i of merged.issues) {
    const issue: ParseIssue = { source: i.source ?? 'merge', level: i.level, message: i.message };
    if (i.line !== undefined) issue.line = i.line;
    issues.push(issue);
  }
  return { snapshot: merged.snapshot, issues };
}

function hasUnnamed(s: Snapshot): boolean {
  return s.processes.some((p) => !p.node) || s.namespaces.some((n) => !n.node);
}
