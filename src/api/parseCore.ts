import { classify } from '../model/classify.ts';
import { parseInputs, type InputText } from '../parse/index.ts';
import type { ParsedSource, ParseProgress, ShownWarning, SourceInput } from './types.ts';

/** At most this many error lines are looked up and sent with their text. */
const EXCERPTS = 20;
const EXCERPT_CHARS = 300;

/**
 * Reads, parses and classifies inputs, reporting each step. Runs in the parse worker, or on
 * the main thread when there is no worker. Never rejects for bad input: problems become
 * warnings (errors carry the failing line's text).
 */
export async function runParse(
  inputs: readonly SourceInput[],
  onProgress: (p: ParseProgress) => void,
): Promise<ParsedSource> {
  const total = inputs.length;
  const texts: InputText[] = [];
  for (const [i, input] of inputs.entries()) {
    const text = 'text' in input ? input.text : undefined;
    if (text === undefined) onProgress({ phase: 'reading', index: i + 1, total, name: input.name });
    const read: InputText = {
      name: input.name,
      text: text ?? (await (input as { file: Blob }).file.text()),
    };
    if (input.optional) read.optional = true;
    texts.push(read);
  }
  const { snapshot, issues } = parseInputs(withProgress(texts, onProgress));
  onProgress({ phase: 'classifying' });
  const summary = classify(snapshot);
  const warnings = dedupe([
    ...issues,
    ...snapshot.warnings.map((w) => ({ ...w, level: 'warning' as const })),
  ]);
  addExcerpts(warnings, texts);
  onProgress({ phase: 'done' });
  return {
    snapshot,
    summary,
    warnings,
    names: texts.map((t) => t.name),
    size: texts.reduce((n, t) => n + t.text.length, 0),
  };
}

/**
 * The inputs as an array whose iteration reports "parsing input i of n" as the parser reaches
 * each one (parseInputs walks its inputs once, in order). Reports only move forward.
 */
function withProgress(
  texts: readonly InputText[],
  onProgress: (p: ParseProgress) => void,
): InputText[] {
  const list = [...texts];
  let reached = 0;
  Object.defineProperty(list, Symbol.iterator, {
    value: function* () {
      for (const [i, input] of texts.entries()) {
        if (i + 1 > reached) {
          reached = i + 1;
          onProgress({ phase: 'parsing', index: i + 1, total: texts.length, name: input.name });
        }
        yield input;
      }
    },
  });
  return list;
}

/** The parser may report an issue and also copy it into `snapshot.warnings`: list it once. */
export function dedupe(list: readonly ShownWarning[]): ShownWarning[] {
  const seen = new Set<string>();
  return list.filter((w) => {
    const key = `${w.source ?? ''}\u0000${w.line ?? ''}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function addExcerpts(warnings: ShownWarning[], texts: readonly InputText[]): void {
  const byName = new Map(texts.map((t) => [t.name, t.text]));
  let left = EXCERPTS;
  for (const w of warnings) {
    if (left === 0) return;
    if (w.level !== 'error' || w.line === undefined || w.source === undefined) continue;
    const text = byName.get(w.source);
    if (text === undefined) continue;
    const line = lineAt(text, w.line);
    if (line !== undefined) w.excerpt = line.slice(0, EXCERPT_CHARS);
    left--;
  }
}

/** `lineAt('a\nb\r\nc', 2)` → `'b'`; undefined past the end. Lines are 1-based. */
export function lineAt(text: string, line: number): string | undefined {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  if (start > text.length) return undefined;
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}
