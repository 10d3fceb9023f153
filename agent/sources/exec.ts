/**
 * Exec sources (`nsviz serve --exec NAME=COMMAND`): a node without a privileged agent, read by
 * running `scripts/nsviz-record.sh` through a command prefix that ends in a shell reading stdin
 * (`podman exec -i NODE sh`, `docker exec -i kind-worker sh`, `ssh node sh`,
 * `nsenter -t PID -a sh`). COMMAND is split into argv like sh would split a simple command, but
 * no shell runs it: pipes, redirects and `;` are refused when the source is made.
 */
import { readFile } from 'node:fs/promises';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { parseInputs } from '../../src/parse/index.ts';
import { splitCommand } from '../../src/parse/transcript/argv.ts';
import { formatBytes, lastLine, runWithInput, showArgv } from './execRun.ts';
import { singleFlight } from './singleFlight.ts';
import type { Source, SourceResult } from './types.ts';

export { ExecRunError } from './execRun.ts';

export interface ExecOptions {
  /** Wall-clock limit of one read, in ms (30 s by default; the recorder needs ~1 s per 1,000 processes). */
  timeoutMs?: number;
  /** Limit on the transcript, in bytes (64 MB by default; ~1 KB per process). */
  maxOutputBytes?: number;
  /** The script fed on stdin; `scripts/nsviz-record.sh` of this checkout by default. */
  scriptPath?: string;
}

export const EXEC_DEFAULTS = { timeoutMs: 30_000, maxOutputBytes: 64 * 1024 * 1024 } as const;

const RECORDER = new URL('../../scripts/nsviz-record.sh', import.meta.url);
const HEADER = '# nsviz-record ';
/** At most this many parse issues are repeated in `warnings` (all stay in the snapshot). */
const MAX_ISSUE_WARNINGS = 20;

/** COMMAND of `--exec NAME=COMMAND` that cannot be run: thrown when the source is made. */
export class ExecCommandError extends Error {
  override name = 'ExecCommandError';
}

/**
 * Splits COMMAND into argv (quotes and backslashes as in sh; no expansion, no shell).
 * `parseExecCommand("ssh -o 'BatchMode yes' node sh")` → `['ssh', '-o', 'BatchMode yes', 'node', 'sh']`.
 * Throws `ExecCommandError` for an empty command or one with `|`, `;`, `&`, `<` or `>`.
 */
export function parseExecCommand(command: string): string[] {
  const { argv, end } = splitCommand(command);
  if (end < command.length) {
    throw new ExecCommandError(
      `"${command}": the command runs without a shell, so '${command[end]}' cannot be used; give one command whose stdin is a shell, e.g. "ssh node sh"`,
    );
  }
  if (argv.length === 0) throw new ExecCommandError('empty command');
  return argv;
}

/**
 * A live source that records a node through `command` on every read. The node is named
 * `name` (its own `hostname` is kept as the node's hostname). A read rejects with an
 * `ExecRunError` (command not found, timeout, output too big, non-zero exit) or an `Error`
 * when the output is not a usable transcript; parse warnings and the command's stderr come
 * back as `warnings`. Concurrent reads share one run.
 * @example const src = execSource('kind-worker', 'docker exec -i kind-worker sh'); (await src.read(signal)).snapshot.nodes // [{ name: 'kind-worker', … }]
 */
export function execSource(name: string, command: string, options: ExecOptions = {}): Source {
  if (!/^[A-Za-z0-9][\w.-]{0,62}$/.test(name)) {
    throw new ExecCommandError(
      `"${name}": a source name is 1–63 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
  const argv = parseExecCommand(command);
  const limits = {
    timeoutMs: options.timeoutMs ?? EXEC_DEFAULTS.timeoutMs,
    maxOutputBytes: options.maxOutputBytes ?? EXEC_DEFAULTS.maxOutputBytes,
  };
  let script: Promise<string> | undefined;
  const loadScript = (): Promise<string> => {
    script ??= readFile(options.scriptPath ?? RECORDER, 'utf8').catch((e: unknown) => {
      script = undefined;
      throw e;
    });
    return script;
  };

  const read = singleFlight(async (signal): Promise<SourceResult> => {
    const run = await runWithInput(argv, await loadScript(), limits, signal);
    return toResult(name, argv, run.stdout, run.stderr);
  });

  return { id: name, title: `${name} (${showArgv(argv)})`, kind: 'exec', read };
}

/** Parses the recorder's transcript into the source's result, or throws why it cannot. */
export function toResult(
  name: string,
  argv: readonly string[],
  stdout: string,
  stderr: string,
): SourceResult {
  const shown = showArgv(argv);
  if (!stdout.startsWith(HEADER)) {
    const first = lastLine(stdout.split('\n', 1)[0] ?? '') || lastLine(stderr);
    throw new Error(
      stdout.trim() === ''
        ? `\`${shown}\` printed nothing${first ? ` (stderr: ${first})` : ''}; it must end in a shell that reads the script from stdin, e.g. "… sh"`
        : `\`${shown}\` did not print an nsviz-record transcript (it begins "${first}"); it must end in a shell that reads the script from stdin, e.g. "… sh"`,
    );
  }
  const { snapshot, issues } = parseInputs([{ name: `exec:${name}`, text: stdout }], {
    node: name,
  });
  dropStrayNodes(snapshot, name);
  const errors = issues.filter((i) => i.level === 'error');
  if (snapshot.processes.length === 0) {
    const why = errors[0] ? `: ${errors[0].message}` : '';
    throw new Error(
      `\`${shown}\`: the transcript (${formatBytes(stdout.length)}) lists no processes${why}`,
    );
  }
  const warnings = issues
    .slice(0, MAX_ISSUE_WARNINGS)
    .map((i) => `${i.source}${i.line !== undefined ? `:${i.line}` : ''}: ${i.level}: ${i.message}`);
  if (issues.length > MAX_ISSUE_WARNINGS)
    warnings.push(
      `${issues.length - MAX_ISSUE_WARNINGS} more parse issues in the snapshot's warnings`,
    );
  const tail = lastLine(stderr);
  if (tail) warnings.push(`${shown}: stderr: ${tail}`);
  return { snapshot, warnings };
}

/**
 * The transcript parser names a node after the recorder's `hostname` output even when the
 * caller named the node (`node: name`), leaving an entry no row refers to. Drops such entries.
 * TODO(issue 4): fix in src/parse/transcript/transcript.ts (skip `sessionNode` when `ctx.node` is set).
 */
export function dropStrayNodes(snapshot: Snapshot, keep: string): void {
  const used = new Set<string>([keep]);
  for (const list of [snapshot.processes, snapshot.namespaces, snapshot.containers, snapshot.pods])
    for (const row of list as { node: string }[]) used.add(row.node);
  snapshot.nodes = snapshot.nodes.filter((n) => used.has(n.name));
}
