import { parseProcPath, type ProcPath } from './procpath.ts';

/**
 * `grep -H` and `head`/`tail` name the file each line came from. These helpers peel that name
 * off so the cgroup and status parsers read single and multi-process captures alike.
 */

/**
 * Splits `/proc/123/cgroup:0::/x` (grep -H) into the file's `/proc` path and the line itself.
 * `file` is the last component the prefix must end with (`cgroup`, `status`).
 * `splitGrepPrefix('/proc/1/status:PPid:\t0', 'status')` → `{ path: { pid: 1, rest: 'status' }, body: 'PPid:\t0' }`.
 */
export function splitGrepPrefix(
  line: string,
  file: string,
): { path: ProcPath; body: string } | undefined {
  if (!line.startsWith('/proc/')) return undefined;
  const slash = line.indexOf('/', 6);
  if (slash < 0) return undefined;
  const end = slash + 1 + file.length;
  if (line.charCodeAt(end) !== 58 /* : */ || line.slice(slash + 1, end) !== file) return undefined;
  const path = parseProcPath(line.slice(0, end));
  return path === undefined ? undefined : { path, body: line.slice(end + 1) };
}

/** `==> /proc/1/cgroup <==` (head/tail of several files) → the path, else `undefined`. */
export function headBanner(line: string): ProcPath | undefined {
  if (!line.startsWith('==> ') || !line.endsWith(' <==')) return undefined;
  return parseProcPath(line.slice(4, -4));
}
