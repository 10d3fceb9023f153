/**
 * Kubernetes facts that every runtime writes the same way: the kubelet's labels, the CRI
 * runtimes' annotations, and the QoS class spelled into cgroup paths.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import type { PodRow } from '../../../protocol/snapshot.ts';

export const LABEL = {
  podName: 'io.kubernetes.pod.name',
  podNamespace: 'io.kubernetes.pod.namespace',
  podUid: 'io.kubernetes.pod.uid',
  containerName: 'io.kubernetes.container.name',
  /** cri-dockerd / dockershim: `podsandbox` or `container`. */
  dockerType: 'io.kubernetes.docker.type',
  /** cri-dockerd / dockershim: the sandbox id on app containers. */
  dockerSandbox: 'io.kubernetes.sandbox.id',
} as const;

/** What the kubelet's labels say about the pod of a container. */
export interface PodLabels {
  name?: string;
  namespace?: string;
  uid?: string;
  container?: string;
}

/** `podLabels({'io.kubernetes.pod.name':'web'})` → `{ name: 'web' }`. */
export function podLabels(labels: Readonly<Record<string, string>>): PodLabels {
  const out: PodLabels = {};
  const set = (k: keyof PodLabels, v: string | undefined): void => {
    if (v) out[k] = v;
  };
  set('name', labels[LABEL.podName]);
  set('namespace', labels[LABEL.podNamespace]);
  set('uid', labels[LABEL.podUid]);
  set('container', labels[LABEL.containerName]);
  return out;
}

/**
 * The container type from CRI annotations: containerd `io.kubernetes.cri.container-type`,
 * CRI-O `io.kubernetes.cri-o.ContainerType`, cri-dockerd `io.kubernetes.docker.type`.
 * `containerType({'io.kubernetes.cri.container-type':'sandbox'})` → `'sandbox'`.
 */
export function containerType(
  ...maps: readonly Readonly<Record<string, string>>[]
): 'sandbox' | 'container' | undefined {
  for (const m of maps) {
    const v =
      m['io.kubernetes.cri.container-type'] ??
      m['io.kubernetes.cri-o.ContainerType'] ??
      m[LABEL.dockerType];
    if (v === 'sandbox' || v === 'podsandbox') return 'sandbox';
    if (v === 'container') return 'container';
  }
  return undefined;
}

/**
 * The sandbox id a container belongs to, from containerd, CRI-O or cri-dockerd annotations.
 * `sandboxIdOf({'io.kubernetes.cri-o.SandboxID':'97f2'})` → `'97f2'`.
 */
export function sandboxIdOf(
  ...maps: readonly Readonly<Record<string, string>>[]
): string | undefined {
  for (const m of maps) {
    const v =
      m['io.kubernetes.cri.sandbox-id'] ??
      m['io.kubernetes.cri-o.SandboxID'] ??
      m[LABEL.dockerSandbox];
    if (v) return v;
  }
  return undefined;
}

/**
 * The QoS class the kubelet encoded in a cgroup path or a systemd `cgroupsPath`.
 * `qosOf('kubepods-besteffort-pod1a_2b.slice:cri-containerd:ab')` → `'BestEffort'`;
 * `qosOf('/kubepods/pod1a-2b/ab')` → `'Guaranteed'` (Guaranteed pods sit right under kubepods).
 */
export function qosOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const m = /kubepods[-/](besteffort|burstable|pod)/.exec(path);
  if (!m) return undefined;
  if (m[1] === 'besteffort') return 'BestEffort';
  if (m[1] === 'burstable') return 'Burstable';
  return 'Guaranteed';
}

/** Pod facts as readers find them; `undefined` means "not in this input". */
export interface PodFields {
  name?: string | undefined;
  namespace?: string | undefined;
  uid?: string | undefined;
  container?: string | undefined;
  qos?: string | undefined;
  ips?: string[] | undefined;
  sandboxId?: string | undefined;
}

/**
 * Sets the pod row fields that are known, never overwriting a known value with nothing; IPs are
 * merged. `fillPod(b, 'ab', {name:'web', uid: undefined})` → pod `ab` named `web`, uid untouched.
 */
export function fillPod(b: FragmentBuilder, key: string, fields: PodFields): PodRow {
  const pod = b.pod(key);
  if (fields.name) pod.name = fields.name;
  if (fields.namespace) pod.namespace = fields.namespace;
  if (fields.uid) pod.uid = fields.uid;
  if (fields.qos) pod.qos = fields.qos;
  if (fields.sandboxId) pod.sandboxId = fields.sandboxId;
  if (fields.ips && fields.ips.length > 0) {
    pod.ips = [...new Set([...(pod.ips ?? []), ...fields.ips])];
  }
  return pod;
}
