import { FragmentBuilder } from '../../fragment.ts';
import { splitLines } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { hasFlag, programOf } from './argv.ts';
import { Complaints, OnceWarnings, finishParse } from './complaints.ts';
import { headLines, isDigits, stripAnsi, tokens } from './lines.ts';
import { explicitLinks, globbedDirs, namesForCount } from './linkorder.ts';
import { MIN_NS_INODE, nsLink, LinkRecorder } from './nslink.ts';
import { choosePid, parseProcPath, parseUint, type PidChoice, type ProcPath } from './procpath.ts';

const FORMAT = 'proc-ns-stat';
const EXPECTED = "`stat -L -c '%n %i' /proc/PID/ns/*` lines (path inode) or bare inodes";

/**
 * Parses `stat -L -c '%n %i' /proc/PID/ns/*` (also `%i %n`, and the multi-process
 * `/proc/[0-9]*\/ns/*` form with thousands of lines) and bare `stat -L -c %i`, whose lines are
 * named from the command line (explicit paths, or a glob and the kernel's link count).
 *
 * `/proc/7/ns/net 4026532179` → PID 7 in net namespace 4026532179.
 */
export function parseStat(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, FORMAT);
  const links = new LinkRecorder(b);
  const complaints = new Complaints(b);
  const once = new OnceWarnings(b);
  const program = programOf(ctx.argv);
  const args = program?.name === 'stat' ? program.args : [];
  if (args.length > 0 && !hasFlag(args, 'L', '--dereference')) {
    once.warn(undefined, 'stat ran without -L: inodes far below the namespace range are the links’ own and are skipped');
  }
  const choices = new Map<number | 'self' | undefined, PidChoice>();
  const bare: { inode: number; line: number }[] = [];
  let recognized = 0;

  const plausible = (inode: number, line: number): boolean => {
    if (inode >= MIN_NS_INODE) return true;
    once.warn(line, `inode ${inode} is not a namespace inode (the link's own, from stat without -L?); such lines are skipped`);
    return false;
  };

  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = stripAnsi(lines[i] ?? '').trim();
    if (t === '') continue;
    if (t.startsWith('stat:')) {
      b.warn(lineNo, `stat reported: ${t}`);
      recognized++;
      continue;
    }
    const parts = tokens(t, 3);
    if (parts.length === 1 && isDigits(t)) {
      const inode = parseUint(t);
      if (inode !== undefined && plausible(inode, lineNo)) bare.push({ inode, line: lineNo });
      recognized++;
      continue;
    }
    const [a = '', c = ''] = parts;
    const pathText = isDigits(c) ? a : isDigits(a) ? c : undefined;
    const inode = parseUint(pathText === a ? c : a);
    if (parts.length !== 2 || pathText === undefined || inode === undefined) {
      complaints.error(lineNo, `expected ${EXPECTED}`, t);
      continue;
    }
    recognized++;
    const path = parseProcPath(pathText);
    const link = path?.rest.startsWith('ns/') ? nsLink(path.rest.slice(3)) : undefined;
    if (path === undefined || link === undefined) {
      once.warn(lineNo, `${pathText} is not a /proc/PID/ns link, so its namespace type is unknown; such lines are skipped`);
      continue;
    }
    if (!plausible(inode, lineNo)) continue;
    let choice = choices.get(path.pid);
    if (choice === undefined) {
      choice = choosePid(path, ctx);
      choices.set(path.pid, choice);
      if (choice.problem) b.warn(lineNo, `${choice.problem}; namespaces kept without a process`);
    }
    links.link(choice.pid, link, inode, lineNo);
  }
  if (bare.length > 0) nameBare(b, links, ctx, args, bare);
  finishParse(b, complaints, recognized, text, EXPECTED);
  return b.result();
}

/** Names bare `%i` lines from the command line: one explicit link per line, or whole globs. */
function nameBare(
  b: FragmentBuilder,
  links: LinkRecorder,
  ctx: ParseContext,
  args: readonly string[],
  bare: readonly { inode: number; line: number }[],
): void {
  const first = bare[0]!.line;
  const explicit = explicitLinks(args);
  let plan: { path: ProcPath | undefined; name: string }[] | undefined;
  if (explicit !== undefined && explicit.length === bare.length) {
    plan = explicit;
  } else {
    const globs = globbedDirs(args);
    const per = globs.length > 0 ? bare.length / globs.length : 0;
    const names = Number.isInteger(per) ? namesForCount(per) : undefined;
    if (names !== undefined) plan = globs.flatMap((path) => names.map((name) => ({ path, name })));
  }
  if (plan === undefined) {
    b.warn(
      first,
      `${bare.length} bare inodes, but the command line does not name their links (expected /proc/PID/ns/<type> paths or a /proc/PID/ns/* glob); skipped`,
    );
    return;
  }
  const warned = new Set<string>();
  bare.forEach((entry, i) => {
    const step = plan[i]!;
    const link = nsLink(step.name);
    if (link === undefined) {
      b.error(entry.line, `${step.name} is not a namespace link; skipped`);
      return;
    }
    const choice = choosePid(step.path, ctx);
    if (choice.problem && !warned.has(choice.problem)) {
      warned.add(choice.problem);
      b.warn(entry.line, `${choice.problem}; namespaces kept without a process`);
    }
    links.link(choice.pid, link, entry.inode, entry.line);
  });
}

/** Head lines are `/proc/…/ns/… <inode>` (0.95) or bare namespace-range inodes (0.5). */
export function detectStat(text: string): number {
  const lines = headLines(text, 12);
  let named = 0;
  let bare = 0;
  let errors = 0;
  for (const l of lines) {
    const parts = tokens(l, 3);
    if (l.startsWith('stat: ')) errors++;
    else if (parts.length === 1 && (parseUint(l.trim()) ?? 0) >= MIN_NS_INODE) bare++;
    else if (parts.length === 2 && (parts[0] ?? '').startsWith('/proc/') && isDigits(parts[1] ?? '')) named++;
  }
  if (lines.length === 0) return 0;
  if (named > 0 && named + errors === lines.length) return 0.95;
  if (bare > 0 && bare + errors === lines.length) return 0.5;
  return named > 0 ? 0.4 : 0;
}

/** `['stat', '-L', '-c', '%n %i', '/proc/1/ns/*']` → 0.95. */
export function statForCommand(argv: readonly string[]): number {
  const program = programOf(argv);
  if (program?.name !== 'stat') return 0;
  const ns = program.args.some((a) => a.startsWith('/proc/') && a.includes('/ns'));
  const format = program.args.some((a) => a.includes('%i'));
  return ns && format ? 0.95 : ns ? 0.5 : 0.1;
}

export const statFormat: FormatParser = {
  id: FORMAT,
  title: 'stat of /proc/PID/ns links',
  detect: (text) => detectStat(text),
  parse: parseStat,
  forCommand: statForCommand,
};
