import { FragmentBuilder } from '../fragment.ts';
import { excerpt, head, splitLines } from '../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../types.ts';
import { baseName } from './argv.ts';
import { matchPrompt } from './prompt.ts';
import { splitTranscript, type Block } from './split.ts';

export const TRANSCRIPT_FORMAT = 'transcript';

/** Commands whose output is known to carry nothing nsviz reads; skipped without a warning. */
const SILENT = new Set([
  'cd',
  'exit',
  'clear',
  'pwd',
  'whoami',
  'echo',
  'bash',
  'sh',
  'zsh',
  'unshare',
  'apt',
  'apt-get',
  'which',
]);

/**
 * Detects a pasted terminal session: prompt lines followed by commands nsviz knows.
 * A recorder transcript starts with `# nsviz-record`.
 */
export function detectTranscript(text: string): number {
  const h = head(text, 16384);
  if (h.startsWith('# nsviz-record')) return 1;
  const lines = splitLines(h).slice(0, 200);
  let prompts = 0;
  let firstMeaningful: boolean | undefined;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const isPrompt = matchPrompt(l) !== undefined;
    // Leading `#` lines that are not prompts are comments (fixture headers, study notes).
    if (!isPrompt && l.startsWith('#')) continue;
    if (firstMeaningful === undefined) firstMeaningful = isPrompt;
    if (isPrompt) prompts++;
  }
  if (prompts === 0) return 0;
  return firstMeaningful ? 0.95 : 0.6;
}

/**
 * Parses a transcript block by block: each command's output goes to the parser for that
 * command, with its arguments (`-p PID`, the `/proc/PID/…` path, `nsenter -t PID`) as context.
 * Returns one result per block so per-PID captures can be merged with conflicts reported.
 */
export function parseTranscript(
  text: string,
  ctx: ParseContext,
  formats: readonly FormatParser[],
): ParseResult[] {
  const offset = ctx.lineOffset ?? 0;
  const recorder = text.startsWith('# nsviz-record') || text.startsWith('\ufeff# nsviz-record');
  const blocks = splitTranscript(text, ctx.node, recorder);
  const lines = splitLines(head(text, 4096)).slice(0, 20);
  const meta = new FragmentBuilder(ctx, TRANSCRIPT_FORMAT);
  if (blocks.length === 0)
    meta.error(
      1,
      'expected a terminal session: prompt lines (`$ `, `# `, `user@host:~# `) each followed by a command and its output',
    );
  if (recorder) meta.tool = 'nsviz-record';
  // A fixture rebuilt by hand says so in its first lines; every source it yields carries that.
  const reconstructed = lines.some((l) => /^#.*\breconstructed\b/i.test(l));
  // A session without prompt hosts is named by its `hostname` output (the recorder prints it first).
  const hostBlock = blocks.find(
    (b) => b.run.argv[0] === 'hostname' && b.run.via === undefined && b.body.trim() !== '',
  );
  const sessionNode = firstLine(hostBlock?.body ?? '');
  const results: ParseResult[] = [];
  for (const b of blocks) {
    const node = ctx.node ?? (b.node || sessionNode);
    const sub: ParseContext = {
      source: ctx.source,
      argv: b.run.argv,
      lineOffset: offset + b.promptLine,
    };
    if (node) sub.node = node;
    if (b.run.pid !== undefined) sub.pid = b.run.pid;
    if (b.run.via !== undefined) sub.via = b.run.via;
    const body = b.body;
    if (body.trim() === '') continue;
    if (readFacts(b, node, sub, results)) continue;
    const parser = route(b, body, sub, formats);
    if (!parser) {
      const cmd = baseName(b.run.argv[0] ?? '');
      if (!SILENT.has(cmd)) {
        meta.warn(
          b.promptLine,
          `skipped the output of \`${excerpt(b.command, 60)}\`: not a command whose output nsviz reads`,
        );
      }
      continue;
    }
    const r = parser.parse(body, sub);
    // Name the block's node on its fragment, so facts without rows (interfaces) know it too.
    if (node && !r.fragment.nodes.some((n) => n.name === node))
      r.fragment.nodes.push({ name: node });
    results.push(r);
  }
  const nodes = new Set(results.flatMap((r) => r.fragment.nodes.map((n) => n.name)));
  if (sessionNode && !nodes.has(sessionNode))
    meta.fragment.nodes.push({ name: sessionNode, hostname: sessionNode });
  results.unshift(meta.result());
  if (reconstructed) {
    for (const r of results)
      for (const src of r.fragment.sources)
        src.tool = src.tool ? `${src.tool}, reconstructed by hand` : 'reconstructed by hand';
  }
  return results;
}

function route(
  b: Block,
  body: string,
  ctx: ParseContext,
  formats: readonly FormatParser[],
): FormatParser | undefined {
  let best: FormatParser | undefined;
  let bestScore = 0;
  for (const f of formats) {
    const forCmd = f.forCommand?.(b.run.argv) ?? 0;
    if (forCmd <= 0) continue;
    const score = forCmd + safeDetect(f, body, ctx);
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  if (best) return best;
  // A command we do not route (e.g. `cat file.json`): fall back to detecting the output itself.
  for (const f of formats) {
    const score = safeDetect(f, body, ctx);
    if (score >= 0.5 && score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

function safeDetect(f: FormatParser, body: string, ctx: ParseContext): number {
  try {
    return f.detect(body, ctx);
  } catch {
    return 0;
  }
}

/** `hostname`, `uname`, `date` outputs become node facts and the capture time. */
function readFacts(b: Block, node: string, ctx: ParseContext, results: ParseResult[]): boolean {
  const cmd = baseName(b.run.argv[0] ?? '');
  const first = firstLine(b.body);
  if (cmd === 'hostname' || (cmd === 'cat' && b.run.argv[1] === '/proc/sys/kernel/hostname')) {
    const fb = new FragmentBuilder(ctx, 'hostname');
    if (b.run.pid !== undefined && b.run.via?.tool === 'nsenter') {
      // `nsenter -t PID -u hostname`: the hostname of that process's uts namespace.
      (fb.process(b.run.pid) as { utsHostname?: string }).utsHostname = first;
    } else if (b.run.via === undefined && node) {
      fb.fragment.nodes.push({ name: node, hostname: first });
    } else return true;
    results.push(fb.result());
    return true;
  }
  if (cmd === 'uname' && b.run.via === undefined && node) {
    const fb = new FragmentBuilder(ctx, 'uname');
    const parts = first.split(/\s+/);
    const kernel = b.run.argv.includes('-r')
      ? parts[0]
      : b.run.argv.includes('-a')
        ? parts[2]
        : undefined;
    if (kernel) fb.fragment.nodes.push({ name: node, kernel });
    results.push(fb.result());
    return true;
  }
  if (cmd === 'date') {
    const t = Date.parse(first);
    if (!Number.isNaN(t)) {
      const fb = new FragmentBuilder(ctx, 'date');
      fb.fragment.capturedAt = new Date(t).toISOString();
      results.push(fb.result());
    }
    return true;
  }
  return false;
}

/** The first non-blank line, trimmed. */
function firstLine(body: string): string {
  const t = body.trimStart();
  const nl = t.indexOf('\n');
  return (nl < 0 ? t : t.slice(0, nl)).trim();
}
