/**
 * Test-only loader for `testdata/`: real recordings with the command that printed them
 * (`real/recordings.json`) and the ground truth captured at the same moment (`real/truth.json`).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { NsType, ProcessRow } from '../../../protocol/snapshot.ts';
import type { ParseContext } from '../../types.ts';

const dir = fileURLToPath(new URL('./testdata/', import.meta.url));

/** Text of a test file; `.gz` files (the large multi-process recordings) are inflated. */
export function readTestdata(path: string): string {
  const bytes = readFileSync(dir + path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

interface RecordingMeta {
  argv: string[];
  pid?: number;
  via?: NonNullable<ParseContext['via']>;
}

const meta = JSON.parse(readTestdata('real/recordings.json')) as Record<string, RecordingMeta>;

/** A real recording and the context a transcript would give its parser. */
export function recording(file: string): { text: string; ctx: ParseContext } {
  const m = meta[file.replace(/\.gz$/, '')];
  if (!m) throw new Error(`no metadata for ${file}`);
  const ctx: ParseContext = { source: file, argv: m.argv };
  if (m.pid !== undefined) ctx.pid = m.pid;
  if (m.via !== undefined) ctx.via = m.via;
  return { text: readTestdata(`real/${file}`), ctx };
}

/** Every real recording file name. */
export const RECORDINGS: readonly string[] = Object.keys(meta).map((f) =>
  f === 'ls-l-all.txt' || f === 'stat-all.txt' ? `${f}.gz` : f,
);

export type Link =
  | 'cgroup'
  | 'ipc'
  | 'mnt'
  | 'net'
  | 'pid'
  | 'pid_for_children'
  | 'time'
  | 'time_for_children'
  | 'user'
  | 'uts';

export interface TruthProcess {
  ppid: number;
  uid: number;
  links: Record<Link, number>;
  cgroup: string;
}

export interface Truth {
  pods: { web: string; db: string };
  roles: Record<
    | 'webPauseWrap'
    | 'webPause'
    | 'nginxWrap'
    | 'nginx'
    | 'netshootWrap'
    | 'netshoot'
    | 'dbPauseWrap'
    | 'dbPause'
    | 'dbAppWrap'
    | 'dbApp',
    number
  >;
  processes: Record<string, TruthProcess>;
}

export const truth = JSON.parse(readTestdata('real/truth.json')) as Truth;

/** The truth of one PID. */
export function truthOf(pid: number): TruthProcess {
  const t = truth.processes[String(pid)];
  if (!t) throw new Error(`no truth for PID ${pid}`);
  return t;
}

/** What a parser should have stored for a process whose every link was read. */
export function expectedNamespaces(t: TruthProcess): {
  namespaces: Partial<Record<NsType, number>>;
  forChildren: Partial<Record<'pid' | 'time', number>>;
} {
  const { pid_for_children, time_for_children, ...rest } = t.links;
  return { namespaces: rest, forChildren: { pid: pid_for_children, time: time_for_children } };
}

/** A process row of a fragment by PID. */
export function row(rows: readonly ProcessRow[], pid: number): ProcessRow | undefined {
  return rows.find((r) => r.pid === pid);
}
