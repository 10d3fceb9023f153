// Structural checks of deploy/ (no cluster runs here): what issue 4 asks of the agent
// DaemonSet, the headless Service, the hub, the NetworkPolicies and the Dockerfile, and that
// every `serve` flag in the manifests is one `nsviz serve --help` knows.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDnsTarget } from '../sources/hub.ts';
import { parseYamlDocuments, YamlSubsetError } from './yamlSubset.ts';

const DIR = new URL('../../deploy/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, DIR), 'utf8');

// Just enough shape to walk the manifests; every field is checked, not trusted.
/* eslint-disable @typescript-eslint/no-explicit-any */
type K8s = any;

function load(): K8s[] {
  const kustomization = parseYamlDocuments(read('kubernetes/kustomization.yaml'))[0] as K8s;
  return (kustomization.resources as string[]).flatMap(
    (f) => parseYamlDocuments(read(`kubernetes/${f}`)) as K8s[],
  );
}
const objects = load();
const one = (kind: string, name: string): K8s => {
  const found = objects.filter((o) => o.kind === kind && o.metadata?.name === name);
  expect(found, `${kind}/${name}`).toHaveLength(1);
  return found[0];
};
const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

const agent = one('DaemonSet', 'nsviz-agent');
const agentSvc = one('Service', 'nsviz-agent');
const hub = one('Deployment', 'nsviz-hub');
const hubSvc = one('Service', 'nsviz-hub');
const agentPod = agent.spec.template;
const hubPod = hub.spec.template;

describe('deploy/kubernetes', () => {
  it('puts everything in the nsviz namespace', () => {
    expect(one('Namespace', 'nsviz')).toBeDefined();
    for (const o of objects.filter((x) => x.kind !== 'Namespace'))
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('nsviz');
    expect(new Set(objects.map((o) => o.kind))).toEqual(
      new Set(['Namespace', 'DaemonSet', 'Service', 'Deployment', 'NetworkPolicy']),
    );
  });

  it('runs the agent with hostPID, unprivileged, read-only, with SYS_PTRACE only', () => {
    expect(agentPod.spec.hostPID).toBe(true);
    expect(agentPod.spec.hostNetwork).not.toBe(true);
    expect(agentPod.spec.hostIPC).not.toBe(true);
    expect(agentPod.spec.automountServiceAccountToken).toBe(false);
    // No hostPath at all: in particular no container runtime socket.
    expect(agentPod.spec.volumes.filter((v: K8s) => v.hostPath)).toEqual([]);
    expect(agentPod.spec.containers).toHaveLength(1);
    const sc = agentPod.spec.containers[0].securityContext;
    expect(sc.privileged).toBe(false);
    expect(sc.allowPrivilegeEscalation).toBe(false);
    expect(sc.readOnlyRootFilesystem).toBe(true);
    expect(sc.capabilities.drop).toEqual(['ALL']);
    expect(sc.capabilities.add).toEqual(['SYS_PTRACE']);
    // Root uid is needed (see the manifest's comment), and said so explicitly.
    expect([sc.runAsUser, sc.runAsNonRoot]).toEqual([0, false]);
    expect(agentPod.spec.securityContext.seccompProfile.type).toBe('RuntimeDefault');
  });

  it('gives the hub no capabilities and a non-root uid', () => {
    const pod = hubPod.spec;
    expect(pod.hostPID).not.toBe(true);
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    for (const c of pod.containers) {
      expect(c.securityContext).toMatchObject({
        privileged: false,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(c.securityContext.capabilities.add).toBeUndefined();
      expect(c.securityContext.runAsUser).toBeUndefined();
    }
  });

  it('sets requests and limits on every container, and a writable /tmp for tsx', () => {
    for (const pod of [agentPod, hubPod]) {
      for (const c of pod.spec.containers) {
        for (const k of ['requests', 'limits'])
          for (const r of ['cpu', 'memory'])
            expect(c.resources?.[k]?.[r], `${c.name} ${k}.${r}`).toBeDefined();
        const tmp = c.volumeMounts.find((m: K8s) => m.mountPath === '/tmp');
        const vol = pod.spec.volumes.find((v: K8s) => v.name === tmp?.name);
        expect(vol?.emptyDir?.sizeLimit, `${c.name} /tmp`).toBeDefined();
      }
    }
  });

  it('selects what it labels', () => {
    for (const w of [agent, hub])
      expect(matches(w.spec.selector.matchLabels, w.spec.template.metadata.labels)).toBe(true);
    expect(matches(agentSvc.spec.selector, agentPod.metadata.labels)).toBe(true);
    expect(matches(agentSvc.spec.selector, hubPod.metadata.labels)).toBe(false);
    expect(matches(hubSvc.spec.selector, hubPod.metadata.labels)).toBe(true);
    expect(matches(hubSvc.spec.selector, agentPod.metadata.labels)).toBe(false);
  });

  it('makes the agent Service headless, on the agent container port', () => {
    expect(agentSvc.spec.clusterIP).toBe('None');
    const port = agentPod.spec.containers[0].ports[0];
    expect(agentSvc.spec.ports).toEqual([
      { name: 'http', port: port.containerPort, targetPort: port.name, protocol: 'TCP' },
    ]);
  });

  it('points the hub at that Service by DNS, with the agent token', () => {
    const args: string[] = hubPod.spec.containers[0].args;
    const dns = args.find((a) => a.startsWith('--peers-dns='))!.slice('--peers-dns='.length);
    const target = parseDnsTarget(dns);
    expect(target).toEqual({
      name: `${agentSvc.metadata.name}.${agentSvc.metadata.namespace}.svc.cluster.local`,
      port: agentSvc.spec.ports[0].port,
    });
    const agentArgs: string[] = agentPod.spec.containers[0].args;
    const tokenPath = (list: string[], flag: string) =>
      list.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
    // The hub sends the token the agents require; the hub's own is another key.
    expect(tokenPath(args, '--peer-token-file')?.split('/').at(-1)).toBe('agent-token');
    expect(tokenPath(agentArgs, '--token-file')?.split('/').at(-1)).toBe('agent-token');
    expect(tokenPath(args, '--token-file')?.split('/').at(-1)).toBe('hub-token');
    for (const pod of [agentPod, hubPod]) {
      const vol = pod.spec.volumes.find((v: K8s) => v.secret);
      expect(vol.secret.secretName).toBe('nsviz-token');
    }
    // The agents see only their key; 0400 is octal (YAML 1.1, as kubectl reads it).
    const agentSecret = agentPod.spec.volumes.find((v: K8s) => v.secret).secret;
    expect(agentSecret.items).toEqual([{ key: 'agent-token', path: 'agent-token' }]);
    expect(agentSecret.defaultMode).toBe(0o400);
  });

  it('never puts a token on a command line, and names the node after the Kubernetes node', () => {
    for (const pod of [agentPod, hubPod])
      for (const c of pod.spec.containers)
        expect(c.args.filter((a: string) => /^--(peer-)?token(=|$)/.test(a))).toEqual([]);
    const c = agentPod.spec.containers[0];
    expect(c.args).toContain('--node=$(NODE_NAME)');
    expect(c.env).toContainEqual({
      name: 'NODE_NAME',
      valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } },
    });
  });

  it('uses only flags that nsviz serve knows', () => {
    const help = spawnSync(process.execPath, ['bin/nsviz.mjs', 'serve', '--help'], {
      cwd: new URL('..', DIR).pathname,
      encoding: 'utf8',
    });
    expect(help.status, help.stderr).toBe(0);
    for (const pod of [agentPod, hubPod]) {
      const [cmd, ...flags] = pod.spec.containers[0].args as string[];
      expect(cmd).toBe('serve');
      for (const f of flags) expect(help.stdout, f).toContain(`${f.split('=')[0]!} `);
    }
  });

  it('lets only the hub reach the agents, and the hub reach agents and DNS only', () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const forAgents = policies.filter((p) =>
      matches(p.spec.podSelector.matchLabels, agentPod.metadata.labels),
    );
    expect(forAgents).toHaveLength(1);
    const ap = forAgents[0].spec;
    expect(ap.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(ap.egress).toEqual([]);
    expect(ap.ingress).toHaveLength(1);
    expect(ap.ingress[0].from).toHaveLength(1);
    expect(matches(ap.ingress[0].from[0].podSelector.matchLabels, hubPod.metadata.labels)).toBe(
      true,
    );
    expect(ap.ingress[0].from[0].namespaceSelector).toBeUndefined();
    expect(ap.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }]);

    const forHub = policies.filter((p) =>
      matches(p.spec.podSelector.matchLabels, hubPod.metadata.labels),
    );
    expect(forHub).toHaveLength(1);
    const hp = forHub[0].spec;
    expect(hp.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 8080 }] }]);
    const egressTo = hp.egress.map((e: K8s) => e.to[0]);
    expect(matches(egressTo[0].podSelector.matchLabels, agentPod.metadata.labels)).toBe(true);
    expect(egressTo[1].podSelector.matchLabels).toEqual({ 'k8s-app': 'kube-dns' });
    expect(hp.egress).toHaveLength(2);
  });
});

