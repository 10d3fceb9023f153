/**
 * Stable JSON for snapshots: the same scan always prints the same bytes, so recordings diff
 * cleanly and can serve as golden files.
 */
import type { NamespaceRow, ProcessRow, Snapshot } from '../../src/protocol/snapshot.ts';
import { NS_TYPES } from '../../src/protocol/snapshot.ts';
import { compareNamespaces } from './collect.ts';

type Obj = Record<string, unknown>;

// Contract §2 field order; keys not listed (later additions) follow in alphabetical order.
const ORDER: Record<string, readonly string[]> = {
  snapshot: [
    'schema',
    'capturedAt',
    'sources',
    'nodes',
    'namespaces',
    'processes',
    'containers',
    'pods',
    'warnings',
  ],
  namespace: ['node', 'type', 'inode', 'nprocs', 'owner', 'parent', 'nsfs', 'hostname'],
  process: [
    'node',
    'pid',
    'ppid',
    'command',
    'user',
    'uid',
    'namespaces',
    'forChildren',
    'cgroup',
    'container',
    'startTime',
  ],
  container: ['node', 'id', 'name', 'pod', 'sandbox', 'runtime', 'image'],
  pod: ['node', 'key', 'uid', 'name', 'namespace', 'qos'],
  nsMap: NS_TYPES,
};

function ordered(obj: object, order: readonly string[]): Obj {
  const src = obj as Obj;
  const out: Obj = {};
  for (const k of order) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src).sort()) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out;
}

const byNodeThen =
  <T extends { node: string }>(then: (a: T, b: T) => number) =>
  (a: T, b: T): number =>
    a.node !== b.node ? (a.node < b.node ? -1 : 1) : then(a, b);
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function processRow(p: ProcessRow): Obj {
  const row = ordered(p, ORDER.process!);
  row.namespaces = ordered(p.namespaces, ORDER.nsMap!);
  if (p.forChildren) row.forChildren = ordered(p.forChildren, ['pid', 'time']);
  return row;
}

/**
 * Pretty-prints a snapshot as JSON with a stable order: keys as in the contract, processes by
 * node and pid, namespaces by node, type (mnt net pid ipc uts user cgroup time) and inode,
 * containers and pods by node and id/key. Does not modify its input; ends with a newline.
 * `formatSnapshot(emptySnapshot())` → `'{\n  "schema": "nsviz/snapshot@1",\n  "sources": [],…}\n'`.
 */
export function formatSnapshot(s: Snapshot): string {
  const top = ordered(s, ORDER.snapshot!);
  top.namespaces = [...s.namespaces]
    .sort(compareNamespaces)
    .map((n: NamespaceRow) => ordered(n, ORDER.namespace!));
  top.processes = [...s.processes].sort(byNodeThen((a, b) => a.pid - b.pid)).map(processRow);
  top.containers = [...s.containers]
    .sort(byNodeThen((a, b) => byString(a.id, b.id)))
    .map((c) => ordered(c, ORDER.container!));
  top.pods = [...s.pods]
    .sort(byNodeThen((a, b) => byString(a.key, b.key)))
    .map((p) => ordered(p, ORDER.pod!));
  return `${JSON.stringify(top, null, 2)}\n`;
}
