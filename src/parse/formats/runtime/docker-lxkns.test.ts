// Samples under testdata/handmade/ are HAND-MADE (no Docker engine and no lxkns here): docker
// inspect after Docker's and cri-dockerd's field names, lxkns after lxkns-format.md.
import { describe, expect, it } from 'vitest';
import { dockerInspect, podmanInspect } from './engine-inspect.ts';
import { lxknsDiscovery } from './lxkns.ts';
import { containerOf, ctx, podOf, processOf, run, sample } from './test-helpers.ts';
import { readJson } from './json.ts';

describe('docker inspect (hand-made, cri-dockerd node)', () => {
  const text = sample('handmade/docker-inspect-cri-dockerd.json');
  const items = readJson(text).docs[0]?.value as { Id: string; Name: string }[];
  const id = (name: string): string => items.find((i) => i.Name.startsWith(name))!.Id;

  it('detects docker, not podman', () => {
    expect(dockerInspect.detect(text, ctx)).toBeGreaterThan(0.8);
    expect(podmanInspect.detect(text, ctx)).toBeLessThan(0.5);
  });

  it('reads the sandbox by its podsandbox label and the app container by its sandbox label', () => {
    const r = run(dockerInspect, text);
    expect(r.issues).toEqual([]);
    const sandbox = id('/k8s_POD_web');
    expect(containerOf(r, sandbox)).toMatchObject({
      sandbox: true,
      pod: sandbox,
      pid: 4401,
      name: 'POD',
      runtime: 'docker',
      state: 'running',
    });
    expect(containerOf(r, id('/k8s_nginx_web'))).toMatchObject({
      name: 'nginx',
      pod: sandbox,
      pid: 4490,
    });
    expect(podOf(r, sandbox)).toMatchObject({
      name: 'web',
      namespace: 'default',
      uid: '5f0c3b1e-8a2d-4c6f-9b7e-1d2a3c4e5f60',
      sandboxId: sandbox,
    });
    expect(processOf(r, 4490)?.container).toBe(id('/k8s_nginx_web'));
  });

  it('gives plain containers no pod, even when one joins another one network', () => {
    const r = run(dockerInspect, text);
    expect(containerOf(r, id('/registry-sidecar'))).toEqual({
      node: '',
      id: id('/registry-sidecar'),
      name: 'registry-sidecar',
      runtime: 'docker',
      image: 'busybox:1.36',
      state: 'exited',
    });
    expect(containerOf(r, id('/registry'))?.pod).toBeUndefined();
    expect(r.fragment.pods).toHaveLength(1);
  });

  it('falls back to the sandbox an app container joins when the sandbox label is missing', () => {
    const sb = 'a'.repeat(64);
    const app = 'b'.repeat(64);
    const json = JSON.stringify([
      {
        Id: sb,
        Name: '/k8s_POD_x',
        State: { Pid: 10 },
        Config: { Labels: { 'io.kubernetes.docker.type': 'podsandbox' } },
      },
      {
        Id: app,
        Name: '/k8s_app_x',
        State: { Pid: 11 },
        Config: { Labels: {} },
        HostConfig: { NetworkMode: `container:${sb}` },
      },
    ]);
    expect(containerOf(run(dockerInspect, json), app)?.pod).toBe(sb);
  });

  it('routes docker and nerdctl inspect', () => {
    expect(dockerInspect.forCommand?.(['docker', 'inspect', 'a'])).toBe(1);
    expect(dockerInspect.forCommand?.(['docker', 'container', 'inspect', 'a'])).toBe(1);
    expect(dockerInspect.forCommand?.(['docker', 'inspect', '-f', '{{.State.Pid}}', 'a'])).toBe(0);
    expect(dockerInspect.forCommand?.(['docker', 'inspect', '--format', '{{json .}}', 'a'])).toBe(
      1,
    );
    expect(dockerInspect.forCommand?.(['nerdctl', 'inspect', 'a'])).toBeGreaterThan(0.5);
    expect(dockerInspect.forCommand?.(['podman', 'inspect', 'a'])).toBe(0);
  });
});

