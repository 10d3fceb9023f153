import { readFileSync } from 'node:fs';
import { classify } from '../model/classify.ts';
// eslint-disable-next-line no-restricted-imports -- test helper: load the gallery as the app does
import { parseInputs } from '../parse/index.ts';
import type { Snapshot, Summary } from '../protocol/snapshot.ts';

/** Test-only helper (imported by tests, never by the app): every gallery fixture, parsed and classified as the app does. */
export interface LoadedForTest {
  id: string;
  snapshot: Snapshot;
  summary: Summary;
}

const root = new URL('../../fixtures/', import.meta.url);

export function loadGallery(): LoadedForTest[] {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as {
    id: string;
    files: string[];
  }[];
  return manifest.map((e) => {
    const inputs = e.files.map((f) => ({ name: f, text: readFileSync(new URL(f, root), 'utf8') }));
    const { snapshot } = parseInputs(inputs);
    return { id: e.id, snapshot, summary: classify(snapshot) };
  });
}

/** Test-only: the benchmarks' synthetic node (`pods` pods, `processes` processes), as the app loads it. */
export async function loadSynthetic(processes: number, pods: number): Promise<LoadedForTest> {
  // The recorder's transcript: its cgroup paths attribute processes to pods and containers.
  const { syntheticNode, toTranscript } = await import('../../scripts/bench/synthetic.ts');
  const text = toTranscript(syntheticNode(processes, pods));
  const { snapshot } = parseInputs([{ name: 'synthetic.txt', text }]);
  return { id: `synthetic-${pods}`, snapshot, summary: classify(snapshot) };
}
