// Samples under testdata/handmade/ are HAND-MADE after the crictl, containerd and CRI-O sources.
import { describe, expect, it } from 'vitest';
import { crictlInspect } from './crictl-inspect.ts';
import { crictlPodsJson, crictlPsJson } from './crictl-lists.ts';
import { runtimeFormats } from './index.ts';
import { containerOf, ctx, podOf, processOf, run, sample } from './test-helpers.ts';
import { readJson } from './json.ts';

const ids = (() => {
  // Full ids, taken from the hand-made list output so the tests do not repeat 64-hex literals.
  const list = readJson(sample('handmade/crictl-ps.json')).docs[0]?.value as {
    containers: { id: string; podSandboxId: string; metadata: { name: string; attempt: number } }[];
  };
  const byName = (n: string, attempt = 0): { id: string; pod: string } => {
    const c = list.containers.find((x) => x.metadata.name === n && x.metadata.attempt === attempt)!;
    return { id: c.id, pod: c.podSandboxId };
  };
  return {
    nginx: byName('nginx'),
    netshoot: byName('netshoot'),
    coredns: byName('coredns', 1),
    proxy: byName('kube-proxy'),
    job: byName('job'),
  };
})();

function best(text: string): string | undefined {
  const scored = runtimeFormats
    .map((p) => [p.id, p.detect(text, ctx)] as const)
    .sort((a, b) => b[1] - a[1]);
  return scored[0] && scored[0][1] > 0.5 ? scored[0][0] : undefined;
}

describe('crictl ps/pods -o json (hand-made samples)', () => {
  it('reads containers with full ids, pods from labels', () => {
    const text = sample('handmade/crictl-ps.json');
    expect(best(text)).toBe('crictl-ps-json');
    const r = run(crictlPsJson, text);
    expect(r.issues).toEqual([]);
    expect(r.fragment.containers).toHaveLength(6);
    expect(containerOf(r, ids.netshoot.id)).toMatchObject({
      name: 'netshoot',
      pod: ids.nginx.pod,
      state: 'CONTAINER_RUNNING',
    });
    expect(podOf(r, ids.nginx.pod)).toMatchObject({
      name: 'web',
      namespace: 'default',
      uid: '5f0c3b1e-8a2d-4c6f-9b7e-1d2a3c4e5f60',
      sandboxId: ids.nginx.pod,
    });
  });

  it('reads pods and their sandboxes', () => {
    const text = sample('handmade/crictl-pods.json');
    expect(best(text)).toBe('crictl-pods-json');
    const r = run(crictlPodsJson, text);
    expect(r.issues).toEqual([]);
    expect(r.fragment.pods.map((p) => p.name)).toEqual([
      'web',
      'coredns-5d78c9869d-x7k2p',
      'kube-proxy-8vq4n',
      'old-job-28391-abcde',
    ]);
    expect(containerOf(r, ids.proxy.pod)).toMatchObject({
      sandbox: true,
      pod: ids.proxy.pod,
      state: 'SANDBOX_READY',
    });
  });

  it('says which shape it expected', () => {
    const r = run(crictlPsJson, '{"items": []}');
    expect(r.issues[0]?.message).toMatch(
      /expected an object with a "containers" array, found an object with keys "items"/,
    );
    const skip = run(crictlPodsJson, '{"items": [{"metadata": {}}, 7]}');
    expect(skip.issues.map((i) => i.message)).toEqual([
      'items[0] has no "id"; skipped',
      'items[1] has no "id"; skipped',
    ]);
  });

  it('routes -o json commands', () => {
    expect(crictlPsJson.forCommand?.(['crictl', 'ps', '-a', '-o', 'json'])).toBe(1);
    expect(crictlPsJson.forCommand?.(['crictl', 'ps', '-ojson'])).toBe(1);
    expect(crictlPodsJson.forCommand?.(['crictl', 'pods', '--output=json'])).toBe(1);
    expect(crictlPodsJson.forCommand?.(['crictl', 'pods'])).toBe(0);
  });
});

