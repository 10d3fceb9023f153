/**
 * The scanner's only I/O: reading a process's /proc files into strings. Errors are returned as
 * values (`Fail`), never thrown, because a process can exit between any two reads and that is
 * normal; `collect.ts` decides what each failure means.
 */
import { closeSync, openSync, readSync, readlinkSync } from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
import { NS_TYPES } from '../../src/protocol/snapshot.ts';

/** The entries of `/proc/PID/ns` we read, in this order. */
export const LINK_NAMES = [...NS_TYPES, 'pid_for_children', 'time_for_children'] as const;
export type LinkName = (typeof LINK_NAMES)[number];

/** A failed read, with its errno code (`ENOENT`, `EACCES`, …). */
export class Fail {
  constructor(readonly code: string) {}
}
export type Got = string | Fail;

/** Everything read for one PID; `links[i]` belongs to `names[i]`. */
export interface RawProc {
  pid: number;
  stat: Got;
  status: Got;
  cmdline: Got;
  cgroup: Got;
  names: readonly LinkName[];
  links: Got[];
}

function fail(e: unknown): Fail {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return new Fail(typeof code === 'string' ? code : 'EIO');
}

// One buffer reused for every read: /proc files report size 0, so readFileSync would fstat
// and then grow buffers chunk by chunk; a shared 64 KiB buffer avoids both per file.
let shared = Buffer.allocUnsafe(1 << 16);

/**
 * Reads a whole file synchronously into a string; failures come back as `Fail`.
 * `oneShot`: the file is generated in one piece (stat, status, cgroup, cmdline), so a read
 * that does not fill the buffer has reached EOF and the extra `read() = 0` call is skipped —
 * that saves ~15% of a scan. Generic seq files (mountinfo) arrive page by page: keep it false.
 * `until`: only the text before its first occurrence is decoded (all of it when absent).
 */
export function readTextSync(
  path: string,
  encoding: BufferEncoding = 'utf8',
  oneShot = false,
  until?: Buffer,
): Got {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return fail(e);
  }
  try {
    let n = 0;
    for (;;) {
      if (n === shared.length) {
        const bigger = Buffer.allocUnsafe(shared.length * 2);
        shared.copy(bigger);
        shared = bigger; // long cmdlines (JVMs) are rare; keep the larger buffer
      }
      const r = readSync(fd, shared, n, shared.length - n, null);
      n += r;
      if (r === 0 || (oneShot && n < shared.length)) break;
    }
    // (A match past `n` is an earlier file's bytes: ignored.)
    const cut = until ? shared.indexOf(until) : -1;
    return shared.toString(encoding, 0, cut >= 0 && cut < n ? cut : n);
  } catch (e) {
    return fail(e);
  } finally {
    closeSync(fd);
  }
}

function readlinkGot(path: string): Got {
  try {
    return readlinkSync(path);
  } catch (e) {
    return fail(e);
  }
}

/**
 * Reads one process synchronously. Stops after `stat` when that fails: the process is gone (or
 * unreadable) and the remaining calls would only fail too.
 */
export function readProcSync(root: string, pid: number, names: readonly LinkName[]): RawProc {
  const dir = `${root}/${pid}`;
  const stat = readTextSync(`${dir}/stat`, 'utf8', true);
  if (stat instanceof Fail) {
    return { pid, stat, status: stat, cmdline: stat, cgroup: stat, names, links: [] };
  }
  const ns = `${dir}/ns/`;
  const links: Got[] = [];
  for (const name of names) links.push(readlinkGot(ns + name));
  return {
    pid,
    stat,
    // Only PPid, Uid and NSpid are taken from status, all before NSpgid (the rest, memory
    // figures and masks, is two thirds of it); latin1 decodes faster than utf8.
    status: readTextSync(`${dir}/status`, 'latin1', true, STATUS_END),
    cmdline: readTextSync(`${dir}/cmdline`, 'utf8', true),
    cgroup: readTextSync(`${dir}/cgroup`, 'utf8', true),
    names,
    links,
  };
}

const STATUS_END = Buffer.from('\nNSpgid:');

const settle = (p: Promise<string>): Promise<Got> => p.catch(fail);

/** The same as `readProcSync` with fs.promises (kept for the sync-vs-async benchmark). */
export async function readProcAsync(
  root: string,
  pid: number,
  names: readonly LinkName[],
): Promise<RawProc> {
  const dir = `${root}/${pid}`;
  const stat = await settle(readFile(`${dir}/stat`, 'utf8'));
  if (stat instanceof Fail) {
    return { pid, stat, status: stat, cmdline: stat, cgroup: stat, names, links: [] };
  }
  const [status, cmdline, cgroup, ...links] = await Promise.all([
    settle(readFile(`${dir}/status`, 'latin1')),
    settle(readFile(`${dir}/cmdline`, 'utf8')),
    settle(readFile(`${dir}/cgroup`, 'utf8')),
    ...names.map((name) => settle(readlink(`${dir}/ns/${name}`))),
  ]);
  return { pid, stat, status: status!, cmdline: cmdline!, cgroup: cgroup!, names, links };
}
