import { FragmentBuilder } from '../../fragment.ts';
import { splitLines } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { programOf } from './argv.ts';
import { Complaints, finishParse } from './complaints.ts';
import { headLines, stripAnsi } from './lines.ts';
import { explicitLinks, globbedDirs, nameByOrder } from './linkorder.ts';
import { nsLink, parseTarget, LinkRecorder } from './nslink.ts';
import { choosePid, type PidChoice, type ProcPath } from './procpath.ts';

const FORMAT = 'proc-ns-readlink';
const EXPECTED = '`readlink /proc/PID/ns/*` lines (type:[inode])';

interface Target {
  type: string;
  inode: number;
  line: number;
}

/**
 * Parses `readlink /proc/PID/ns/*` (targets only, one per line, glob order). Link names come
 * from explicit paths on the command line when there is one per line, otherwise from glob
 * order (`nameByOrder`): the second of two adjacent `pid:` lines is `pid_for_children`.
 *
 * `pid:[4026531836]\npid:[4026532249]` with argv `['readlink', '/proc/7/ns/pid', …]` or the
 * glob → PID 7 in pid 4026531836, `forChildren.pid` 4026532249.
 */
export function parseReadlink(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, FORMAT);
  const links = new LinkRecorder(b);
  const complaints = new Complaints(b);
  const targets: Target[] = [];
  let stderr = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const t = stripAnsi(lines[i] ?? '').trim();
    if (t === '') continue;
    const target = parseTarget(t);
    if (target !== undefined) targets.push({ ...target, line: i + 1 });
    else if (t.startsWith('readlink:')) {
      b.warn(i + 1, `readlink reported: ${t}`);
      stderr++;
    } else complaints.error(i + 1, `expected ${EXPECTED}`, t);
  }

  const program = programOf(ctx.argv);
  const args = program?.name === 'readlink' ? program.args : [];
  const explicit = explicitLinks(args);
  if (explicit !== undefined && explicit.length === targets.length) {
    // One explicit path per printed line: names and PIDs are exact.
    targets.forEach((t, i) => {
      const link = explicit[i]!;
      record(b, links, t, link.name, choosePid(link.path, ctx));
    });
  } else {
    const blocks = nameByOrder(targets.map((t) => t.type));
    const paths = processPaths(explicit, globbedDirs(args), blocks.length);
    let next = 0;
    blocks.forEach((names, blockIndex) => {
      const choice: PidChoice =
        paths === undefined
          ? { problem: `${blocks.length} processes' links but the command line does not say whose` }
          : choosePid(paths[blockIndex], ctx);
      const first = targets[next];
      if (choice.problem && first)
        b.warn(first.line, `${choice.problem}; namespaces kept without a process`);
      for (const name of names) record(b, links, targets[next++]!, name, choice);
    });
  }
  finishParse(b, complaints, targets.length + stderr, text, EXPECTED);
  return b.result();
}

/** The `/proc/PID` of each printed block, or `undefined` when they cannot be matched up. */
function processPaths(
  explicit: readonly { path: ProcPath }[] | undefined,
  globs: readonly ProcPath[],
  blocks: number,
): readonly (ProcPath | undefined)[] | undefined {
  if (globs.length === blocks) return globs;
  if (explicit !== undefined) {
    const pids = new Set(explicit.map((e) => e.path.pid));
    if (pids.size === 1 && blocks === 1) return [explicit[0]!.path];
  }
  // No paths at all: a single process is the one in the context (nsenter -t PID, /proc/PID/…).
  if (globs.length === 0 && explicit === undefined && blocks <= 1) return [undefined];
  return undefined;
}

function record(
  b: FragmentBuilder,
  links: LinkRecorder,
  t: Target,
  name: string,
  choice: PidChoice,
): void {
  const link = nsLink(name);
  if (link === undefined || link.type !== t.type) {
    b.error(
      t.line,
      `expected the ${name} link here, but the target is a ${t.type} namespace; skipped`,
    );
    return;
  }
  links.link(choice.pid, link, t.inode, t.line);
}

/** Every head line is a bare `type:[inode]`. */
export function detectReadlink(text: string): number {
  const lines = headLines(text, 12);
  let hits = 0;
  for (const l of lines) if (parseTarget(l) !== undefined) hits++;
  if (hits === 0) return 0;
  return hits === lines.length ? 0.9 : hits * 2 > lines.length ? 0.5 : 0.2;
}

/** `['readlink', '/proc/1/ns/net']` → 0.95. */
export function readlinkForCommand(argv: readonly string[]): number {
  const program = programOf(argv);
  if (program?.name !== 'readlink') return 0;
  return program.args.some((a) => a.startsWith('/proc/') && a.includes('/ns')) ? 0.95 : 0.2;
}

/** `readlink /proc/PID/ns/*`: `proc-ns-readlink`. */
export const readlinkFormat: FormatParser = {
  id: FORMAT,
  title: 'readlink of /proc/PID/ns links',
  detect: (text) => detectReadlink(text),
  parse: parseReadlink,
  forCommand: readlinkForCommand,
};
