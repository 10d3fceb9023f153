/**
 * `crictl inspect` (containers) and `crictl inspectp` (pod sandboxes): `{"status":…,"info":…}`
 * documents, concatenated by crictl <= 1.30 and wrapped in one array by >= 1.31 (formats.md 3.3).
 * `info` is the runtime's verbose data: containerd and CRI-O both give `pid` and the OCI
 * `runtimeSpec`; containerd adds `sandboxID`, `snapshotter` and `runtimeType`.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import type { FormatParser } from '../../types.ts';
import { isSub, outputFormat, readCommand } from './argv.ts';
import { describe, objects, parseJsonDocs, squeezedHead } from './harness.ts';
import { containerType, fillPod, podLabels, qosOf, sandboxIdOf } from './kube.ts';
import { arr, at, obj, pid, str, strMap, type Obj } from './values.ts';

/** The CRI runtime behind a document, when its info or spec gives it away. */
function runtimeOf(
  info: Obj | undefined,
  annotations: Record<string, string>,
  cgroupsPath: string,
): string | undefined {
  const keys = Object.keys(annotations);
  if (
    keys.some((k) => k.startsWith('io.kubernetes.cri-o.')) ||
    /(^|[:/])crio[-:]/.test(cgroupsPath)
  ) {
    return 'cri-o';
  }
  if (
    info?.['snapshotter'] !== undefined ||
    keys.some((k) => k.startsWith('io.kubernetes.cri.')) ||
    cgroupsPath.includes('cri-containerd')
  ) {
    return 'containerd';
  }
  return undefined;
}

/** Pod IPs of a sandbox status: `network.ip` and `network.additionalIps[].ip`. */
function podIps(status: Obj): string[] {
  const ips: string[] = [];
  const ip = str(at(status, 'network', 'ip'));
  if (ip) ips.push(ip);
  for (const extra of arr(at(status, 'network', 'additionalIps')) ?? []) {
    const x = str(at(extra, 'ip'));
    if (x) ips.push(x);
  }
  return ips;
}

/**
 * containerd joins an app container to its pod's net, ipc and uts namespaces through
 * `/proc/<sandbox pid>/ns/<type>`, so such a path names the sandbox's process. (The pid entry
 * can point at a debug target instead, so it is not used.)
 */
function sandboxPidFromSpec(spec: unknown): number | undefined {
  for (const ns of arr(at(spec, 'linux', 'namespaces')) ?? []) {
    const type = str(at(ns, 'type'));
    const m = /^\/proc\/(\d+)\/ns\/(net|ipc|uts)$/.exec(str(at(ns, 'path')) ?? '');
    if (m && (type === 'network' || type === 'ipc' || type === 'uts')) return pid(m[1]);
  }
  return undefined;
}

function readOne(b: FragmentBuilder, item: unknown, line: number): void {
  const o = obj(item);
  const status = obj(o?.['status']);
  if (!o || !status) {
    b.error(
      line,
      `expected a crictl inspect object with "status" and "info", found ${describe(item)}`,
    );
    return;
  }
  const id = str(status['id']);
  if (!id) {
    b.warn(line, 'inspect document without status.id; skipped');
    return;
  }
  if (status['repoTags'] !== undefined || id.startsWith('sha256:')) {
    b.warn(line, `${id} is an image (crictl inspecti), not a container or pod; skipped`);
    return;
  }
  const info = obj(o['info']);
  const spec = obj(info?.['runtimeSpec']);
  const specAnn = strMap(spec?.['annotations']);
  const ann = strMap(status['annotations']);
  const labels = strMap(status['labels']);
  const cgroupsPath = str(at(spec, 'linux', 'cgroupsPath')) ?? '';
  const runtime = runtimeOf(info, { ...ann, ...specAnn }, cgroupsPath);
  const kind =
    containerType(specAnn, ann, labels) ??
    (status['network'] !== undefined || status['linux'] !== undefined
      ? 'sandbox'
      : status['image'] !== undefined || info?.['sandboxID'] !== undefined
        ? 'container'
        : at(status, 'metadata', 'uid') !== undefined
          ? 'sandbox'
          : 'container');
  const c = b.container(id);
  const state = str(status['state']);
  if (state) c.state = state;
  if (runtime) c.runtime = runtime;
  const p = pid(info?.['pid']);
  if (p !== undefined) {
    c.pid = p;
    b.process(p).container = id;
  }
  const fromLabels = podLabels(labels);
  const qos = qosOf(cgroupsPath);

  if (kind === 'sandbox') {
    c.sandbox = true;
    c.pod = id;
    const image = str(info?.['image']);
    if (image) c.image = image;
    const meta = obj(status['metadata']);
    // `linux.namespaces.options` (NODE = host network/pid/ipc) has no place in snapshot@1 yet.
    fillPod(b, id, {
      name: str(meta?.['name']) ?? fromLabels.name,
      namespace: str(meta?.['namespace']) ?? fromLabels.namespace,
      uid: str(meta?.['uid']) ?? fromLabels.uid,
      qos,
      ips: podIps(status),
      sandboxId: id,
    });
    return;
  }

  const name = str(at(status, 'metadata', 'name')) ?? fromLabels.container;
  if (name) c.name = name;
  const image = str(at(status, 'image', 'image')) ?? str(status['imageRef']);
  if (image) c.image = image;
  const podId = str(info?.['sandboxID']) ?? sandboxIdOf(specAnn, ann, labels);
  if (!podId) return;
  c.pod = podId;
  fillPod(b, podId, {
    name: fromLabels.name,
    namespace: fromLabels.namespace,
    uid: fromLabels.uid,
    qos,
    sandboxId: podId,
  });
  const sandboxPid = sandboxPidFromSpec(spec);
  if (sandboxPid !== undefined && sandboxPid !== p) {
    const s = b.container(podId);
    s.sandbox = true;
    s.pod = podId;
    s.pid ??= sandboxPid;
    b.process(sandboxPid).container ??= podId;
  }
}

/**
 * `crictl inspect ID…` / `crictl inspectp ID…`.
 * `{"status":{"id":"ab…","metadata":{"name":"nginx"}},"info":{"pid":4242,"sandboxID":"cd…"}}`
 * → container ab… (pid 4242, pod cd…), process 4242 in container ab….
 */
export const crictlInspect: FormatParser = {
  id: 'crictl-inspect',
  title: 'crictl inspect / inspectp JSON',
  detect(text) {
    const h = squeezedHead(text);
    if (!/^\[?\{"(?:status|info)":\{/.test(h)) return 0;
    if (/"repoTags":/.test(h)) return 0.2;
    return /"(?:runtimeSpec|sandboxID|metadata|pid)":/.test(h) ? 0.95 : 0.7;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'crictl-inspect', 'crictl inspect JSON', (b, value, line) => {
      for (const item of objects(value)) readOne(b, item, line);
    }),
  forCommand(argv) {
    const cmd = readCommand(argv);
    if (!isSub(cmd, 'crictl', ['inspect'], ['inspectp'])) return 0;
    const f = outputFormat(cmd);
    return f === '' || f === 'json' ? 1 : 0;
  },
};
