/**
 * `podman ps --pod -a --format json`, with or without `--ns`. One array of containers; `--ns`
 * adds `Namespaces: {Mnt, Cgroup, Ipc, Net, Pidns, Uts, User}` holding inode numbers as decimal
 * strings ("" when the container is not running). Those inodes are read by podman from
 * `/proc/<Pid>/ns`, so they are memberships of the container's Pid.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import { toNsType } from '../../nstype.ts';
import type { FormatParser } from '../../types.ts';
import type { NsType } from '../../../protocol/snapshot.ts';
import { isSub, readCommand, wantsJson } from './argv.ts';
import { describe, parseJsonDocs, squeezedHead } from './harness.ts';
import { fillPod } from './kube.ts';
import { arr, int, obj, pid, str } from './values.ts';

/** podman's key for the pid namespace is `Pidns` (`PIDNS` in podman 1.x); the rest are type names. */
function nsTypeOfKey(key: string): NsType | undefined {
  const k = key.toLowerCase();
  return k === 'pidns' ? 'pid' : toNsType(k);
}

function readPs(b: FragmentBuilder, value: unknown, line: number): void {
  const list = arr(value);
  if (!list) {
    b.error(line, `expected a JSON array of podman containers, found ${describe(value)}`);
    return;
  }
  list.forEach((raw, i) => {
    const item = obj(raw);
    const id = str(item?.['Id']) ?? str(item?.['ID']);
    if (!item || !id) {
      b.warn(line, `container [${i}] has no "Id"; skipped`);
      return;
    }
    const c = b.container(id);
    c.runtime = 'podman';
    const names = arr(item['Names']);
    const name = str(names?.[0]) ?? str(item['Names']);
    if (name) c.name = name;
    const image = str(item['Image']);
    if (image) c.image = image;
    const state = str(item['State']);
    if (state) c.state = state;
    const infra = item['IsInfra'] === true;
    if (infra) c.sandbox = true;
    const podId = str(item['Pod']);
    if (podId) {
      c.pod = podId;
      fillPod(b, podId, { name: str(item['PodName']), ...(infra ? { sandboxId: id } : {}) });
    }
    const p = pid(item['Pid']);
    if (p === undefined) return;
    c.pid = p;
    b.process(p).container = id;
    const nss = obj(item['Namespaces']);
    for (const [key, v] of Object.entries(nss ?? {})) {
      const type = nsTypeOfKey(key);
      const inode = int(v);
      if (type && inode !== undefined && inode > 0) b.membership(p, type, inode, line);
    }
  });
}

/**
 * `podman ps --pod -a --ns --format json`.
 * `[{"Id":"3f…","Pid":7551,"Pod":"77…","IsInfra":true,"Namespaces":{"Net":"4026532177"}}]`
 * → infra container 3f… (sandbox of pod 77…), process 7551 in net namespace 4026532177.
 */
export const podmanPs: FormatParser = {
  id: 'podman-ps-json',
  title: 'podman ps --format json',
  detect(text) {
    const h = squeezedHead(text);
    if (!/^\[\{"/.test(h)) return 0;
    if (/^\[\{"AutoRemove":/.test(h) && /"Names":\[/.test(h)) return 0.95;
    return /"IsInfra":/.test(h) && /"Names":\[/.test(h) && /"State":"/.test(h) ? 0.9 : 0;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'podman-ps-json', 'a podman ps JSON array', readPs),
  forCommand(argv) {
    const cmd = readCommand(argv);
    const ps = isSub(
      cmd,
      'podman',
      ['ps'],
      ['container', 'ps'],
      ['container', 'list'],
      ['container', 'ls'],
    );
    return ps && wantsJson(cmd) ? 1 : 0;
  },
};
