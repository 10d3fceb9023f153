/**
 * `podman inspect` and `docker inspect` of containers: arrays of Docker-style objects
 * (`Id`, `Name`, `State.Pid`, `Config.Labels`, `HostConfig`, `NetworkSettings`). podman adds
 * `Pod`, `IsInfra`, `ImageName` and `State.CgroupPath`; Kubernetes on Docker (cri-dockerd,
 * dockershim) marks sandboxes with the label `io.kubernetes.docker.type: podsandbox`.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import type { FormatParser } from '../../types.ts';
import { isSub, outputFormat, readCommand, wantsJson, type Command } from './argv.ts';
import { describe, objects, parseJsonDocs, squeezedHead } from './harness.ts';
import { containerType, fillPod, podLabels, sandboxIdOf } from './kube.ts';
import { isPodItem, readPodItem } from './podman-pod-inspect.ts';
import { at, obj, pid, str, strMap, type Obj } from './values.ts';

type Engine = 'podman' | 'docker';

/** IPv4/IPv6 addresses from `NetworkSettings`, top level and per network. */
function addresses(o: Obj): string[] {
  const ns = obj(o['NetworkSettings']);
  const out = new Set<string>();
  for (const net of [ns, ...Object.values(obj(ns?.['Networks']) ?? {})]) {
    for (const key of ['IPAddress', 'GlobalIPv6Address']) {
      const ip = str(at(net, key));
      if (ip) out.add(ip);
    }
  }
  return [...out];
}

/** `container:<id>` network mode: the container joins `<id>`'s net namespace. */
function netJoins(o: Obj): string | undefined {
  const m = /^container:([0-9a-f]{12,64})$/.exec(str(at(o, 'HostConfig', 'NetworkMode')) ?? '');
  return m?.[1];
}

function readItems(b: FragmentBuilder, value: unknown, line: number, engine: Engine): void {
  const sandboxes = new Set<string>();
  const later: [Obj, string][] = [];
  for (const item of objects(value)) {
    const o = obj(item);
    if (o && engine === 'podman' && isPodItem(o)) {
      readPodItem(b, o, line);
      continue;
    }
    const id = str(o?.['Id']);
    if (!o || !id) {
      b.error(line, `expected a ${engine} inspect object with "Id", found ${describe(item)}`);
      continue;
    }
    const labels = strMap(at(o, 'Config', 'Labels'));
    const kube = podLabels(labels);
    const c = b.container(id);
    c.runtime = engine;
    const name = kube.container ?? str(o['Name'])?.replace(/^\//, '');
    if (name) c.name = name;
    const image = str(o['ImageName']) ?? str(at(o, 'Config', 'Image')) ?? str(o['Image']);
    if (image) c.image = image;
    const state = str(at(o, 'State', 'Status'));
    if (state) c.state = state;
    const p = pid(at(o, 'State', 'Pid'));
    if (p !== undefined) {
      c.pid = p;
      const proc = b.process(p);
      proc.container = id;
      // podman reports the cgroup it created, the same path /proc/<pid>/cgroup shows.
      const cg = str(at(o, 'State', 'CgroupPath'));
      if (cg?.startsWith('/')) proc.cgroup = cg;
    }

    if (engine === 'podman') {
      const podId = str(o['Pod']);
      const infra = o['IsInfra'] === true;
      if (infra) c.sandbox = true;
      if (podId) {
        c.pod = podId;
        fillPod(b, podId, infra ? { sandboxId: id, ips: addresses(o) } : {});
      }
      continue;
    }
    if (containerType(labels) === 'sandbox') {
      sandboxes.add(id);
      c.sandbox = true;
      c.pod = id;
      fillPod(b, id, { ...kube, sandboxId: id, ips: addresses(o) });
    } else {
      later.push([o, id]);
    }
  }
  // Docker app containers: the pod is the sandbox named by label, or the sandbox whose
  // network they join (both are set by cri-dockerd; a bare `container:` join of a non-sandbox
  // proves shared networking only, not a pod).
  for (const [o, id] of later) {
    const labels = strMap(at(o, 'Config', 'Labels'));
    const joined = netJoins(o);
    const podId = sandboxIdOf(labels) ?? (joined && sandboxes.has(joined) ? joined : undefined);
    if (!podId) continue;
    b.container(id).pod = podId;
    fillPod(b, podId, { ...podLabels(labels), sandboxId: podId });
  }
}

/** inspect prints JSON unless `--format` asks for a template other than `json` / `{{json .}}`. */
function jsonOrDefault(cmd: Command): boolean {
  return outputFormat(cmd) === '' || wantsJson(cmd);
}

function inspectHead(text: string): { h: string; podman: boolean } | undefined {
  const h = squeezedHead(text);
  if (!/^\[\{"Id":"/.test(h)) return undefined;
  return { h, podman: /"OciVersion":|"ImageName":|"IsInfra":|"ConmonPidFile":/.test(h) };
}

/**
 * `podman inspect ID…`.
 * `[{"Id":"f3…","Pod":"77…","IsInfra":false,"State":{"Pid":7565,"CgroupPath":"/libpod_parent/77…/libpod-f3…"}}]`
 * → container f3… in pod 77…, process 7565 in that cgroup.
 */
export const podmanInspect: FormatParser = {
  id: 'podman-inspect',
  title: 'podman inspect (containers)',
  detect(text) {
    const r = inspectHead(text);
    if (!r) return 0;
    return r.podman && /"State":\{/.test(r.h) ? 0.95 : r.podman ? 0.7 : 0.3;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'podman-inspect', 'podman inspect JSON', (b, v, line) =>
      readItems(b, v, line, 'podman'),
    ),
  forCommand(argv) {
    const cmd = readCommand(argv);
    if (cmd.flags.get('--type') === 'pod' || !jsonOrDefault(cmd)) return 0;
    return isSub(cmd, 'podman', ['inspect'], ['container', 'inspect']) ? 1 : 0;
  },
};

/**
 * `docker inspect ID…` (also cri-dockerd pods).
 * `[{"Id":"ab…","State":{"Pid":4242},"Config":{"Labels":{"io.kubernetes.docker.type":"podsandbox"}}}]`
 * → sandbox container ab… of pod ab…, process 4242.
 */
export const dockerInspect: FormatParser = {
  id: 'docker-inspect',
  title: 'docker inspect (containers)',
  detect(text) {
    const r = inspectHead(text);
    if (!r || r.podman) return r ? 0.3 : 0;
    return /"State":\{"Status":|"HostConfig":|"GraphDriver":/.test(r.h) ? 0.9 : 0.5;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'docker-inspect', 'docker inspect JSON', (b, v, line) =>
      readItems(b, v, line, 'docker'),
    ),
  forCommand(argv) {
    const cmd = readCommand(argv);
    if (!jsonOrDefault(cmd)) return 0;
    if (isSub(cmd, 'docker', ['inspect'], ['container', 'inspect'])) return 1;
    return isSub(cmd, 'nerdctl', ['inspect'], ['container', 'inspect']) ? 0.7 : 0;
  },
};
