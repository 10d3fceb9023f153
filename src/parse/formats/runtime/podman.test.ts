// REAL recordings: testdata/podman-4.3/<variant>/ was written by scripts/testbed/podman-pod.sh
// on a real podman 4.3 pod; the proc-*.txt files are the kernel's truth taken at the same time.
import { describe, expect, it } from 'vitest';
import { dockerInspect, podmanInspect } from './engine-inspect.ts';
import { runtimeFormats } from './index.ts';
import { podmanPodInspect } from './podman-pod-inspect.ts';
import { podmanPs } from './podman-ps.ts';
import {
  containerOf,
  ctx,
  podOf,
  processOf,
  readRecording,
  run,
  sample,
  sampleNames,
} from './test-helpers.ts';

const VARIANTS = sampleNames('podman-4.3').filter((n) => !n.includes('.'));

function detected(text: string): string | undefined {
  const scored = runtimeFormats
    .map((p) => [p.id, p.detect(text, ctx)] as const)
    .sort((a, b) => b[1] - a[1]);
  return scored[0]![1] > 0.5 ? scored[0]![0] : undefined;
}

describe.each(VARIANTS)('podman 4.3 real recording: %s', (variant) => {
  const dir = `podman-4.3/${variant}`;
  const t = readRecording(dir);
  const infra = t.ctrs.find((c) => c.infra)!;

  it('podman ps --ns: every container Pid is in exactly the namespaces /proc shows', () => {
    const text = sample(`${dir}/podman-ps-ns.json`);
    expect(detected(text)).toBe('podman-ps-json');
    const r = run(podmanPs, text);
    expect(r.issues).toEqual([]);
    for (const c of t.ctrs) {
      expect(containerOf(r, c.id)).toMatchObject({
        pid: c.pid,
        pod: t.podId,
        name: c.name,
        runtime: 'podman',
        state: 'running',
      });
      const proc = processOf(r, c.pid);
      expect(proc?.container).toBe(c.id);
      // podman --ns reports every type except time.
      const { time: _time, ...expected } = c.ns;
      expect(proc?.namespaces).toEqual(expected);
    }
    expect(containerOf(r, infra.id)?.sandbox).toBe(true);
    expect(r.fragment.containers.filter((c) => c.sandbox)).toHaveLength(1);
    expect(podOf(r, t.podId)).toMatchObject({ name: t.podName, sandboxId: infra.id });
  });

  it('podman ps without --ns: containers and pod, no memberships', () => {
    const text = sample(`${dir}/podman-ps.json`);
    expect(detected(text)).toBe('podman-ps-json');
    const r = run(podmanPs, text);
    expect(r.issues).toEqual([]);
    expect(r.fragment.containers.map((c) => c.id).sort()).toEqual(t.ctrs.map((c) => c.id).sort());
    expect(r.fragment.namespaces).toEqual([]);
    expect(processOf(r, infra.pid)?.container).toBe(infra.id);
  });

  it('podman pod inspect: pod id, name, infra container and members', () => {
    const text = sample(`${dir}/podman-pod-inspect.json`);
    expect(detected(text)).toBe('podman-pod-inspect');
    const r = run(podmanPodInspect, text);
    expect(r.issues).toEqual([]);
    expect(r.fragment.pods).toEqual([
      { node: '', key: t.podId, name: t.podName, sandboxId: infra.id },
    ]);
    for (const c of t.ctrs) {
      expect(containerOf(r, c.id)).toMatchObject({ name: c.name, pod: t.podId });
      expect(containerOf(r, c.id)?.sandbox).toBe(c.infra ? true : undefined);
    }
  });

  it('podman inspect: Pid, infra flag and the cgroup /proc shows', () => {
    const text = sample(`${dir}/podman-inspect.json`);
    expect(detected(text)).toBe('podman-inspect');
    expect(dockerInspect.detect(text, ctx)).toBeLessThan(podmanInspect.detect(text, ctx));
    const r = run(podmanInspect, text);
    expect(r.issues).toEqual([]);
    for (const c of t.ctrs) {
      const row = containerOf(r, c.id);
      expect(row).toMatchObject({ pid: c.pid, pod: t.podId, name: c.name, runtime: 'podman' });
      expect(row?.sandbox).toBe(c.infra ? true : undefined);
      expect(processOf(r, c.pid)).toMatchObject({ container: c.id, cgroup: c.cgroup });
    }
    expect(containerOf(r, t.ctrs.find((c) => !c.infra)!.id)?.image).toBe(
      'localhost/nsviz-busybox:latest',
    );
  });

  it('the recording shows the variant it claims', () => {
    const [a, b, c] = [infra, ...t.ctrs.filter((x) => !x.infra)];
    for (const type of ['net', 'ipc', 'uts'] as const) {
      expect(b!.ns[type]).toBe(a!.ns[type]);
      expect(c!.ns[type]).toBe(a!.ns[type]);
    }
    expect(b!.ns.mnt).not.toBe(a!.ns.mnt);
    expect(b!.ns.pid === a!.ns.pid).toBe(variant === 'share-pid');
    expect(a!.ns.net === t.host.net).toBe(variant === 'host-network');
  });
});

describe('podman routing', () => {
  it('routes podman commands to their parsers', () => {
    expect(podmanPs.forCommand?.(['podman', 'ps', '--pod', '-a', '--ns', '--format', 'json'])).toBe(
      1,
    );
    expect(podmanPs.forCommand?.(['podman', 'ps', '--pod', '-a', '--format=json'])).toBe(1);
    expect(podmanPs.forCommand?.(['podman', 'ps', '--pod'])).toBe(0);
    expect(podmanPodInspect.forCommand?.(['podman', 'pod', 'inspect', 'web'])).toBe(1);
    expect(podmanPodInspect.forCommand?.(['podman', 'inspect', '--type', 'pod', 'web'])).toBe(1);
    expect(
      podmanInspect.forCommand?.(['podman', '--log-level', 'error', 'inspect', 'a', 'b']),
    ).toBe(1);
    expect(
      podmanInspect.forCommand?.(['podman', 'inspect', '--format', '{{.State.Pid}}', 'a']),
    ).toBe(0);
    expect(podmanInspect.forCommand?.(['podman', 'pod', 'inspect', 'web'])).toBe(0);
  });

  it('reads podman 5 pod inspect arrays and the Id spelling of the infra key', () => {
    const r = run(
      podmanPodInspect,
      '[{"Id":"aa11","Name":"p","InfraContainerId":"bb22bb22bb22","Containers":[{"Id":"bb22bb22bb22","Name":"aa11-infra","State":"running"}]}]',
    );
    expect(r.issues).toEqual([]);
    expect(containerOf(r, 'bb22bb22bb22')).toMatchObject({
      sandbox: true,
      pod: 'aa11',
      state: 'running',
    });
  });

  it('reads a pod given to podman inspect', () => {
    const text = sample('podman-4.3/default/podman-pod-inspect.json');
    const r = run(podmanInspect, `[${text}]`);
    expect(r.issues).toEqual([]);
    expect(r.fragment.pods).toHaveLength(1);
  });
});
