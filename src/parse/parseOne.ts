import { FragmentBuilder } from './fragment.ts';
import { COMMAND_FORMATS } from './registry.ts';
import { head } from './text.ts';
import { TRANSCRIPT_FORMAT, detectTranscript, parseTranscript } from './transcript/transcript.ts';
import type { FormatParser, ParseContext, ParseResult } from './types.ts';

/** Inputs above this size are refused with a message rather than risking the tab or the CLI. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/** Titles of every format nsviz reads, for messages about unknown input. */
export function knownFormats(): string[] {
  return [
    'terminal session transcript (prompt lines and outputs)',
    ...COMMAND_FORMATS.map((f) => f.title),
  ];
}

/**
 * Parses one input: refuses empty and binary text with a clear message, detects the format
 * (a transcript, or one command's output), and parses it. Returns one result per transcript
 * block, or a single result.
 */
export function parseOne(
  name: string,
  text: string,
  node?: string,
  optional = false,
): ParseResult[] {
  const ctx: ParseContext = { source: name };
  if (node !== undefined) ctx.node = node;
  const refuse = (line: number | undefined, message: string): ParseResult[] => {
    const b = new FragmentBuilder(ctx, 'unknown');
    if (optional) b.warn(line, `skipped: ${message}`);
    else b.error(line, message);
    return [b.result()];
  };
  if (text.length > MAX_INPUT_BYTES)
    return refuse(
      undefined,
      `input is ${Math.round(text.length / 1048576)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`,
    );
  if (text.trim() === '')
    return refuse(1, 'the input is empty; expected command output, a transcript or snapshot JSON');
  const binaryAt = binaryLine(text);
  if (binaryAt !== undefined) {
    return refuse(
      binaryAt,
      'this looks like a binary file (NUL or control bytes); expected text: command output, a transcript or JSON',
    );
  }
  const t = safeDetect(detectTranscript, text);
  let best: FormatParser | undefined;
  let bestScore = 0;
  for (const f of COMMAND_FORMATS) {
    const s = safeDetect((x) => f.detect(x, ctx), text);
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  if (t >= 0.5 && t >= bestScore)
    return safeParse(() => parseTranscript(text, ctx, COMMAND_FORMATS), ctx, TRANSCRIPT_FORMAT);
  if (best && bestScore >= 0.3) return safeParse(() => [best.parse(text, ctx)], ctx, best.id);
  const guess =
    best && bestScore > 0
      ? `; closest guess: ${best.title} (confidence ${bestScore.toFixed(2)})`
      : '';
  return refuse(1, `unknown format: expected one of: ${knownFormats().join('; ')}${guess}`);
}

/** The 1-based line of the first NUL or run of control bytes in the head, if any. */
function binaryLine(text: string): number | undefined {
  const h = head(text, 8192);
  let controls = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    const bad =
      c === 0 ||
      (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) ||
      c === 0xfffd;
    if (bad) controls++;
    if (c === 0 || controls > 8) return h.slice(0, i).split('\n').length;
  }
  return undefined;
}

function safeDetect(detect: (text: string) => number, text: string): number {
  try {
    const s = detect(text);
    return Number.isFinite(s) ? s : 0;
  } catch {
    return 0;
  }
}

/** Parsers must not throw; if one does anyway, the user gets a message, not a stack trace. */
function safeParse(run: () => ParseResult[], ctx: ParseContext, format: string): ParseResult[] {
  try {
    return run();
  } catch (e) {
    const b = new FragmentBuilder(ctx, format);
    b.error(
      undefined,
      `internal error while reading this input as ${format}: ${e instanceof Error ? e.message : String(e)} (please report it with the input)`,
    );
    return [b.result()];
  }
}
