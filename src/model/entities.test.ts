import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- test only: read the fixtures as the app does
import { parseInputs } from '../parse/index.ts';
import { classify } from './classify.ts';
import {
  buildEntityIndex,
  commandName,
  relatedKeys,
  searchEntities,
  type ContainerEntity,
  type Entity,
  type EntityIndex,
  type NamespaceEntity,
  type ProcessEntity,
} from './entities.ts';

function load(file: string): EntityIndex {
  const url = new URL(`../../fixtures/${file}`, import.meta.url);
  const { snapshot } = parseInputs([{ name: file, text: readFileSync(url, 'utf8') }]);
  return buildEntityIndex(snapshot, classify(snapshot));
}

function get<K extends Entity['kind']>(index: EntityIndex, key: string, kind: K) {
  const e = index.byKey.get(key);
  expect(e?.kind, key).toBe(kind);
  return e as Extract<Entity, { kind: K }>;
}

const NODE = 'k8s-w1';
const POD = `pod:${NODE}:0baaf614-4cfe-49f1-a7d6-7225ff12e6ca`;
const PAUSE = `ctr:${NODE}:55b0ba3f658668d629c3afcebf3bf38f51ffea26e18a2eeb22f3feb558157ad3`;
const NGINX = `ctr:${NODE}:bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f`;
const SHOOT = `ctr:${NODE}:7f616141384dba9c189e35109d64363635b7445afb9a1d3bff5be68b1dd07481`;
const NET = `ns:${NODE}:4026532264`;

describe('buildEntityIndex on myweb2', () => {
  const index = load('reconstructed/myweb2.txt');

  it('keys every pod, container, process and namespace as contract §5 says', () => {
    const kinds = new Map<string, number>();
    for (const e of index.byKey.values()) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ pod: 1, container: 3, namespace: 19, process: 5 });
    for (const [key, e] of index.byKey) expect(key).toBe(e.key);
    expect(get(index, POD, 'pod').label).toBe('pod default/myweb2');
    expect(get(index, POD, 'pod').containers).toEqual([PAUSE, SHOOT, NGINX]);
  });

  it('gives containers their processes, all their namespaces and their main ones', () => {
    const pause: ContainerEntity = get(index, PAUSE, 'container');
    expect(pause.sandbox).toBe(true);
    expect(pause.pod).toBe(POD);
    expect(pause.processes).toEqual([`proc:${NODE}:2814`]);
    expect(pause.namespaces).toHaveLength(8);
    expect(pause.main.net).toBe(NET);
    expect(pause.main.pid).toBe(`ns:${NODE}:4026532339`);
    const nginx = get(index, NGINX, 'container');
    expect(nginx.label).toBe('myweb2-nginx');
    expect(nginx.row?.image).toBe('bf3b3ee435bb1');
    expect(nginx.main.net).toBe(NET);
    expect(nginx.main.mnt).toBe(`ns:${NODE}:4026532340`);
  });

  it('ties processes to their container, pod and namespaces', () => {
    const p: ProcessEntity = get(index, `proc:${NODE}:2903`, 'process');
    expect(p.label).toBe('PID 2903 nginx');
    expect(p.container).toBe(NGINX);
    expect(p.pod).toBe(POD);
    expect(p.namespaces).toContain(NET);
    expect(p.row.ppid).toBe(2794);
    const shim = get(index, `proc:${NODE}:2794`, 'process');
    expect(shim.container).toBeUndefined();
    expect(shim.namespaces).toEqual([]);
  });

  it('keeps the namespace row: NPROCS and the interfaces of net', () => {
    const net: NamespaceEntity = get(index, NET, 'namespace');
    expect(net.nsType).toBe('net');
    expect(net.scope).toBe('pod');
    expect(net.row?.nprocs).toBe(6);
    expect(net.row?.interfaces?.find((i) => i.name === 'eth0')?.mac).toBe('9e:35:b6:1a:4f:a7');
    expect(net.processes.sort()).toEqual(
      [`proc:${NODE}:2814`, `proc:${NODE}:2903`, `proc:${NODE}:3012`].sort(),
    );
    expect(net.containers.sort()).toEqual([PAUSE, NGINX, SHOOT].sort());
    expect(net.pods).toEqual([POD]);
    expect(index.nsKey(NODE, 'net', 4026532264)).toBe(NET);
  });

  it('relates a container to its pod, processes and namespaces, a namespace to its members', () => {
    const r = relatedKeys(index, NGINX);
    expect(r.has(POD)).toBe(true);
    expect(r.has(`proc:${NODE}:2903`)).toBe(true);
    expect(r.has(NET)).toBe(true);
    expect(r.has(SHOOT)).toBe(false);
    const n = relatedKeys(index, NET);
    for (const k of [PAUSE, NGINX, SHOOT, POD]) expect(n.has(k), k).toBe(true);
    expect(relatedKeys(index, 'ns:nowhere:1').size).toBe(0);
  });

  it('finds entities by PID, name, inode, IP and MAC', () => {
    expect(searchEntities(index, '2814')[0]?.key).toBe(`proc:${NODE}:2814`);
    expect(searchEntities(index, 'myweb2-nginx')[0]?.key).toBe(NGINX);
    expect(searchEntities(index, 'net:[4026532264]')[0]?.key).toBe(NET);
    expect(searchEntities(index, '10.244.1.6')[0]?.key).toBe(NET);
    expect(searchEntities(index, '9E:35:B6:1A:4F:A7')[0]?.key).toBe(NET);
    expect(searchEntities(index, '   ')).toEqual([]);
    expect(searchEntities(index, 'myweb2', 2)).toHaveLength(2);
  });
});

describe('buildEntityIndex on a real podman recording', () => {
  const manifest = JSON.parse(
    readFileSync(new URL('../../fixtures/manifest.json', import.meta.url), 'utf8'),
  ) as { id: string; files: string[] }[];
  const entry = manifest.find((m) => m.id === 'podman-default')!;
  const { snapshot } = parseInputs(
    entry.files.map((f) => ({
      name: f,
      text: readFileSync(new URL(`../../fixtures/${f}`, import.meta.url), 'utf8'),
    })),
  );
  const summary = classify(snapshot);
  const index = buildEntityIndex(snapshot, summary);

  it('indexes every process and every classified namespace', () => {
    for (const p of snapshot.processes)
      expect(index.byKey.get(`proc:${p.node}:${p.pid}`)?.kind).toBe('process');
    for (const n of summary.namespaces)
      expect(index.byKey.get(`ns:${n.node}:${n.inode}`)?.kind).toBe('namespace');
  });

  it('names a main namespace of every type the classification knows', () => {
    for (const pod of summary.pods)
      for (const c of pod.containers) {
        const e = get(index, `ctr:${pod.node}:${c.id}`, 'container');
        expect(Object.keys(e.main).sort()).toEqual(Object.keys(c.namespaces).sort());
      }
  });
});

describe('commandName', () => {
  it('takes the base name of argv[0]', () => {
    expect(commandName('/usr/sbin/nginx -g daemon off;')).toBe('nginx');
    expect(commandName('  /pause ')).toBe('pause');
    expect(commandName('')).toBeUndefined();
    expect(commandName(undefined)).toBeUndefined();
    expect(commandName('/')).toBeUndefined();
    expect(commandName('nginx: master process nginx -g daemon off;')).toBe('nginx');
  });
});
