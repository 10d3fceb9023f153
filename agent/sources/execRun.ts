/**
 * Runs one argv (never a shell) with text on stdin, a time limit and an output size limit.
 * The child gets a process group of its own so a timeout ends it and everything it started
 * locally (`nsenter … sh` and the recorder's `stat`, `lsns`); what runs on the far side of
 * `ssh` or `podman exec` ends when its stdin and stdout close.
 */
import { spawn } from 'node:child_process';
import { trackHelper } from './helperPids.ts';
import { abortReason } from './singleFlight.ts';

export interface RunLimits {
  /** Wall-clock limit for the whole run, in milliseconds. */
  timeoutMs: number;
  /** Limit on stdout, in bytes; more ends the run. */
  maxOutputBytes: number;
}

export interface RunResult {
  stdout: string;
  /** The last few KB of stderr, for messages and warnings. */
  stderr: string;
  ms: number;
}

export type RunFailure = 'not-found' | 'spawn' | 'timeout' | 'too-big' | 'exit';

/** A run that produced no usable output; `message` names the command and what happened. */
export class ExecRunError extends Error {
  override name = 'ExecRunError';
  constructor(
    readonly kind: RunFailure,
    message: string,
    readonly stderr = '',
  ) {
    super(message);
  }
}

const STDERR_KEEP = 4096;

/** `podman exec -i node sh` for messages: argv joined, quoted where needed. */
export function showArgv(argv: readonly string[]): string {
  return argv
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/**
 * Spawns `argv`, writes `input` to its stdin and collects stdout. Resolves on exit status 0;
 * rejects with an `ExecRunError` when the command is missing, exits non-zero, runs past
 * `timeoutMs` or prints more than `maxOutputBytes`, and with the signal's reason on abort.
 * @example await runWithInput(['sh'], 'echo hi', { timeoutMs: 5000, maxOutputBytes: 1e6 }, signal) // { stdout: 'hi\n', … }
 */
export function runWithInput(
  argv: readonly string[],
  input: string,
  limits: RunLimits,
  signal: AbortSignal,
): Promise<RunResult> {
  const shown = showArgv(argv);
  const [file, ...args] = argv;
  if (file === undefined) return Promise.reject(new ExecRunError('spawn', 'empty command'));
  if (signal.aborted) return Promise.reject(abortReason(signal));
  const started = performance.now();

  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    trackHelper(child);
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    let done = false;

    const finish = (outcome: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const killGroup = (): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      // A grandchild outside the group (conmon's exec session, sshd's side) may hold the
      // pipes open: stop listening instead of waiting for their end.
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const fail = (kind: RunFailure, message: string): void =>
      finish(() => {
        killGroup();
        reject(new ExecRunError(kind, message, err));
      });
    const onAbort = (): void =>
      finish(() => {
        killGroup();
        reject(abortReason(signal));
      });
    const timer = setTimeout(
      () => fail('timeout', `\`${shown}\` did not finish within ${limits.timeoutMs / 1000} s`),
      limits.timeoutMs,
    );
    signal.addEventListener('abort', onAbort, { once: true });

    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') fail('not-found', `command not found: ${file} (in \`${shown}\`)`);
      else fail('spawn', `cannot run \`${shown}\`: ${e.code ?? e.message}`);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > limits.maxOutputBytes) {
        fail(
          'too-big',
          `\`${shown}\` printed more than ${formatBytes(limits.maxOutputBytes)}; stopped it`,
        );
        return;
      }
      out.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      err = (err + chunk).slice(-STDERR_KEEP);
    });
    child.on('close', (code, sig) => {
      if (code === 0) {
        finish(() =>
          resolve({
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: err,
            ms: performance.now() - started,
          }),
        );
        return;
      }
      const how =
        code === null ? `was killed by ${sig ?? 'a signal'}` : `exited with status ${code}`;
      const tail = lastLine(err);
      fail('exit', `\`${shown}\` ${how}${tail ? `: ${tail}` : ''}`);
    });
    // The command may exit without reading its stdin (not found on the far side, a usage
    // error): EPIPE here is then expected, and its exit status tells what happened.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The last non-empty line of a text, trimmed and capped for a one-line message. */
export function lastLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const last = lines.at(-1)?.trim() ?? '';
  return last.length > 300 ? `${last.slice(0, 300)}…` : last;
}

export function formatBytes(n: number): string {
  if (n >= 1048576) return `${Math.round((n / 1048576) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
