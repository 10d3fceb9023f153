import { FragmentBuilder } from '../../fragment.ts';
import { flatCopy } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { hasFlag, programOf } from './argv.ts';
import { Complaints, OnceWarnings, finishParse } from './complaints.ts';
import { headLines, isDigits, stripAnsi, tokens } from './lines.ts';
import { explicitLinks, globbedDirs, namesForCount } from './linkorder.ts';
import { LinkRecorder, MIN_NS_INODE, linkAt, nsLink, type NsLink } from './nslink.ts';
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
export function parseStat(input: string, ctx: ParseContext): ParseResult {
  // Only numbers are kept from the text: a transcript's block is read from a copy of its own.
  const text = ctx.sliced === true ? flatCopy(input) : input;
  const b = new FragmentBuilder(ctx, FORMAT);
  const links = new LinkRecorder(b);
  const complaints = new Complaints(b);
  const once = new OnceWarnings(b);
  const program = programOf(ctx.argv);
  const args = program?.name === 'stat' ? program.args : [];
  if (args.length > 0 && !hasFlag(args, 'L', '--dereference')) {
    once.warn(
      undefined,
      'stat ran without -L: inodes far below the namespace range are the links’ own and are skipped',
    );
  }
  const reader = new StatReader(b, links, complaints, once, ctx);
  const ansi = text.includes('\u001b');
  // Lines as in `eachLine` (LF or CRLF, BOM dropped), walked by offsets: the common line is read
  // in place, and only the others become strings (100,000-line outputs would otherwise make a
  // string per line).
  const n = text.length;
  let lineNo = 0;
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start < n;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lineNo++;
    if (!ansi && readNamedFast(text, start, stop)) reader.named(text, input, start, stop, lineNo);
    else {
      // Strings for messages are cut from the input, never from the copy (see flatCopy).
      const raw = input.slice(start, stop);
      const t = (ansi ? stripAnsi(raw) : raw).trim();
      if (t !== '') {
        if (readNamedFast(t, 0, t.length)) reader.named(t, t, 0, t.length, lineNo);
        else reader.other(t, lineNo);
      }
    }
    start = end + 1;
  }
  const { bare, recognized } = reader;
  if (bare.length > 0) nameBare(b, links, ctx, args, bare);
  finishParse(b, complaints, recognized, input, EXPECTED);
  return b.result();
}

/** Per-line work of `parseStat`, kept in fields (not closure variables) for speed. */
class StatReader {
  readonly bare: { inode: number; line: number }[] = [];
  recognized = 0;
  // Lines of one process come together: remember the last PID's decision.
  private lastPid: number | 'self' | undefined | null = null;
  private lastChoice: PidChoice = {};
  private readonly plainChoice: { pid: number } = { pid: 0 };

  constructor(
    private readonly b: FragmentBuilder,
    private readonly links: LinkRecorder,
    private readonly complaints: Complaints,
    private readonly once: OnceWarnings,
    private readonly ctx: ParseContext,
  ) {}

  /**
   * The common `/proc/123/ns/net 4026531840` line, `text[start, end)`, already scanned into
   * `fast`; `shown` has the same characters, for messages.
   */
  named(text: string, shown: string, start: number, end: number, lineNo: number): void {
    this.recognized++;
    const link = linkAt(text, fast.nameStart, fast.nameEnd);
    if (link === undefined) {
      this.once.warn(
        lineNo,
        `${shown.slice(start, end)} is not a /proc/PID/ns link; such lines are skipped`,
        'not a link',
      );
      return;
    }
    const inode = fast.inode;
    if (!this.plausible(inode, lineNo)) return;
    this.record(undefined, fast.pid, link, inode, lineNo);
  }

  /** Stderr, bare inodes, `%i %n`, `/proc/self/…` and lines that are not stat output. */
  other(t: string, lineNo: number): void {
    if (t.startsWith('stat:')) {
      this.b.warn(lineNo, `stat reported: ${t}`);
      this.recognized++;
      return;
    }
    const parts = tokens(t, 3);
    if (parts.length === 1 && isDigits(t)) {
      const inode = parseUint(t);
      if (inode !== undefined && this.plausible(inode, lineNo))
        this.bare.push({ inode, line: lineNo });
      this.recognized++;
      return;
    }
    const [a = '', c = ''] = parts;
    const pathText = isDigits(c) ? a : isDigits(a) ? c : undefined;
    const inode = parseUint(pathText === a ? c : a);
    if (parts.length !== 2 || pathText === undefined || inode === undefined) {
      this.complaints.error(lineNo, `expected ${EXPECTED}`, t);
      return;
    }
    this.recognized++;
    const path = parseProcPath(pathText);
    const link = path?.rest.startsWith('ns/') ? nsLink(path.rest.slice(3)) : undefined;
    if (path === undefined || link === undefined) {
      this.once.warn(
        lineNo,
        `${pathText} is not a /proc/PID/ns link, so its namespace type is unknown; such lines are skipped`,
      );
      return;
    }
    if (this.plausible(inode, lineNo)) this.record(path, path.pid, link, inode, lineNo);
  }

