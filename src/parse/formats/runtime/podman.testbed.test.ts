// Live check of scripts/testbed/podman-pod.sh and the podman parsers: builds a real pod,
// records it, compares the parsed outputs with /proc, removes the pod. Needs root and podman;
// run with `npm run test:testbed`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { podmanInspect } from './engine-inspect.ts';
import { podmanPs } from './podman-ps.ts';
import {
  containerOf,
  processOf,
  readRecording,
  run,
  sample,
  type Recording,
} from './test-helpers.ts';

const SCRIPT = fileURLToPath(new URL('../../../../scripts/testbed/podman-pod.sh', import.meta.url));

function why(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root';
  try {
    execFileSync('podman', ['--version'], { stdio: 'ignore' });
  } catch {
    return 'podman is not installed';
  }
  return undefined;
}

const skip = why();
const NAME = `nsviz-tb-${process.pid}`;

describe.skipIf(skip !== undefined)(
  `podman-pod.sh live${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let out = '';
    let rec: Recording;

    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'nsviz-podman-rec-'));
      execFileSync(SCRIPT, ['up', NAME, '--share', 'net,ipc,uts,pid'], { stdio: 'pipe' });
      execFileSync(SCRIPT, ['record', NAME, out], { stdio: 'pipe' });
      rec = readRecording(out);
    });

    afterAll(() => {
      execFileSync(SCRIPT, ['down', NAME], { stdio: 'pipe' });
      // `down` twice is fine: it only removes what exists.
      execFileSync(SCRIPT, ['down', NAME], { stdio: 'pipe' });
      if (out) rmSync(out, { recursive: true, force: true });
    });

    it('records an infra container and two app containers sharing the pid namespace', () => {
      expect(rec.ctrs).toHaveLength(3);
      expect(rec.ctrs.filter((c) => c.infra)).toHaveLength(1);
      expect(new Set(rec.ctrs.map((c) => c.ns.pid)).size).toBe(1);
    });

    it('podman ps --ns memberships equal /proc', () => {
      const r = run(podmanPs, sample(`${out}/podman-ps-ns.json`));
      expect(r.issues).toEqual([]);
      for (const c of rec.ctrs) {
        const { time: _time, ...want } = c.ns;
        expect(processOf(r, c.pid)?.namespaces).toEqual(want);
        expect(containerOf(r, c.id)?.sandbox).toBe(c.infra ? true : undefined);
      }
    });

    it('podman inspect cgroups equal /proc', () => {
      const r = run(podmanInspect, sample(`${out}/podman-inspect.json`));
      for (const c of rec.ctrs) expect(processOf(r, c.pid)?.cgroup).toBe(c.cgroup);
    });

    it('`up` again replaces the pod instead of failing', () => {
      execFileSync(SCRIPT, ['up', NAME], { stdio: 'pipe' });
      const pods = execFileSync('podman', ['pod', 'ps', '-q', '--filter', `name=^${NAME}$`], {
        encoding: 'utf8',
      });
      expect(pods.trim().split('\n')).toHaveLength(1);
    });
  },
);
