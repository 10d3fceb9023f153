/**
 * Container runtimes of this machine, asked through their own CLIs: `crictl ps -a -o json`,
 * `crictl pods -o json` and `podman ps --pod -a --format json`, each only when the binary is
 * installed. Their outputs are parsed by the core's runtime parsers (`src/parse`), so the live
 * agent and an imported recording attribute pods and containers the same way.
 */
import type { MergeInput } from '../../src/model/merge.ts';
import { parseOne } from '../../src/parse/parseOne.ts';
import { findExecutable, runArgv, showCommand } from './run.ts';

/** One runtime query: the program and its argv (no shell). */
export interface RuntimeQuery {
  program: string;
  args: readonly string[];
}

export const RUNTIME_QUERIES: readonly RuntimeQuery[] = [
  { program: 'crictl', args: ['ps', '-a', '-o', 'json'] },
  { program: 'crictl', args: ['pods', '-o', 'json'] },
  { program: 'podman', args: ['ps', '--pod', '-a', '--format', 'json'] },
];

export interface RuntimeOptions {
  node: string;
  timeoutMs?: number;
  maxBytes?: number;
  signal?: AbortSignal;
  /** Which queries to run (tests narrow it); `RUNTIME_QUERIES` by default. */
  queries?: readonly RuntimeQuery[];
  /** Finds a program; `findExecutable` by default. */
  find?: (program: string) => string | undefined;
}

export interface RuntimeResult {
  /** Parsed outputs, ready for `mergeFragments`. */
  fragments: MergeInput[];
  /** One line per query that failed or whose output was not understood. */
  warnings: string[];
  /** Programs found and asked, e.g. `['podman']`. */
  asked: string[];
}

/**
 * Asks every installed runtime CLI in parallel. A missing program is skipped silently (most
 * hosts have one runtime or none); one that fails, hangs or prints something unreadable gives a
 * warning, and the scan goes on without it.
 * @example const { fragments } = await queryRuntimes({ node: 'kind-worker' });
 */
export async function queryRuntimes(options: RuntimeOptions): Promise<RuntimeResult> {
  const find = options.find ?? ((p: string) => findExecutable(p));
  const located = new Map<string, string | undefined>();
  const jobs = (options.queries ?? RUNTIME_QUERIES).flatMap((q) => {
    if (!located.has(q.program)) located.set(q.program, find(q.program));
    const file = located.get(q.program);
    return file ? [{ q, file }] : [];
  });
  const outputs = await Promise.all(
    jobs.map(({ q, file }) =>
      runArgv(file, q.args, {
        timeoutMs: options.timeoutMs ?? 5000,
        maxBytes: options.maxBytes ?? 32 * 1024 * 1024,
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    ),
  );
  const fragments: MergeInput[] = [];
  const warnings: string[] = [];
  outputs.forEach((out, i) => {
    const { q } = jobs[i]!;
    const name = showCommand(q.program, q.args);
    if (!out.ok) {
      warnings.push(out.error);
      return;
    }
    if (isEmptyListing(out.stdout)) return;
    for (const r of parseOne(name, out.stdout, options.node)) {
      for (const issue of r.issues) {
        warnings.push(
          `${name}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.message}`,
        );
      }
      // Partial output (a container removed mid-listing) still says something: keep it.
      fragments.push({ source: name, fragment: r.fragment });
    }
  });
  const asked = [...located].filter(([, f]) => f !== undefined).map(([p]) => p);
  return { fragments, warnings, asked };
}

/**
 * A runtime with nothing to list prints `[]`, `{"containers": []}` or `{"items": []}` (or
 * nothing): no format detector can tell such text apart, and there is nothing to read in it.
 * @example isEmptyListing('[]\n') // true
 */
export function isEmptyListing(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  if (t.length > 200) return false;
  try {
    const v: unknown = JSON.parse(t);
    if (Array.isArray(v)) return v.length === 0;
    if (v === null || typeof v !== 'object') return false;
    return Object.values(v).every((x) => Array.isArray(x) && x.length === 0);
  } catch {
    return false;
  }
}