describe('deploy/Dockerfile', () => {
  const text = read('Dockerfile');
  const stages = text.split(/^FROM /m).slice(1);

  it('builds in one stage and runs from a slim one, as a non-root user', () => {
    expect(stages).toHaveLength(2);
    expect(stages[0]).toMatch(/RUN npm ci/);
    expect(stages[0]).toMatch(/vite build/);
    const runtime = stages[1]!;
    expect(runtime).toMatch(/^node:20-[a-z]+-slim\n/);
    expect(runtime).toMatch(/apt-get install [^\n]*util-linux/);
    expect(runtime).toMatch(/COPY --from=build \/src\/scripts\/nsviz-record.sh/);
    expect(runtime).toMatch(/COPY --from=build \/src\/dist/);
    expect(/^USER (\S+)/m.exec(runtime)?.[1]).toBe('1000:1000');
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });
});

describe('yamlSubset', () => {
  it('reads the subset', () => {
    expect(
      parseYamlDocuments(
        "a: 1\nb:\n  - x\n  - k: v # c\n    l: [A, \"b c\"]\nc:\n- 0400\n---\n# only\nd: {}\ne: 'it''s'\n",
      ),
    ).toEqual([
      { a: 1, b: ['x', { k: 'v', l: ['A', 'b c'] }], c: [256] },
      { d: {}, e: "it's" },
    ]);
  });

  it('refuses what it does not know instead of misreading it', () => {
    for (const bad of [
      'a: |\n  x',
      'a: &x 1',
      'a: yes',
      'a:\n\tb: 1',
      'a: 1\na: 2',
      'a: 1\n   b: 2',
    ])
      expect(() => parseYamlDocuments(bad), bad).toThrow(YamlSubsetError);
  });
});
