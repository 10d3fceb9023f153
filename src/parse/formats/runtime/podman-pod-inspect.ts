/**
 * `podman pod inspect`: one object in podman 4, an array of them in podman 5. It names the pod,
 * its infra container and its members; it has no PIDs or inodes.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import type { FormatParser } from '../../types.ts';
import { isSub, readCommand } from './argv.ts';
import { describe, objects, parseJsonDocs, squeezedHead } from './harness.ts';
import { fillPod } from './kube.ts';
import { arr, obj, pick, str, type Obj } from './values.ts';

/**
 * Whether an inspect item is a pod rather than a container (`podman inspect` accepts both).
 * `isPodItem({Id:'77', InfraContainerID:'3f'})` → `true`.
 */
export function isPodItem(o: Obj): boolean {
  return (
    pick(o, 'InfraContainerID', 'InfraContainerId') !== undefined ||
    (arr(o['Containers']) !== undefined && obj(o['State']) === undefined)
  );
}

/**
 * Reads one pod object into the fragment. `{Id:'77', Name:'web', InfraContainerID:'3f'}` → pod
 * `77` named `web`, container `3f` its sandbox.
 */
export function readPodItem(b: FragmentBuilder, item: unknown, line: number): void {
  const o = obj(item);
  const id = str(o?.['Id']) ?? str(o?.['ID']);
  if (!o || !id) {
    b.error(line, `expected a podman pod object with "Id", found ${describe(item)}`);
    return;
  }
  const infra = str(pick(o, 'InfraContainerID', 'InfraContainerId'));
  fillPod(b, id, { name: str(o['Name']), sandboxId: infra });
  const members = arr(o['Containers']) ?? [];
  for (const raw of members) {
    const m = obj(raw);
    const cid = str(m?.['Id']) ?? str(m?.['ID']);
    if (!m || !cid) continue;
    const c = b.container(cid);
    c.pod = id;
    c.runtime = 'podman';
    const name = str(m['Name']);
    if (name) c.name = name;
    const state = str(m['State']);
    if (state) c.state = state;
    if (cid === infra) c.sandbox = true;
  }
  // Recorded even when Containers does not list it, so the pod always knows its sandbox.
  if (infra) {
    const c = b.container(infra);
    c.sandbox = true;
    c.pod = id;
    c.runtime = 'podman';
  }
  // SharedNamespaces says which namespaces members join from the infra container, but without
  // PIDs or inodes it proves no membership; podman ps --ns or /proc give those.
}

/**
 * `podman pod inspect NAME`.
 * `{"Id":"77…","Name":"web","InfraContainerID":"3f…","Containers":[{"Id":"3f…","Name":"77…-infra"}]}`
 * → pod 77… "web" whose sandbox is container 3f….
 */
export const podmanPodInspect: FormatParser = {
  id: 'podman-pod-inspect',
  title: 'podman pod inspect',
  detect(text) {
    const h = squeezedHead(text);
    if (!/^\[?\{"Id":/.test(h)) return 0;
    return /"InfraContainerI[Dd]":|"SharedNamespaces":|"CreateInfra":|"NumContainers":/.test(h)
      ? 0.95
      : 0;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'podman-pod-inspect', 'podman pod inspect JSON', (b, value, line) => {
      for (const item of objects(value)) readPodItem(b, item, line);
    }),
  forCommand(argv) {
    const cmd = readCommand(argv);
    if (isSub(cmd, 'podman', ['pod', 'inspect'])) return 1;
    return isSub(cmd, 'podman', ['inspect']) && cmd.flags.get('--type') === 'pod' ? 1 : 0;
  },
};
