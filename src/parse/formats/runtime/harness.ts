/**
 * The frame every JSON runtime parser shares: read the documents, hand each to the format's
 * reader, and turn a broken text into an issue that names the line and column, while still
 * using whatever was read before the break.
 */
import { FragmentBuilder } from '../../fragment.ts';
import { head } from '../../text.ts';
import type { ParseContext, ParseResult } from '../../types.ts';
import { readJson } from './json.ts';
import { arr, obj } from './values.ts';

export type DocReader = (b: FragmentBuilder, value: unknown, line: number) => void;

/**
 * Runs `onDoc` on every JSON document of `text`; `expected` names the shape for messages.
 * `parseJsonDocs('', ctx, 'x', 'a podman ps JSON array', f)` → one error "expected a podman
 * ps JSON array, found no JSON".
 */
export function parseJsonDocs(
  text: string,
  ctx: ParseContext,
  format: string,
  expected: string,
  onDoc: DocReader,
): ParseResult {
  const b = new FragmentBuilder(ctx, format);
  const read = readJson(text);
  if (read.docs.length === 0 && !read.error) b.error(1, `expected ${expected}, found no JSON`);
  for (const doc of read.docs) {
    try {
      onDoc(b, doc.value, doc.line);
    } catch (e) {
      // Readers are written not to throw; this keeps the contract if one still does.
      b.error(doc.line, `could not read this document as ${expected}: ${String(e)}`);
    }
  }
  if (read.error) {
    const kept = read.docs.length > 0 ? '; what came before is used' : '';
    b.error(read.error.line, `${read.error.message}${kept}`);
  }
  return b.result();
}

/** Short description of an unexpected JSON value for messages. `describe([1])` → `'an array of 1'`. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  const o = obj(v);
  if (o) {
    const keys = Object.keys(o);
    const shown = keys
      .slice(0, 4)
      .map((k) => JSON.stringify(k))
      .join(', ');
    return keys.length === 0
      ? 'an empty object'
      : `an object with keys ${shown}${keys.length > 4 ? ', …' : ''}`;
  }
  return `a ${typeof v}`;
}

/**
 * The items of a document that is one object or an array of objects (podman 4 vs 5, crictl
 * 1.30 vs 1.31). `objects({a:1})` → `[{a:1}]`; `objects([1,2])` → `[1,2]`.
 */
export function objects(v: unknown): unknown[] {
  return arr(v)?.slice() ?? [v];
}

/**
 * The first ~8 KB of `text` with all whitespace removed, for cheap key-order tests such as
 * `/^\[\{"AutoRemove":/`. Whitespace inside strings is removed too, which these tests tolerate.
 * Every such test looks for a JSON document at the start, so text that does not start with `{`
 * or `[` gives `''` at once: eight detectors ask this of every input, and squeezing 8 KB of a
 * table or a transcript each time cost more than reading a small one.
 */
export function squeezedHead(text: string, max = 8192): string {
  const h = head(text, max);
  const first = /\S/.exec(h)?.[0];
  if (first !== '{' && first !== '[') return '';
  return h.replace(/\s+/g, '');
}
