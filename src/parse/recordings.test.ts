// The whole pipeline (transcript → parsers → merge → attribution → classification) against
// real recordings of the test beds, checked to the inode against what /proc said at the time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NS_TYPES, type NsType } from '../protocol/snapshot.ts';
import { classify } from '../model/classify.ts';
import { parseInputs } from './index.ts';

interface Truth {
  kind: string;
  hostname: string;
  kernel: string;
  options: { sharePid: boolean; hostNetwork: boolean };
  pod: { uid?: string; id?: string; name: string };
  host: { namespaces: Record<NsType, number> };
  containers: { id: string; name: string; sandbox: boolean; mainPid: number }[];
  processes: {
    pid: number;
    role: string;
    container: string | null;
    namespaces: Record<NsType, number>;
    pid_for_children?: number;
  }[];
}

const ROOT = 'fixtures/recordings';
const recordings = existsSync(ROOT)
  ? readdirSync(ROOT).filter((d) => existsSync(join(ROOT, d, 'truth.json')))
  : [];

describe.each(recordings)('recording %s', (dir) => {
  const truth = JSON.parse(readFileSync(join(ROOT, dir, 'truth.json'), 'utf8')) as Truth;
  const files = ['record.txt', 'session.txt'].filter((f) => existsSync(join(ROOT, dir, f)));

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(ROOT, dir, file), 'utf8');
    const { snapshot, issues } = parseInputs([{ name: file, text }]);
    const summary = classify(snapshot);
    const byPid = new Map(snapshot.processes.map((p) => [p.pid, p]));

    it('parses without errors and names the node', () => {
      expect(issues.filter((i) => i.level === 'error')).toEqual([]);
      // The recorder prints `hostname`; a typed session without prompt hosts names no node.
      expect(snapshot.nodes.map((n) => n.name)).toEqual([
        file === 'record.txt' ? truth.hostname : 'node',
      ]);
    });

    it('reads every step the recorder (and the typed session) wrote without a warning', () => {
      // `cat /proc/sys/kernel/pid_max`, `nsenter -t PID -u hostname`, `# note:` lines…: all on
      // purpose, none worth telling the user about.
      expect(issues).toEqual([]);
      expect(snapshot.warnings).toEqual([]);
    });

    it('keeps the node named with --node, with the hostname as its fact, and no other node', () => {
      const named = parseInputs([{ name: file, text }], { node: 'x' }).snapshot;
      if (file === 'record.txt')
        expect(named.nodes).toEqual([
          { name: 'x', hostname: truth.hostname, kernel: truth.kernel },
        ]);
      else expect(named.nodes).toEqual([{ name: 'x' }]);
      for (const list of [named.processes, named.namespaces, named.containers, named.pods])
        expect(new Set(list.map((r) => r.node))).toEqual(new Set(list.length ? ['x'] : []));
    });

    it('keys the pod by its own id and leaves runtime helpers out of the containers', () => {
      if (file !== 'record.txt') return;
      // A podman pod is keyed by its pod id (not by a member's or the infra container's id); a
      // Kubernetes-like pod by its UID. conmon, in the pod's own cgroup, belongs to no container.
      const key = truth.pod.id ?? truth.pod.uid;
      expect(snapshot.pods.map((p) => p.key)).toEqual([key]);
      expect(snapshot.containers.map((c) => `${c.id} ${c.pod}`).sort()).toEqual(
        truth.containers.map((c) => `${c.id} ${key}`).sort(),
      );
      for (const t of truth.processes)
        if (t.container === null)
          expect(byPid.get(t.pid)?.container, `PID ${t.pid} (${t.role})`).toBeUndefined();
    });

    it("reads the recorder's fallback steps as it reads the usual ones", () => {
      if (file !== 'record.txt') return;
      // Where `hostname` is missing the recorder runs `uname -n` (same output); past ARG_MAX it
      // feeds stat through `printf … | xargs` (same output). The real outputs, under those commands.
      const fallback = text
        .replace(/^\$ hostname$/m, '$ uname -n')
        .replace(/^(\$ nsenter -t \d+ -u) hostname$/gm, '$1 uname -n')
        .replace(
          `$ stat -L -c '%n %i' /proc/[0-9]*/ns/*`,
          `$ printf '%s\\n' /proc/[0-9]*/ns/* | xargs stat -L -c '%n %i'`,
        );
      expect(fallback).toContain('$ nsenter -t 1 -u uname -n');
      expect(fallback).toContain('| xargs stat');
      const got = parseInputs([{ name: file, text: fallback }]);
      expect(got.issues).toEqual([]);
      const { sources: _a, ...want } = snapshot;
      const { sources: _b, ...have } = got.snapshot;
      expect(have).toEqual(want);
    });

    it('has every test-bed process in the namespaces /proc showed, to the inode', () => {
      for (const t of truth.processes) {
        const p = byPid.get(t.pid);
        if (file === 'session.txt' && !p) continue; // the typed session shows only some PIDs
        expect(p, `PID ${t.pid}`).toBeDefined();
        for (const type of NS_TYPES) {
          const got = p!.namespaces[type];
          if (got === undefined && file === 'session.txt') continue;
          expect(got, `PID ${t.pid} ${type}`).toBe(t.namespaces[type]);
        }
      }
    });

    it('attributes processes to containers and finds the sandbox', () => {
      if (file !== 'record.txt') return;
      for (const t of truth.processes) {
        if (t.container === null) continue;
        expect(byPid.get(t.pid)?.container, `PID ${t.pid}`).toBe(t.container);
      }
      const sandbox = truth.containers.find((c) => c.sandbox)!;
      const pod = summary.pods.find((p) => p.containers.some((c) => c.id === sandbox.id));
      expect(pod, 'the pod of the sandbox').toBeDefined();
      expect(pod!.containers[0]!.id).toBe(sandbox.id);
      expect(pod!.containers[0]!.sandbox).toBe(true);
      expect(pod!.containers.map((c) => c.id).sort()).toEqual(
        truth.containers.map((c) => c.id).sort(),
      );
    });

    it('classifies shared and private namespaces as the test bed built them', () => {
      if (file !== 'record.txt') return;
      const sandbox = truth.containers.find((c) => c.sandbox)!;
      const pod = summary.pods.find((p) => p.containers.some((c) => c.id === sandbox.id))!;
      for (const c of pod.containers) {
        const want = truth.processes.find(
          (p) => p.pid === truth.containers.find((x) => x.id === c.id)!.mainPid,
        )!;
        for (const type of NS_TYPES)
          expect(c.namespaces[type]?.inode, `${c.name ?? c.id} ${type}`).toBe(
            want.namespaces[type],
          );
        expect(c.namespaces.ipc?.scope).toBe('pod');
        expect(c.namespaces.net?.scope).toBe(truth.options.hostNetwork ? 'host' : 'pod');
        expect(c.namespaces.pid?.scope).toBe(truth.options.sharePid ? 'pod' : 'container');
        expect(c.namespaces.user?.scope).toBe('host');
      }
    });
  });
});