describe('crictl inspect / inspectp (hand-made samples)', () => {
  it('reads containerd inspect of crictl <= 1.30: documents back to back', () => {
    const text = sample('handmade/crictl-inspect-containerd-1.30.json');
    expect(best(text)).toBe('crictl-inspect');
    const r = run(crictlInspect, text);
    expect(r.issues).toEqual([]);
    expect(containerOf(r, ids.nginx.id)).toMatchObject({
      name: 'nginx',
      pod: ids.nginx.pod,
      pid: 5100,
      runtime: 'containerd',
      state: 'CONTAINER_RUNNING',
      image: 'docker.io/library/nginx:1.25',
    });
    expect(processOf(r, 5100)?.container).toBe(ids.nginx.id);
    expect(processOf(r, 5160)?.container).toBe(ids.netshoot.id);
    // `/proc/5001/ns/net` in the spec names the sandbox's process.
    expect(containerOf(r, ids.nginx.pod)).toMatchObject({
      sandbox: true,
      pid: 5001,
      pod: ids.nginx.pod,
    });
    expect(processOf(r, 5001)?.container).toBe(ids.nginx.pod);
    expect(podOf(r, ids.nginx.pod)).toMatchObject({
      name: 'web',
      namespace: 'default',
      qos: 'BestEffort',
    });
  });

  it('reads containerd inspect of crictl >= 1.31: one array, sorted keys, exited container', () => {
    const r = run(crictlInspect, sample('handmade/crictl-inspect-containerd-1.31.json'));
    expect(r.issues).toEqual([]);
    expect(containerOf(r, ids.proxy.id)).toMatchObject({
      name: 'kube-proxy',
      pid: 3101,
      pod: ids.proxy.pod,
    });
    // hostNetwork: only ipc is joined through the sandbox's /proc path.
    expect(containerOf(r, ids.proxy.pod)?.pid).toBe(3020);
    const job = containerOf(r, ids.job.id);
    expect(job).toMatchObject({ state: 'CONTAINER_EXITED', pod: ids.job.pod });
    expect(job?.pid).toBeUndefined();
  });

  it('reads containerd inspectp: sandbox, pause PID, pod IPs and QoS', () => {
    const r = run(crictlInspect, sample('handmade/crictl-inspectp-containerd-1.30.json'));
    expect(r.issues).toEqual([]);
    const key = ids.nginx.pod;
    expect(containerOf(r, key)).toMatchObject({
      sandbox: true,
      pod: key,
      pid: 5001,
      runtime: 'containerd',
      image: 'registry.k8s.io/pause:3.9',
      state: 'SANDBOX_READY',
    });
    expect(podOf(r, key)).toEqual({
      node: '',
      key,
      name: 'web',
      namespace: 'default',
      uid: '5f0c3b1e-8a2d-4c6f-9b7e-1d2a3c4e5f60',
      qos: 'BestEffort',
      ips: ['10.244.1.6', 'fd00:10:244:1::6'],
      sandboxId: key,
    });
    expect(processOf(r, 5001)?.container).toBe(key);
  });

  it('reads inspectp arrays: a hostNetwork pod and a NotReady one without a PID', () => {
    const r = run(crictlInspect, sample('handmade/crictl-inspectp-containerd-1.31.json'));
    expect(r.issues).toEqual([]);
    expect(podOf(r, ids.proxy.pod)).toMatchObject({
      name: 'kube-proxy-8vq4n',
      ips: ['172.18.0.2'],
    });
    const job = containerOf(r, ids.job.pod);
    expect(job).toMatchObject({ sandbox: true, state: 'SANDBOX_NOTREADY' });
    expect(job?.pid).toBeUndefined();
    expect(podOf(r, ids.job.pod)?.ips).toBeUndefined();
  });

  it('reads CRI-O inspect and inspectp (pinned namespace paths, cri-o annotations)', () => {
    const c = run(crictlInspect, sample('handmade/crictl-inspect-crio.json'));
    expect(c.issues).toEqual([]);
    expect(containerOf(c, ids.coredns.id)).toMatchObject({
      runtime: 'cri-o',
      pod: ids.coredns.pod,
      pid: 7090,
      name: 'coredns',
    });
    // CRI-O joins pinned /var/run/netns paths, which name no process: no sandbox PID is claimed.
    expect(containerOf(c, ids.coredns.pod)).toBeUndefined();
    expect(podOf(c, ids.coredns.pod)?.qos).toBe('Burstable');
    const p = run(crictlInspect, sample('handmade/crictl-inspectp-crio.json'));
    expect(p.issues).toEqual([]);
    expect(containerOf(p, ids.coredns.pod)).toMatchObject({
      sandbox: true,
      pid: 7001,
      runtime: 'cri-o',
    });
    expect(podOf(p, ids.coredns.pod)).toMatchObject({
      namespace: 'kube-system',
      ips: ['10.85.0.4'],
    });
  });

  it('keeps what came before a truncation and names where it broke', () => {
    const text = sample('handmade/crictl-inspect-containerd-1.30.json');
    const cut = text.slice(0, text.lastIndexOf('"sandboxID"'));
    const r = run(crictlInspect, cut);
    expect(containerOf(r, ids.nginx.id)?.pid).toBe(5100);
    const err = r.issues.find((i) => i.level === 'error');
    expect(err?.message).toMatch(
      /^JSON ends at line \d+, column \d+ inside the object opened at line \d+, column \d+: expected .*; what came before is used$/,
    );
  });

  it('skips image inspect output and routes only JSON output', () => {
    const r = run(crictlInspect, '{"status": {"id": "sha256:abc", "repoTags": ["x"]}, "info": {}}');
    expect(r.fragment.containers).toEqual([]);
    expect(r.issues[0]?.message).toMatch(/is an image/);
    expect(crictlInspect.forCommand?.(['crictl', 'inspectp', '-o', 'json', 'ab'])).toBe(1);
    expect(crictlInspect.forCommand?.(['crictl', 'inspect', 'ab', 'cd'])).toBe(1);
    expect(crictlInspect.forCommand?.(['crictl', 'inspect', '-o', 'yaml', 'ab'])).toBe(0);
    expect(crictlInspect.forCommand?.(['crictl', 'inspecti', 'nginx'])).toBe(0);
  });
});
