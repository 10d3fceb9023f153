/** Shared by this directory's tests: loading samples and reading parse results. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ContainerRow, NsType, PodRow, ProcessRow } from '../../../protocol/snapshot.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';

const DIR = fileURLToPath(new URL('./testdata/', import.meta.url));

export function sample(rel: string): string {
  return readFileSync(rel.startsWith('/') ? rel : DIR + rel, 'utf8');
}

export function sampleNames(sub: string): string[] {
  return readdirSync(sub.startsWith('/') ? sub : DIR + sub).sort();
}

export const ctx: ParseContext = { source: 'sample' };

export function run(parser: FormatParser, text: string, context: ParseContext = ctx): ParseResult {
  return parser.parse(text, context);
}

export function containerOf(r: ParseResult, id: string): ContainerRow | undefined {
  return r.fragment.containers.find((c) => c.id === id);
}

export function podOf(r: ParseResult, key: string): PodRow | undefined {
  return r.fragment.pods.find((p) => p.key === key);
}

export function processOf(r: ParseResult, pid: number): ProcessRow | undefined {
  return r.fragment.processes.find((p) => p.pid === pid);
}

/** `ls -l /proc/PID/ns` → inode per type, without the `*_for_children` links. */
export function procNs(text: string): Partial<Record<NsType, number>> {
  const out: Partial<Record<NsType, number>> = {};
  for (const m of text.matchAll(/ (\w+) -> '?(\w+):\[(\d+)\]/g)) {
    if (!m[1]!.endsWith('_for_children')) out[m[2] as NsType] = Number(m[3]);
  }
  return out;
}

export const HEX13 = /^[0-9a-f]{13}$/;

export interface RecordedContainer {
  id: string;
  pid: number;
  name: string;
  infra: boolean;
  /** From `ls -l /proc/PID/ns`. */
  ns: Partial<Record<NsType, number>>;
  /** The `0::` line of /proc/PID/cgroup. */
  cgroup: string;
}

export interface Recording {
  podId: string;
  podName: string;
  ctrs: RecordedContainer[];
  host: Partial<Record<NsType, number>>;
}

/** The truth a `podman-pod.sh record` directory holds (relative to testdata/, or absolute). */
export function readRecording(dir: string): Recording {
  const pod = JSON.parse(sample(`${dir}/podman-pod-inspect.json`)) as { Id: string; Name: string };
  const ctrs = sample(`${dir}/containers.tsv`)
    .trim()
    .split('\n')
    .map((l) => {
      const [id = '', pid = '', name = '', infra] = l.split('\t');
      const cg = sample(`${dir}/proc-${pid}-cgroup.txt`);
      return {
        id,
        pid: Number(pid),
        name,
        infra: infra === 'true',
        ns: procNs(sample(`${dir}/proc-${pid}-ns.txt`)),
        cgroup: /^0::(.*)$/m.exec(cg)?.[1] ?? '',
      };
    });
  return { podId: pod.Id, podName: pod.Name, ctrs, host: procNs(sample(`${dir}/host-ns.txt`)) };
}
