import { FragmentBuilder } from '../fragment.ts';
import { excerpt, head, splitLines } from '../text.ts';
import type { NodeInfo } from '../../protocol/snapshot.ts';
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
  // A session without prompt hosts is named by its `hostname` output (the recorder prints it
  // first, or `uname -n` where there is no `hostname`).
  let sessionNode = '';
  for (const b of blocks) {
    if (b.run.via !== undefined) continue;
    const name = nodeFactsOf(b)?.hostname;
    if (name) {
      sessionNode = name;
      break;
    }
  }
  const results: ParseResult[] = [];
  for (const b of blocks) {
    const node = ctx.node ?? (b.node || sessionNode);
    const sub: ParseContext = {
      source: ctx.source,
      argv: b.run.argv,
      lineOffset: offset + b.promptLine,
      sliced: true,
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
  // The session's hostname is already a fact of the node its block ran on (`readFacts`): with
  // `--node NAME` or a prompt host, that node keeps its own name and no second node is made.
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

/**
 * `hostname`, `uname`, `date` outputs become node facts and the capture time; `nsenter -t PID
 * -u hostname` the hostname of that process's uts namespace. Returns whether the block was one
 * of these (read, or knowingly skipped).
 */
function readFacts(b: Block, node: string, ctx: ParseContext, results: ParseResult[]): boolean {
  const cmd = baseName(b.run.argv[0] ?? '');
  const first = firstLine(b.body);
  if (cmd === 'date') {
    const t = Date.parse(first);
    if (!Number.isNaN(t)) {
      const fb = new FragmentBuilder(ctx, 'date');
      fb.fragment.capturedAt = new Date(t).toISOString();
      results.push(fb.result());
    }
    return true;
  }
  if (cmd === 'cat' && b.run.argv.length === 2 && b.run.argv[1] === '/proc/sys/kernel/pid_max') {
    // The recorder notes the PID limit for the reader; a snapshot has no field for it.
    return /^\d+$/.test(first);
  }
  const facts = nodeFactsOf(b);
  if (!facts) return false;
  const fb = new FragmentBuilder(ctx, cmd === 'cat' ? baseName(b.run.argv[1] ?? '') : cmd);
  if (b.run.pid !== undefined && b.run.via?.tool === 'nsenter') {
    // `nsenter -t PID -u hostname`: the hostname of that process's uts namespace.
    if (facts.hostname !== undefined) {
      (fb.process(b.run.pid) as { utsHostname?: string }).utsHostname = facts.hostname;
      results.push(fb.result());
    }
    return true;
  }
  // Inside a container (`kubectl exec … -- hostname`) the output names the container, not the
  // node. With no node named yet the facts go on the unnamed node: the merge names it.
  if (b.run.via !== undefined) return true;
  const row: NodeInfo = { name: node };
  if (facts.hostname !== undefined) row.hostname = facts.hostname;
  if (facts.kernel !== undefined) row.kernel = facts.kernel;
  if (row.hostname !== undefined || row.kernel !== undefined) fb.fragment.nodes.push(row);
  results.push(fb.result());
  return true;
}

interface NodeFacts {
  hostname?: string;
  kernel?: string;
}

/**
 * What a `hostname`, `uname` or `cat /proc/sys/kernel/{hostname,osrelease}` block says, or
 * `undefined` when the block is none of those (or an option that prints something else, like
 * `hostname -I`). `uname -a` → `{ hostname: 'kind-worker', kernel: '6.8.0-45-generic' }`.
 */
function nodeFactsOf(b: Block): NodeFacts | undefined {
  const argv = b.run.argv;
  const cmd = baseName(argv[0] ?? '');
  const first = firstLine(b.body);
  if (first === '' || b.piped) return undefined;
  if (cmd === 'hostname') {
    // `hostname`, `-s`/`--short`, `-f`/`--fqdn`/`--long` print a name; `-I`, `-i`, `-d` do not.
    const names = argv.slice(1).every((a) => /^(?:-[sf]|--short|--fqdn|--long)$/.test(a));
    return names && !/\s/.test(first) ? { hostname: first } : undefined;
  }
  if (cmd === 'cat' && argv.length === 2) {
    if (argv[1] === '/proc/sys/kernel/hostname') return { hostname: first };
    if (argv[1] === '/proc/sys/kernel/osrelease') return { kernel: first };
    return undefined;
  }
  if (cmd === 'uname') return unameFacts(argv, first);
  return undefined;
}

const UNAME_LETTERS = 'snrvmpio';
const UNAME_LONG: Readonly<Record<string, string>> = {
  '--kernel-name': 's',
  '--nodename': 'n',
  '--kernel-release': 'r',
  '--kernel-version': 'v',
  '--machine': 'm',
  '--processor': 'p',
  '--hardware-platform': 'i',
  '--operating-system': 'o',
};

/**
 * Reads `uname`'s output by its options: it prints the fields in a fixed order (kernel name,
 * node name, release, …), one word each up to the release. `uname -nr` → `host 6.1.0-18-amd64`.
 */
function unameFacts(argv: readonly string[], first: string): NodeFacts | undefined {
  const want = new Set<string>();
  for (const a of argv.slice(1)) {
    if (a === '-a' || a === '--all') {
      for (const l of 'snr') want.add(l);
    } else if (a.startsWith('--')) {
      const l = UNAME_LONG[a];
      if (l === undefined) return undefined;
      want.add(l);
    } else if (/^-[a-z]+$/.test(a)) {
      for (const l of a.slice(1)) {
        if (l === 'a') for (const x of 'snr') want.add(x);
        else if (UNAME_LETTERS.includes(l)) want.add(l);
        else return undefined;
      }
    } else return undefined;
  }
  if (want.size === 0) want.add('s');
  const words = first.split(/\s+/);
  const out: NodeFacts = {};
  let at = want.has('s') ? 1 : 0;
  const hostname = want.has('n') ? words[at++] : undefined;
  const kernel = want.has('r') ? words[at] : undefined;
  if (hostname) out.hostname = hostname;
  if (kernel) out.kernel = kernel;
  return out;
}

/** The first non-blank line, trimmed. */
function firstLine(body: string): string {
  const t = body.trimStart();
  const nl = t.indexOf('\n');
  return (nl < 0 ? t : t.slice(0, nl)).trim();
}
