import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../model/classify.ts';
import { buildEntityIndex } from '../../model/entities.ts';
import { parseInputs } from '../../parse/index.ts';
import { NS_TYPES } from '../../protocol/snapshot.ts';
import { VIEWS } from '../../state/viewState.ts';
import { readManifest } from '../fixtures/manifest.ts';
import { TOURS } from './index.ts';

const root = new URL('../../../fixtures/', import.meta.url);
const { entries } = readManifest(JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')));

const keysOf = new Map<string, Set<string>>();
function keys(src: string): Set<string> {
  let set = keysOf.get(src);
  if (!set) {
    const entry = entries.find((e) => e.id === src)!;
    const inputs = entry.files.map((f) => ({
      name: f,
      text: readFileSync(new URL(f, root), 'utf8'),
    }));
    const { snapshot } = parseInputs(inputs);
    set = new Set(buildEntityIndex(snapshot, classify(snapshot)).byKey.keys());
    keysOf.set(src, set);
  }
  return set;
}

describe('tours', () => {
  it('have unique ids that fit a URL hash, titles and at least two steps', () => {
    const ids = TOURS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const tour of TOURS) {
      expect(tour.id).toMatch(/^[a-z0-9-]+$/);
      expect(tour.steps.length).toBeGreaterThanOrEqual(2);
      for (const text of [tour.title, tour.summary]) {
        expect(text.en.trim()).not.toBe('');
        expect(text.ko.trim()).not.toBe('');
      }
    }
  });

  for (const tour of TOURS) {
    describe(tour.id, () => {
      tour.steps.forEach((step, i) => {
        const where = `${tour.id} step ${i + 1}`;
        it(`step ${i + 1}: ${step.title.en}`, () => {
          expect(
            entries.map((e) => e.id),
            `${where}: src`,
          ).toContain(step.src);
          expect(VIEWS, `${where}: view`).toContain(step.view ?? 'topology');
          for (const t of step.types ?? []) expect(NS_TYPES, `${where}: types`).toContain(t);
          for (const id of step.against ?? []) {
            expect(
              entries.map((e) => e.id),
              `${where}: against`,
            ).toContain(id);
          }
          if (step.against) expect(step.view, `${where}: against needs the diff view`).toBe('diff');
          if (step.select !== undefined) {
            expect(keys(step.src).has(step.select), `${where}: ${step.select} in ${step.src}`).toBe(
              true,
            );
          }
          // Both languages, and the Korean is Korean (not a copy of the English).
          for (const text of [step.title, step.text]) {
            expect(text.en.trim()).not.toBe('');
            expect(text.ko).toMatch(/[가-힣]/);
          }
          expect(step.text.en.length, `${where}: fits the tour card`).toBeLessThan(320);
        });
      });
    });
  }
});
