import { readFileSync } from 'node:fs';
import { buildEntityIndex, type EntityIndex } from '../../model/entities.ts';
import { classify } from '../../model/classify.ts';
import { parseInputs } from '../../parse/index.ts';
import type { Snapshot, Summary } from '../../protocol/snapshot.ts';

/** Test-only: one gallery fixture, parsed, classified and indexed as the app does. */
export function loadFixture(id: string): {
  snapshot: Snapshot;
  summary: Summary;
  index: EntityIndex;
} {
  const root = new URL('../../../fixtures/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as {
    id: string;
    files: string[];
  }[];
  const entry = manifest.find((m) => m.id === id);
  if (!entry) throw new Error(`no fixture ${id}`);
  const { snapshot } = parseInputs(
    entry.files.map((f) => ({ name: f, text: readFileSync(new URL(f, root), 'utf8') })),
  );
  const summary = classify(snapshot);
  return { snapshot, summary, index: buildEntityIndex(snapshot, summary) };
}