  /** False (and one warning) for inodes far below the namespace range. */
  plausible(inode: number, line: number): boolean {
    if (inode >= MIN_NS_INODE) return true;
    this.once.warn(
      line,
      `inode ${inode} is not a namespace inode (the link's own, from stat without -L?); such lines are skipped`,
      'implausible inode',
    );
    return false;
  }

  /** `path` undefined means `/proc/<key>/…` with a numeric key (the fast path's lines). */
  private record(
    path: ProcPath | undefined,
    key: ProcPath['pid'],
    link: NsLink,
    inode: number,
    line: number,
  ): void {
    if (key !== this.lastPid) {
      this.lastPid = key;
      if (typeof key === 'number' && this.ctx.via === undefined) {
        // What choosePid answers for a numeric /proc/PID outside any wrapper, without the two
        // objects it would make for each of 10,000 processes.
        this.plainChoice.pid = key;
        this.lastChoice = this.plainChoice;
      } else {
        this.lastChoice = choosePid(path ?? { pid: key, rest: '' }, this.ctx);
        if (this.lastChoice.problem)
          this.once.warn(line, `${this.lastChoice.problem}; namespaces kept without a process`);
      }
    }
    this.links.link(this.lastChoice.pid, link, inode, line);
  }
}

/** Scratch result of `readNamedFast`, reused to spare allocations on every line. */
const fast = { pid: 0, nameStart: 0, nameEnd: 0, inode: 0 };

/**
 * Reads the line `t[from, to)` as `/proc/<digits>/ns/<name> <digits>` into `fast` (offsets into
 * `t`); false for any other shape (which the general path then handles), including blanks around
 * it. `readNamedFast('/proc/7/ns/net 4026532179', 0, 25)` → true.
 */
function readNamedFast(t: string, from: number, to: number): boolean {
  // Characters are compared one by one: on short fixed parts that is cheaper than startsWith.
  if (!isProcAt(t, from)) return false;
  let i = from + 6;
  let pid = 0;
  for (let c = t.charCodeAt(i); c >= 48 && c <= 57; c = t.charCodeAt(++i)) pid = pid * 10 + c - 48;
  if (i === from + 6 || i > from + 16 || pid === 0) return false;
  // `/ns/`
  if (
    t.charCodeAt(i) !== 47 ||
    t.charCodeAt(i + 1) !== 110 ||
    t.charCodeAt(i + 2) !== 115 ||
    t.charCodeAt(i + 3) !== 47
  )
    return false;
  const nameStart = i + 4;
  let space = nameStart;
  while (space < to && t.charCodeAt(space) !== 32) space++;
  if (space >= to) return false;
  let j = space;
  while (t.charCodeAt(j) === 32) j++;
  let inode = 0;
  const digitsStart = j;
  for (let c = t.charCodeAt(j); c >= 48 && c <= 57 && j < to; c = t.charCodeAt(++j))
    inode = inode * 10 + c - 48;
  if (j !== to || j === digitsStart || j - digitsStart > 16) return false;
  fast.pid = pid;
  fast.nameStart = nameStart;
  fast.nameEnd = space;
  fast.inode = inode;
  return true;
}

/** `t` has `/proc/` at `at`. */
function isProcAt(t: string, at: number): boolean {
  return (
    t.charCodeAt(at) === 47 &&
    t.charCodeAt(at + 1) === 112 &&
    t.charCodeAt(at + 2) === 114 &&
    t.charCodeAt(at + 3) === 111 &&
    t.charCodeAt(at + 4) === 99 &&
    t.charCodeAt(at + 5) === 47
  );
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
    else if (
      parts.length === 2 &&
      (parts[0] ?? '').startsWith('/proc/') &&
      isDigits(parts[1] ?? '')
    )
      named++;
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

/** `stat -L -c '%n %i'` / `-c %i` of `/proc/PID/ns` links: `proc-ns-stat`. */
export const statFormat: FormatParser = {
  id: FORMAT,
  title: 'stat of /proc/PID/ns links',
  detect: (text) => detectStat(text),
  parse: parseStat,
  forCommand: statForCommand,
};
