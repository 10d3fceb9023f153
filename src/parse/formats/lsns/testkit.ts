/**
 * Test helpers (imported by the *.test.ts files only): the recordings in testdata/, their
 * ground truth read from /proc, and a parse-by-command-line helper.
 */
import { readFileSync } from 'node:fs';
import type { NsType, ProcessRow, Snapshot } from '../../../protocol/snapshot.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { lsnsFormats } from './index.ts';

export interface Recording {
  file: string;
  argv: string[];
  env?: string;
  terminal?: number;
}

export interface TruthProcess {
  ppid: number;
  uid: number;
  ns: Partial<Record<NsType | 'pid_for_children' | 'time_for_children', number>>;
}

export interface Truth {
  'util-linux': string;
  topology: Record<
    | 'pauseWrapper'
    | 'pause'
    | 'app1Wrapper'
    | 'app1'
    | 'app2Wrapper'
    | 'app2'
    | 'rootlessWrapper'
    | 'rootless'
    | 'netnsSleep'
    | 'pauseNet',
    number
  >;
  processes: Record<string, TruthProcess>;
}

const dir = new URL('./testdata/', import.meta.url);

export function readData(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export const recordings: Recording[] = JSON.parse(readData('2.38.1.recordings.json'));
export const truth: Truth = JSON.parse(readData('2.38.1.truth.json'));

/** The parser that `forCommand` routes `argv` to. */
export function routed(argv: readonly string[]): FormatParser {
  const best = [...lsnsFormats].sort((a, b) => b.forCommand!(argv) - a.forCommand!(argv))[0]!;
  return best;
}

/** The parser whose `detect` is most confident. */
export function detected(text: string): FormatParser {
  return [...lsnsFormats].sort(
    (a, b) => b.detect(text, { source: 't' }) - a.detect(text, { source: 't' }),
  )[0]!;
}

export function parseAs(id: string, text: string, ctx: Partial<ParseContext> = {}): ParseResult {
  const parser = lsnsFormats.find((f) => f.id === id)!;
  return parser.parse(text, { source: 'test', ...ctx });
}

export function proc(s: Snapshot, pid: number): ProcessRow | undefined {
  return s.processes.find((p) => p.pid === pid);
}

export function ns(s: Snapshot, type: NsType, inode: number) {
  return s.namespaces.find((n) => n.type === type && n.inode === inode);
}

export function errors(r: ParseResult): string[] {
  return r.issues.filter((i) => i.level === 'error').map((i) => `${i.line}: ${i.message}`);
}

const TYPES: NsType[] = ['mnt', 'net', 'pid', 'ipc', 'uts', 'user', 'cgroup', 'time'];

/** Every (type, inode) that some process of the truth is in, as `type:inode` keys. */
export function truthNamespaces(filter: (t: NsType) => boolean = () => true): Set<string> {
  const out = new Set<string>();
  for (const p of Object.values(truth.processes)) {
    for (const t of TYPES) {
      const inode = p.ns[t];
      if (inode !== undefined && filter(t)) out.add(`${t}:${inode}`);
    }
  }
  return out;
}

/** The lowest PID in a namespace, per the truth: lsns' representative. */
export function lowestPid(type: NsType, inode: number): number | undefined {
  let low: number | undefined;
  for (const [pid, p] of Object.entries(truth.processes)) {
    if (p.ns[type] === inode && (low === undefined || Number(pid) < low)) low = Number(pid);
  }
  return low;
}

export function keys(s: Snapshot): Set<string> {
  return new Set(s.namespaces.map((n) => `${n.type}:${n.inode}`));
}
