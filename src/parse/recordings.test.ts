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
