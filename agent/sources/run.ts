/**
 * Running a helper program (crictl, podman, nsenter, ip) the safe way: an argv array through
 * `execFile` (never a shell), a time limit, an output size cap, stdin closed, and the result as a
 * value — a tool that is missing, slow, chatty or failing is a warning for the caller, never a
 * thrown error.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { trackHelper } from './helperPids.ts';
import { accessSync, constants, statSync } from 'node:fs';
import { setPriority } from 'node:os';

export interface RunOptions {
  /** Killed (SIGKILL) after this long; default 5 s. */
  timeoutMs?: number;
  /** Largest stdout accepted, in bytes; the child is killed beyond it. Default 32 MB. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Scheduling niceness of the child (0 to 19): background lookups yield to the scans. */
  nice?: number;
}

export type RunResult =
  | { ok: true; stdout: string; stderr: string }
  | { ok: false; error: string; stdout: string; stderr: string };

/** `crictl ps -a -o json` style text for messages. */
export function showCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((a) => (/^[\w./:=@%+,-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
}

/**
 * Runs `file args…` and collects its output. Resolves (never rejects) with `ok: false` and a
 * one-line reason when it cannot be started, exits non-zero, is killed by a signal, runs past
 * `timeoutMs` or prints more than `maxBytes`. `fds` are passed to the child as fds 3, 4, …
 * (e.g. an open namespace file for `nsenter --net=/proc/self/fd/3`).
 * @example await runArgv('ip', ['-j', 'addr']) // { ok: true, stdout: '[{"ifindex":1,…}]', stderr: '' }
 */
export function runArgv(
  file: string,
  args: readonly string[],
  options: RunOptions & { fds?: readonly number[] } = {},
): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const what = showCommand(file, args);
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let failure: string | undefined;
    let settled = false;
    const finish = (r: RunResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const text = (): { stdout: string; stderr: string } => ({
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    });
    let child: ChildProcess;
    try {
      child = spawn(file, [...args], {
        stdio: ['ignore', 'pipe', 'pipe', ...(options.fds ?? [])],
        windowsHide: true,
      });
    } catch (e) {
      resolve({ ok: false, error: `${what}: cannot run (${String(e)})`, stdout: '', stderr: '' });
      return;
    }
    trackHelper(child);
    if (options.nice !== undefined && child.pid !== undefined) {
      try {
        setPriority(child.pid, options.nice);
      } catch {
        // exited already, or not allowed: it runs at normal priority
      }
    }
    const stop = (reason: string): void => {
      failure ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () => stop(`${what}: no answer within ${timeoutMs} ms; stopped`),
      timeoutMs,
    );
    const onAbort = (): void => stop(`${what}: aborted`);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > maxBytes) stop(`${what}: output larger than ${maxBytes} bytes; stopped`);
      else out.push(b);
    });
    child.stderr?.on('data', (b: Buffer) => {
      // stderr only feeds messages: keep its first 64 KB.
      if (errBytes < 65536) err.push(b);
      errBytes += b.length;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      finish({ ok: false, error: `${what}: cannot run (${e.code ?? e.message})`, ...text() });
    });
    child.on('close', (code, signal) => {
      const t = text();
      if (failure) return finish({ ok: false, error: failure, ...t });
      if (code === 0) return finish({ ok: true, ...t });
      const firstLine = t.stderr.trim().split('\n')[0]?.slice(0, 300) ?? '';
      const how = signal ? `killed by ${signal}` : `exit ${String(code)}`;
      finish({ ok: false, error: `${what}: ${how}${firstLine ? `: ${firstLine}` : ''}`, ...t });
    });
  });
}

const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The absolute path of an executable `name` on `$PATH` (and the usual system directories, which
 * a service's PATH may lack), or undefined. Looked up on each call: a runtime installed while
 * the agent runs is found at the next scan.
 * @example findExecutable('crictl') // '/usr/local/bin/crictl' or undefined
 */
export function findExecutable(name: string, path = process.env.PATH ?? ''): string | undefined {
  const dirs = [...path.split(':').filter((d) => d.startsWith('/')), ...SYSTEM_DIRS];
  for (const dir of new Set(dirs)) {
    const file = `${dir}/${name}`;
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not there
    }
  }
  return undefined;
}