describe('lxkns discovery JSON (hand-made)', () => {
  const text = sample('handmade/lxkns-discovery.json');
  const sandboxId = (
    readJson(text).docs[0]?.value as { containers: Record<string, { id: string }> }
  ).containers['5001']!.id;

  it('detects the current and the old schema', () => {
    expect(lxknsDiscovery.detect(text, ctx)).toBeGreaterThan(0.9);
    expect(lxknsDiscovery.detect(sample('handmade/lxkns-v0.16.json'), ctx)).toBeGreaterThan(0.9);
    expect(lxknsDiscovery.detect('{"namespaces": [{"ns": 4026531836, "type": "pid"}]}', ctx)).toBe(
      0,
    );
  });

  it('takes membership from processes, with ppid, command, cgroup and start time', () => {
    const r = run(lxknsDiscovery, text);
    expect(r.issues).toEqual([]);
    expect(r.tool).toBe('lxkns');
    expect(processOf(r, 5100)).toMatchObject({
      ppid: 4990,
      command: 'nginx -g daemon off;',
      startTime: 812400,
      namespaces: {
        net: 4026532605,
        uts: 4026532603,
        ipc: 4026532604,
        mnt: 4026532698,
        pid: 4026532700,
        cgroup: 4026532701,
        user: 4026531837,
        time: 4026531834,
      },
    });
    expect(processOf(r, 5100)?.cgroup).toMatch(/cri-containerd-[0-9a-f]{64}\.scope$/);
    // Container processes point at their container; descendants are left to cgroup attribution.
    expect(processOf(r, 5100)?.container).toBeDefined();
    expect(processOf(r, 5130)?.container).toBeUndefined();
    expect(processOf(r, 2)?.command).toBe('kthreadd');
  });

  it('reads namespaces: owner, parent and bind-mount references', () => {
    const r = run(lxknsDiscovery, text);
    const ns = (inode: number) => r.fragment.namespaces.find((n) => n.inode === inode);
    expect(ns(4026532610)).toMatchObject({ type: 'pid', owner: 4026531837, parent: 4026531836 });
    expect(ns(4026532900)).toMatchObject({
      type: 'net',
      nsfs: ['/run/netns/cni-7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910'],
    });
    expect(ns(4026532605)?.nsfs).toBeUndefined();
  });

  it('makes a pod of the io.kubernetes.pod group, keyed by its sandbox', () => {
    const r = run(lxknsDiscovery, text);
    expect(podOf(r, sandboxId)).toEqual({
      node: '',
      key: sandboxId,
      namespace: 'default',
      name: 'web',
      uid: '5f0c3b1e-8a2d-4c6f-9b7e-1d2a3c4e5f60',
      sandboxId,
    });
    expect(containerOf(r, sandboxId)).toMatchObject({
      sandbox: true,
      pid: 5001,
      pod: sandboxId,
      runtime: 'containerd',
      state: 'running',
    });
    const nginx = r.fragment.containers.find((c) => c.name === 'nginx');
    expect(nginx).toMatchObject({ pid: 5100, pod: sandboxId });
    expect(nginx?.sandbox).toBeUndefined();
  });

  it('tolerates the old schema: options, string references, no time, no containers', () => {
    const r = run(lxknsDiscovery, sample('handmade/lxkns-v0.16.json'));
    expect(r.issues).toEqual([]);
    expect(processOf(r, 2210)?.namespaces.net).toBe(4026532300);
    expect(processOf(r, 2210)?.namespaces.time).toBeUndefined();
    expect(processOf(r, 1)?.cgroup).toBe('/init.scope');
    expect(r.fragment.namespaces.find((n) => n.inode === 4026532300)?.nsfs).toEqual([
      '/run/docker/netns/1a2b3c4d5e6f',
    ]);
    expect(r.fragment.containers).toEqual([]);
  });

  it('keys a pod group without a sandbox by its name, with a warning', () => {
    const doc = JSON.parse(text) as { containers: Record<string, unknown> };
    delete doc.containers['5001'];
    const r = run(lxknsDiscovery, JSON.stringify(doc));
    expect(podOf(r, 'default/web')?.name).toBe('web');
    expect(r.issues.map((i) => i.message)).toEqual([
      'pod group "default/web" has no sandbox container; keyed by its name',
    ]);
  });

  it('keeps the processes read before a truncation', () => {
    const cut = text.slice(0, text.indexOf('"5130"'));
    const r = run(lxknsDiscovery, cut);
    expect(processOf(r, 5100)?.namespaces.net).toBe(4026532605);
    expect(r.issues.filter((i) => i.level === 'error')).toHaveLength(1);
  });

  it('routes dumpns and the lxkns API', () => {
    expect(lxknsDiscovery.forCommand?.(['dumpns'])).toBe(1);
    expect(
      lxknsDiscovery.forCommand?.(['curl', '-s', 'http://localhost:5010/api/namespaces']),
    ).toBeGreaterThan(0.5);
    expect(lxknsDiscovery.forCommand?.(['lsns', '-J'])).toBe(0);
  });
});
