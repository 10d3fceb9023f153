/**
 * Many namespace lookups through one shell: each lookup is a fork + exec, and a fork of the
 * agent (a large process) costs several milliseconds of its main thread, where the scans run;
 * a fork of `sh` costs next to nothing. So the agent forks once per batch, and the shell runs
 * `nsenter … ip -j addr` / `nsenter … uname -n` for each namespace in turn, each entering the
 * namespace file the agent opened and checked (passed as fds 3, 4, …, as for a single lookup).
 * Every command's output is framed by marker lines carrying a random nonce, so no output can
 * pass for another's. Lookups the batch could not settle (no shell, an `ip` without JSON) go
 * through `lookUpNamespace` one by one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { findExecutable, runArgv } from './run.ts';
import {
  lookUpNamespace,
  openNamespace,
  readInterfaces,
  type Found,
  type Job,
  type LookupOptions,
  type Tools,
} from './detailsLookup.ts';

/** A job of a batch; `own`: one of the agent's own namespaces (no nsenter). */
export interface BatchJob extends Job {
  own: boolean;
}

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/**
 * Looks up `jobs` with one `sh` run; one result per job, in order: what was found, or a warning
 * message.
 * @example await lookUpBatch([{ type: 'uts', inode: 4026532201, pids: [812], own: false }], tools, o) // [{ hostname: 'web-0' }]
 */
export async function lookUpBatch(
  jobs: readonly BatchJob[],
  tools: Tools,
  options: LookupOptions,
): Promise<(Found | string)[]> {
  const sh = findExecutable('sh');
  if (!sh || jobs.length === 1)
    return Promise.all(jobs.map((j) => lookUpNamespace(j, j.own, tools, options)));
  const results: (Found | string | undefined)[] = jobs.map(() => undefined);
  const fds: number[] = [];
  const lines: string[] = ['M=$1'];
  const ran: number[] = [];
  try {
    jobs.forEach((job, i) => {
      const label = `${job.type}:[${job.inode}]`;
      if (job.own && job.type === 'uts') return void (results[i] = { hostname: hostname() });
      if (job.type === 'uts' && !tools.uname)
        return void (results[i] = 'uname is not installed: host names are not read');
      let enter = '';
      if (!job.own) {
        const fd = openNamespace(job, options.procRoot);
        if (fd === undefined)
          return void (results[i] =
            `${label}: every process in it exited before it could be described`);
        fds.push(fd);
        enter = `${quote(tools.nsenter!)} --${job.type}=/proc/self/fd/${2 + fds.length} `;
      }
      const command =
        job.type === 'uts' ? `${quote(tools.uname!)} -n` : `${quote(tools.ip!)} -j addr`;
      lines.push(
        `printf '%s %s b\\n' "$M" ${i}; printf '\\n%s %s\\n' "$M" ${i} >&2; ${enter}${command}; printf '\\n%s %s e %s\\n' "$M" ${i} "$?"`,
      );
      ran.push(i);
    });
    if (ran.length > 0) {
      const nonce = randomBytes(12).toString('hex');
      const r = await runArgv(sh, ['-c', lines.join('\n'), 'sh', nonce], {
        // Each command keeps its own limit; the batch as a whole, all of them.
        timeoutMs: options.timeoutMs * ran.length,
        maxBytes: 4 * 1024 * 1024 * ran.length,
        fds,
        // Lookups run beside the scans: on a busy host the scans (what viewers wait for) go first.
        nice: 10,
      });
      const out = splitFramed(r.stdout, nonce, true);
      const err = splitFramed(r.stderr, nonce, false);
      for (const i of ran) {
        const job = jobs[i]!;
        const label = `${job.type}:[${job.inode}]`;
        const got = out.get(i);
        const stderr = err.get(i)?.text.trim() ?? '';
        if (!got || got.rc === undefined) {
          results[i] = r.ok ? `${label}: no answer` : r.error;
          continue;
        }
        if (got.rc !== 0) {
          // An iproute2 without JSON: that one again, the old way.
          if (job.type === 'net' && /-j|json/i.test(stderr)) continue;
          const first = stderr.split('\n')[0]?.slice(0, 300) ?? '';
          results[i] =
            `${job.type === 'uts' ? 'uname -n' : 'ip -j addr'} in ${label}: exit ${got.rc}${first ? `: ${first}` : ''}`;
          continue;
        }
        results[i] =
          job.type === 'uts'
            ? { hostname: got.text.trim() }
            : readInterfaces(label, got.text, 'json');
      }
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  return Promise.all(
    results.map((r, i) => r ?? lookUpNamespace(jobs[i]!, jobs[i]!.own, tools, options)),
  );
}

/**
 * The framed parts of a batch's stdout (`<nonce> <i> b` … `<nonce> <i> e <rc>`) or stderr
 * (`<nonce> <i>` up to the next marker), by job index; markers start lines. A part without its
 * end marker (the batch was stopped) has no `rc`.
 */
export function splitFramed(
  text: string,
  nonce: string,
  framed: boolean,
): Map<number, { text: string; rc?: number }> {
  const parts = new Map<number, { text: string; rc?: number }>();
  const marker = new RegExp(`(?<=^|\\n)${nonce} (\\d+)(?: (b|e)(?: (\\d+))?)?\\n`, 'g');
  let open: { i: number; from: number } | undefined;
  for (const m of text.matchAll(marker)) {
    const i = Number(m[1]);
    // (The newline before a marker was printed with it.)
    if (open) parts.set(open.i, { text: text.slice(open.from, Math.max(open.from, m.index - 1)) });
    open = undefined;
    if (framed && m[2] === 'e') {
      const part = parts.get(i);
      if (part) part.rc = Number(m[3]);
      continue;
    }
    open = { i, from: m.index + m[0].length };
  }
  if (open) parts.set(open.i, { text: text.slice(open.from) });
  return parts;
}
