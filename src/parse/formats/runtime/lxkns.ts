/**
 * lxkns discovery JSON (`dumpns`, `GET /api/namespaces`, the lxkns UI download); see
 * lxkns-format.md. Membership comes from `processes[pid].namespaces`, never from `leaders`
 * (a compaction). `tasks` are skipped: they repeat the namespace set per thread.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import { toNsType } from '../../nstype.ts';
import type { FormatParser } from '../../types.ts';
import { readCommand } from './argv.ts';
import { describe, parseJsonDocs, squeezedHead } from './harness.ts';
import { fillPod, LABEL } from './kube.ts';
import { arr, int, obj, pid, str, strMap, type Obj } from './values.ts';

const SANDBOX_LABEL = 'lxkns/k8s/container/kind';
const POD_GROUP = 'io.kubernetes.pod';

function entries(v: unknown): [string, Obj][] {
  const out: [string, Obj][] = [];
  for (const [k, raw] of Object.entries(obj(v) ?? {})) {
    const o = obj(raw);
    if (o) out.push([k, o]);
  }
  return out;
}

/** A bind-mount path from `reference` (string in old versions, path list in new ones). */
function nsfsPath(reference: unknown): string | undefined {
  const list = arr(reference) ?? [reference];
  const last = str(list[list.length - 1]);
  return last && !last.startsWith('/proc/') ? last : undefined;
}

function readNamespaces(b: FragmentBuilder, root: Obj, line: number): void {
  for (const [key, ns] of entries(root['namespaces'])) {
    const type = toNsType(str(ns['type']) ?? '');
    const inode = int(ns['nsid']) ?? int(key);
    if (!type || !inode) {
      b.warn(line, `namespaces["${key}"] has no known type or nsid; skipped`);
      continue;
    }
    const row = b.namespace(type, inode);
    const owner = int(ns['owner']);
    if (owner) row.owner = owner;
    const parent = int(ns['parent']);
    if (parent) row.parent = parent;
    const nsfs = nsfsPath(ns['reference']);
    if (nsfs) row.nsfs = [nsfs];
  }
}

function readProcesses(b: FragmentBuilder, root: Obj, line: number): void {
  for (const [key, p] of entries(root['processes'])) {
    const id = pid(p['pid']) ?? pid(key);
    if (id === undefined) {
      b.warn(line, `processes["${key}"] has no pid; skipped`);
      continue;
    }
    const row = b.process(id);
    const ppid = int(p['ppid']);
    if (ppid !== undefined) row.ppid = ppid;
    const argv = (arr(p['cmdline']) ?? []).filter((a): a is string => typeof a === 'string');
    const command = argv.length > 0 ? argv.join(' ') : str(p['name']);
    if (command) row.command = command;
    // v0.16-era files call it `cgroup`.
    const cgroup = str(p['cpucgroup']) ?? str(p['cgroup']);
    if (cgroup) row.cgroup = cgroup;
    const start = int(p['starttime']);
    if (start !== undefined) row.startTime = start;
    for (const [t, inode] of Object.entries(obj(p['namespaces']) ?? {})) {
      const type = toNsType(t);
      const n = int(inode);
      if (type && n) b.membership(id, type, n, line);
    }
  }
}

/** The engine's product, from its API socket path, else its type. */
function runtimeOf(engine: Obj | undefined): string | undefined {
  const api = str(engine?.['api']) ?? '';
  for (const [needle, name] of [
    ['containerd', 'containerd'],
    ['crio', 'cri-o'],
    ['podman', 'podman'],
    ['docker', 'docker'],
  ] as const) {
    if (api.includes(needle)) return name;
  }
  const type = str(engine?.['type']);
  return type === 'docker.com' ? 'docker' : type === 'containerd.io' ? 'containerd' : type;
}

function readContainers(b: FragmentBuilder, root: Obj, line: number): void {
  const engines = new Map(entries(root['container-engines']));
  const byPid = new Map<number, { id: string; labels: Record<string, string> }>();
  for (const [key, c] of entries(root['containers'])) {
    const id = str(c['id']);
    const p = pid(c['pid']) ?? pid(key);
    if (!id) {
      b.warn(line, `containers["${key}"] has no id; skipped`);
      continue;
    }
    const row = b.container(id);
    const labels = strMap(c['labels']);
    const name = labels[LABEL.containerName] ?? str(c['name']);
    if (name) row.name = name;
    if (Object.hasOwn(labels, SANDBOX_LABEL)) row.sandbox = true;
    const runtime = runtimeOf(engines.get(String(c['engine'])));
    if (runtime) row.runtime = runtime;
    // lxkns only lists containers that have a live process.
    row.state = c['paused'] === true ? 'paused' : 'running';
    if (p === undefined) continue;
    row.pid = p;
    b.process(p).container = id;
    byPid.set(p, { id, labels });
  }
  for (const [ref, g] of entries(root['container-groups'])) {
    if (str(g['type']) !== POD_GROUP) continue;
    const members = (arr(g['containers']) ?? [])
      .map((p) => byPid.get(pid(p) ?? 0))
      .filter((m): m is { id: string; labels: Record<string, string> } => m !== undefined);
    const groupName = str(g['name']) ?? '';
    const slash = groupName.indexOf('/');
    const sandbox = members.find((m) => Object.hasOwn(m.labels, SANDBOX_LABEL));
    // The pod key is the sandbox id; without a sandbox container only the name is left.
    const key = sandbox?.id ?? (groupName || `lxkns-group-${ref}`);
    if (!sandbox)
      b.warn(line, `pod group "${groupName}" has no sandbox container; keyed by its name`);
    const labels = members[0]?.labels ?? {};
    fillPod(b, key, {
      namespace: slash > 0 ? groupName.slice(0, slash) : labels[LABEL.podNamespace],
      name: slash > 0 ? groupName.slice(slash + 1) : labels[LABEL.podName],
      uid: labels[LABEL.podUid],
      sandboxId: sandbox?.id,
    });
    for (const m of members) b.container(m.id).pod = key;
  }
}

function readDiscovery(b: FragmentBuilder, value: unknown, line: number): void {
  const root = obj(value);
  if (!root || !obj(root['namespaces']) || !obj(root['processes'])) {
    b.error(
      line,
      `expected an lxkns discovery object with "namespaces" and "processes" maps, found ${describe(value)}`,
    );
    return;
  }
  b.tool = 'lxkns';
  readNamespaces(b, root, line);
  readProcesses(b, root, line);
  readContainers(b, root, line);
}

/**
 * lxkns discovery JSON.
 * `{"namespaces":{"4026532605":{"nsid":4026532605,"type":"net"}},"processes":{"5001":{"pid":5001,
 * "namespaces":{"net":4026532605}}}}` → process 5001 in net namespace 4026532605.
 */
export const lxknsDiscovery: FormatParser = {
  id: 'lxkns-json',
  title: 'lxkns discovery JSON',
  detect(text) {
    const h = squeezedHead(text);
    if (/^\{"(?:discovery-options|options)":\{/.test(h)) return 0.95;
    if (/^\{"container-engines":\{/.test(h)) return 0.85;
    return /^\{"namespaces":\{"\d+":\{"nsid":/.test(h) ? 0.9 : 0;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'lxkns-json', 'lxkns discovery JSON', readDiscovery),
  forCommand(argv) {
    const cmd = readCommand(argv);
    if (cmd.tool === 'dumpns') return 1;
    const api = argv.some((a) => /\/api\/namespaces\b/.test(a));
    return api && (cmd.tool === 'curl' || cmd.tool === 'wget') ? 0.9 : 0;
  },
};
