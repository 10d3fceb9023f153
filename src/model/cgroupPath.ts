/** What a cgroup path tells about the container and pod of a process. */
export interface CgroupAttribution {
  /** Container id (64 hex as the runtime names it). */
  containerId: string;
  runtime: 'containerd' | 'cri-o' | 'docker' | 'podman' | 'unknown';
  /** Kubernetes pod UID with dashes, when the path is under kubepods. */
  podUid?: string;
  /** Podman pod id, when the path is under a podman pod's parent. */
  podmanPodId?: string;
  qos?: 'guaranteed' | 'burstable' | 'besteffort';
}

const HEX64 = '[0-9a-f]{64}';
// Each pattern finds the container component anywhere in the path, because processes can sit in
// sub-cgroups below the container scope (e.g. `…/<id>/kube-proxy`).
const SYSTEMD_SCOPE = new RegExp(
  `(?:^|/)(cri-containerd|crio|docker|libpod)-(${HEX64})\\.scope(?:/|$)`,
);
const CONTAINERD_COLON = new RegExp(`:(cri-containerd|crio|docker):(${HEX64})(?:/|$)`);
// The last 64-hex component wins: outer ones are a kind node's own container (`/docker/<node>/…`)
// or a podman pod id (`/libpod_parent/<pod>/libpod-<ctr>`).
const BARE_ID = new RegExp(`(?:^|/)(?:libpod-)?(${HEX64})(?=/|$)`, 'g');
const POD_SLICE = /kubepods(?:-(besteffort|burstable))?-pod([0-9a-f_]{32,36})\.slice/;
const POD_DIR = /\/kubepods(?:\/(besteffort|burstable))?\/pod([0-9a-f-]{32,36})(?:\/|$)/;
const PODMAN_POD = /(?:libpod_parent\/|machine-libpod_pod_)([0-9a-f]{64})/;
// Runtime helper processes live next to containers but are not members of them.
const HELPERS = /(?:crio-conmon-|libpod-conmon-|docker-conmon-)[0-9a-f]{64}/;

const RUNTIME: Readonly<Record<string, CgroupAttribution['runtime']>> = {
  'cri-containerd': 'containerd',
  crio: 'cri-o',
  docker: 'docker',
  libpod: 'podman',
};

/**
 * Reads a container id, runtime, pod UID and QoS class out of a cgroup path.
 * `/kubepods/besteffort/pod1f2e…/4a5b…(64 hex)` → `{ containerId: '4a5b…', podUid: '1f2e…',
 * qos: 'besteffort', runtime: 'unknown' }`; `/system.slice/cron.service` → `undefined`.
 */
export function attributeCgroupPath(path: string): CgroupAttribution | undefined {
  if (path.length > 4096 || HELPERS.test(path)) return undefined;
  let containerId: string | undefined;
  let runtime: CgroupAttribution['runtime'] = 'unknown';
  const scope = SYSTEMD_SCOPE.exec(path) ?? CONTAINERD_COLON.exec(path);
  if (scope) {
    containerId = scope[2];
    runtime = RUNTIME[scope[1] ?? ''] ?? 'unknown';
  } else {
    let bare: RegExpExecArray | null = null;
    for (const m of path.matchAll(BARE_ID)) bare = m;
    if (bare) {
      containerId = bare[1];
      const before = path.slice(0, bare.index);
      if (bare[0].includes('libpod-') || before.includes('libpod')) runtime = 'podman';
      else if (before.endsWith('/docker') || before === 'docker') runtime = 'docker';
    }
  }
  if (containerId === undefined) return undefined;
  const out: CgroupAttribution = { containerId, runtime };
  const slice = POD_SLICE.exec(path);
  const dir = slice ? null : POD_DIR.exec(path);
  const pod = slice ?? dir;
  if (pod) {
    out.podUid = normalizeUid(pod[2] ?? '');
    out.qos = (pod[1] as 'besteffort' | 'burstable' | undefined) ?? 'guaranteed';
  }
  const podman = PODMAN_POD.exec(path);
  if (podman && podman[1] !== containerId) out.podmanPodId = podman[1]!;
  return out;
}

/** Pod UIDs appear with `_` in systemd slice names; static pods have 32 hex without dashes. */
function normalizeUid(raw: string): string {
  return raw.replace(/_/g, '-');
}
