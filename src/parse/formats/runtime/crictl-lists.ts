/**
 * `crictl ps -o json` (`{"containers": [...]}`) and `crictl pods -o json` (`{"items": [...]}`):
 * protojson of the CRI list responses (formats.md 3.2). Ids are full length here.
 */
import type { FragmentBuilder } from '../../fragment.ts';
import type { FormatParser } from '../../types.ts';
import { isSub, readCommand, wantsJson } from './argv.ts';
import { describe, parseJsonDocs, squeezedHead } from './harness.ts';
import { fillPod, podLabels } from './kube.ts';
import { arr, at, obj, str, strMap } from './values.ts';

function eachItem(
  b: FragmentBuilder,
  value: unknown,
  line: number,
  key: 'containers' | 'items',
  onItem: (item: Record<string, unknown>, id: string) => void,
): void {
  const list = arr(obj(value)?.[key]);
  if (!list) {
    b.error(line, `expected an object with a "${key}" array, found ${describe(value)}`);
    return;
  }
  list.forEach((raw, i) => {
    const item = obj(raw);
    const id = str(item?.['id']);
    if (!item || !id) {
      b.warn(line, `${key}[${i}] has no "id"; skipped`);
      return;
    }
    onItem(item, id);
  });
}

function readContainers(b: FragmentBuilder, value: unknown, line: number): void {
  eachItem(b, value, line, 'containers', (item, id) => {
    const c = b.container(id);
    const labels = podLabels(strMap(item['labels']));
    const name = str(at(item, 'metadata', 'name')) ?? labels.container;
    if (name) c.name = name;
    const image = str(at(item, 'image', 'image')) ?? str(item['imageRef']);
    if (image) c.image = image;
    const state = str(item['state']);
    if (state) c.state = state;
    const podId = str(item['podSandboxId']);
    if (podId) {
      c.pod = podId;
      fillPod(b, podId, { ...labels, sandboxId: podId });
    }
  });
}

function readPods(b: FragmentBuilder, value: unknown, line: number): void {
  eachItem(b, value, line, 'items', (item, id) => {
    const meta = obj(item['metadata']);
    const labels = podLabels(strMap(item['labels']));
    fillPod(b, id, {
      name: str(meta?.['name']) ?? labels.name,
      namespace: str(meta?.['namespace']) ?? labels.namespace,
      uid: str(meta?.['uid']) ?? labels.uid,
      sandboxId: id,
    });
    // The pod's id is its sandbox container's id.
    const c = b.container(id);
    c.sandbox = true;
    c.pod = id;
    const state = str(item['state']);
    if (state) c.state = state;
  });
}

function listCommand(sub: string): (argv: readonly string[]) => number {
  return (argv) => {
    const cmd = readCommand(argv);
    return isSub(cmd, 'crictl', [sub]) && wantsJson(cmd) ? 1 : 0;
  };
}

/** `crictl ps -o json`. `{"containers":[{"id":"ab…","podSandboxId":"cd…",…}]}` → containers + pods. */
export const crictlPsJson: FormatParser = {
  id: 'crictl-ps-json',
  title: 'crictl ps -o json',
  detect(text) {
    const h = squeezedHead(text);
    if (!/^\{"containers":\[/.test(h)) return 0;
    return /"podSandboxId":|"metadata":|^\{"containers":\[\]/.test(h) ? 0.95 : 0.6;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'crictl-ps-json', 'a crictl ps JSON object', readContainers),
  forCommand: listCommand('ps'),
};

/** `crictl pods -o json`. `{"items":[{"id":"cd…","metadata":{"name":"web",…}}]}` → pods + sandboxes. */
export const crictlPodsJson: FormatParser = {
  id: 'crictl-pods-json',
  title: 'crictl pods -o json',
  detect(text) {
    const h = squeezedHead(text);
    if (!/^\{"items":\[/.test(h)) return 0;
    return /SANDBOX_|"runtimeHandler":|"metadata":\{"(?:attempt|name|namespace|uid)"/.test(h)
      ? 0.95
      : 0.5;
  },
  parse: (text, ctx) =>
    parseJsonDocs(text, ctx, 'crictl-pods-json', 'a crictl pods JSON object', readPods),
  forCommand: listCommand('pods'),
};
