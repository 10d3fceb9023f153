import type { FragmentBuilder } from './fragment.ts';

/**
 * JSON.parse that reports where the text broke instead of throwing: the issue names the line
 * and column and what the parser expected there.
 */
export function parseJsonReporting(text: string, b: FragmentBuilder, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = jsonErrorPosition(msg, text);
    const where = pos ? ` at column ${pos.column}` : '';
    const at = /position (\d+)/.exec(msg);
    const atEnd = at !== null && Number(at[1]) >= text.trimEnd().length;
    const cut = atEnd || /Unexpected end/.test(msg) ? ' (the text ends too early: truncated?)' : '';
    b.error(
      pos?.line ?? 1,
      `expected ${what} as valid JSON; ${msg.replace(/\s*\(line \d+ column \d+\)/, '').replace(/\s*(?:in JSON )?at position \d+/, '')}${where}${cut}`,
    );
    return undefined;
  }
}

/** Finds the line/column of a V8 JSON error (`… at position 123`, `… (line 4 column 7)`). */
export function jsonErrorPosition(
  message: string,
  text: string,
): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const p = /position (\d+)/.exec(message);
  let offset = p ? Number(p[1]) : /Unexpected end/.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  offset = Math.min(offset, text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
