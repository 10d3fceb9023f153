import { FragmentBuilder } from '../../fragment.ts';
import { flatCopy } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { isGlob, operands, programOf } from './argv.ts';
import { Complaints, finishParse } from './complaints.ts';
import { headLines, isDigits, stripAnsi } from './lines.ts';
import { headBanner, splitGrepPrefix } from './prefixed.ts';
import { choosePid, parseProcPath, type PidChoice, type ProcPath } from './procpath.ts';

const FORMAT = 'proc-cgroup';
const EXPECTED = '`/proc/PID/cgroup` lines (hierarchy-ID:controllers:path)';

/** `hierarchy-ID:controller-list:path`. The path may itself contain `:` (systemd-driver ids). */
export function parseCgroupLine(
  line: string,
): { id: string; controllers: string; path: string } | undefined {
  const a = line.indexOf(':');
  const c = a < 0 ? -1 : line.indexOf(':', a + 1);
  if (c < 0) return undefined;
  const id = line.slice(0, a);
  const path = line.slice(c + 1);
  if (!isDigits(id) || !path.startsWith('/')) return undefined;
  return { id, controllers: line.slice(a + 1, c), path };
}

/** What one process's cgroup file said, reduced to the candidates for `ProcessRow.cgroup`. */
interface Seen {
  line: number;
  v2?: string | undefined;
  systemd?: string | undefined;
  firstV1?: string | undefined;
  anyPath?: string | undefined;
}

/** A file named by its lines (`grep -H`) or a `head` banner. */
interface NamedSeen extends Seen {
  path: ProcPath;
}

/** A file printed without its name: its hierarchy IDs tell where the next file starts. */
interface UnnamedSeen extends Seen {
  ids: Set<string>;
}

/**
 * The most useful single path of one process. Order and reasons:
 * 1. the v2 `0::` path when it is not `/`: on v2 and hybrid hosts runtimes put every container
 *    in the unified tree, so it names the pod slice and container scope;
 * 2. the v1 `name=systemd` path when not `/`: the systemd cgroup driver mirrors the same
 *    slices/scopes there on v1 hosts;
 * 3. the first other v1 path that is not `/`: with the cgroupfs driver every controller carries
 *    the same `/kubepods/<qos>/pod<uid>/<id>` path, so any non-root one will do;
 * 4. otherwise the process sits at the root everywhere: `/`.
 */
export function chooseCgroup(seen: Omit<Seen, 'line'>): string | undefined {
  if (seen.v2 !== undefined && seen.v2 !== '/') return seen.v2;
  if (seen.systemd !== undefined && seen.systemd !== '/') return seen.systemd;
  return seen.firstV1 ?? seen.anyPath;
}

/**
 * Parses `cat /proc/PID/cgroup` (v1, v2, hybrid), `grep -H '' /proc/[0-9]*\/cgroup` and
 * `head /proc/*\/cgroup`, storing one path per process in `ProcessRow.cgroup` (see
 * `chooseCgroup`). Relative `/../..` paths mean the reader sat in another cgroup namespace.
 *
 * `0::/kubepods.slice/x.scope` with argv `['cat', '/proc/7/cgroup']` → PID 7, cgroup
 * `/kubepods.slice/x.scope`.
 */
export function parseCgroup(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, FORMAT);
  const complaints = new Complaints(b);
  const program = programOf(ctx.argv);
  const files = program
    ? operands(program.args).filter((a) => a.endsWith('/cgroup') && !isGlob(a))
    : [];
  // Unnamed blocks (a plain `cat` of several files) are told apart by a repeated hierarchy ID.
  const unnamed: UnnamedSeen[] = [];
  // Keyed by the PID as read (a number, 'self', or undefined for an unreadable one).
  const named = new Map<ProcPath['pid'], NamedSeen>();
  let bannerPath: ProcPath | undefined;
  let relative: { line: number; path: string } | undefined;
  let recognized = 0;

  const namedSeen = (path: ProcPath, lineNo: number): NamedSeen => {
    let seen = named.get(path.pid);
    if (seen === undefined) {
      // Every field from the start: one object per process, no reshaping as paths come in.
      seen = {
        line: lineNo,
        path,
        v2: undefined,
        systemd: undefined,
        firstV1: undefined,
        anyPath: undefined,
      };
      named.set(path.pid, seen);
    }
    return seen;
  };
  const note = (seen: Seen, v2: boolean, systemd: boolean, path: string, lineNo: number): void => {
    recognized++;
    if (path.startsWith('/..')) relative ??= { line: lineNo, path };
    if (v2) seen.v2 = path;
    else if (systemd) seen.systemd = path;
    else if (seen.firstV1 === undefined && path !== '/') seen.firstV1 = path;
    seen.anyPath ??= path;
  };

  const ansi = text.includes('\u001b');
  // A transcript's block is read from a copy of its own; the paths kept are cut from the input
  // at the same offsets (see flatCopy).
  const scanned = ctx.sliced === true && !ansi ? flatCopy(text) : text;
  const n = text.length;
  let lineNo = 0;
  // Lines as `splitLines` cuts them, walked by offsets: the common `grep -H` line is read in
  // place (`readGrepLine`), every other line goes through the general path below.
  for (let start = text.charCodeAt(0) === 0xfeff ? 1 : 0; start < n;) {
    let end = scanned.indexOf('\n', start);
    if (end < 0) end = n;
    const stop = end > start && scanned.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const lineFrom = start;
    start = end + 1;
    lineNo++;
    if (!ansi && readGrepLine(scanned, lineFrom, stop)) {
      const pid = grep.pid;
      const seen = named.get(pid) ?? namedSeen({ pid, rest: 'cgroup' }, lineNo);
      note(seen, grep.v2, grep.systemd, text.slice(grep.pathStart, stop), lineNo);
      continue;
    }
    const t = stripAnsi(text.slice(lineFrom, stop)).trim();
    if (t === '') continue;
    const banner = headBanner(t);
    if (banner !== undefined) {
      bannerPath = banner;
      recognized++;
      continue;
    }
    if (t.startsWith('grep:') || t.startsWith('cat:') || t.startsWith('head:')) {
      b.warn(lineNo, `the command reported: ${t}`);
      recognized++;
      continue;
    }
    const prefixed = splitGrepPrefix(t, 'cgroup');
    const entry = parseCgroupLine(prefixed ? prefixed.body : t);
    if (entry === undefined) {
      complaints.error(lineNo, `expected ${EXPECTED}`, t);
      continue;
    }
    let seen: Seen;
    const path = prefixed?.path ?? bannerPath;
    if (path !== undefined) seen = namedSeen(path, lineNo);
    else {
      let last = unnamed[unnamed.length - 1];
      if (last === undefined || last.ids.has(entry.id)) {
        last = { line: lineNo, ids: new Set() };
        unnamed.push(last);
      }
      last.ids.add(entry.id);
      seen = last;
    }
    const v2 = entry.id === '0' && entry.controllers === '';
    note(seen, v2, entry.controllers === 'name=systemd', entry.path, lineNo);
  }

  if (relative !== undefined) {
    b.warn(
      relative.line,
      `cgroup path ${relative.path} is relative: it was read from a non-root cgroup namespace, so full paths are unknown`,
    );
  }
  for (const seen of named.values()) store(b, choosePid(seen.path, ctx, false), seen);
  unnamed.forEach((seen, index) => {
    let path: ProcPath | undefined;
    if (files.length === unnamed.length) path = parseProcPath(files[index] ?? '');
    else if (unnamed.length > 1) {
      b.warn(
        seen.line,
        `${unnamed.length} cgroup files without names, but ${files.length} on the command line; this one is skipped`,
      );
      return;
    }
    store(b, choosePid(path, ctx, false), seen);
  });
  finishParse(b, complaints, recognized, text, EXPECTED);
  return b.result();
}

/** Scratch result of `readGrepLine`, reused to spare allocations on every line. */
const grep = { pid: 0, v2: false, systemd: false, pathStart: 0 };

/**
 * Reads the line `text[from, to)` as `/proc/<PID>/cgroup:<ID>:<controllers>:/<path>` (what
 * `grep -H '' /proc/[0-9]*\/cgroup` prints) into `grep`, without making strings. False for any
 * other shape, for blanks around the line (which the general path trims) and for a PID that
 * `parsePid` would not take; the general path then reads the line as before.
 */
function readGrepLine(text: string, from: number, to: number): boolean {
  if (to - from < 17 || !text.startsWith('/proc/', from)) return false;
  const last = text.charCodeAt(to - 1);
  if (last <= 32 || last >= 127) return false; // possibly blank: let trim() decide
  let i = from + 6;
  let pid = 0;
  for (let c = text.charCodeAt(i); c >= 48 && c <= 57 && i < to; c = text.charCodeAt(++i))
    pid = pid * 10 + c - 48;
  if (i === from + 6 || i - from - 6 > 10 || pid === 0 || !text.startsWith('/cgroup:', i))
    return false;
  const idStart = i + 8;
  let j = idStart;
  for (let c = text.charCodeAt(j); c >= 48 && c <= 57 && j < to; c = text.charCodeAt(++j));
  if (j === idStart || j >= to || text.charCodeAt(j) !== 58 /* : */) return false;
  const colon = text.indexOf(':', j + 1);
  if (colon < 0 || colon + 1 >= to || text.charCodeAt(colon + 1) !== 47 /* / */) return false;
  const controllers = colon - j - 1;
  grep.pid = pid;
  grep.v2 = controllers === 0 && j - idStart === 1 && text.charCodeAt(idStart) === 48; // `0::`
  grep.systemd = controllers === 12 && text.startsWith('name=systemd', j + 1);
  grep.pathStart = colon + 1;
  return true;
}

function store(b: FragmentBuilder, choice: PidChoice, seen: Seen): void {
  const path = chooseCgroup(seen);
  if (choice.pid === undefined) {
    b.warn(seen.line, `${choice.problem ?? 'the PID is unknown'}; its cgroup is not recorded`);
    return;
  }
  if (path !== undefined) b.process(choice.pid).cgroup = path;
}

/** Head lines look like `N:controllers:/path`, optionally after a `/proc/N/cgroup:` prefix. */
export function detectCgroup(text: string): number {
  const lines = headLines(text, 12);
  let hits = 0;
  for (const l of lines) {
    const t = l.trim();
    const prefixed = splitGrepPrefix(t, 'cgroup');
    if (parseCgroupLine(prefixed ? prefixed.body : t) !== undefined || headBanner(t) !== undefined)
      hits++;
  }
  if (hits === 0) return 0;
  return hits === lines.length ? 0.9 : hits * 2 > lines.length ? 0.5 : 0.1;
}

/** `['cat', '/proc/1/cgroup']` → 0.95; `['grep', '-H', '', '/proc/[0-9]*\/cgroup']` → 0.95. */
export function cgroupForCommand(argv: readonly string[]): number {
  const program = programOf(argv);
  if (
    program === undefined ||
    !['cat', 'grep', 'head', 'tail', 'more', 'less'].includes(program.name)
  )
    return 0;
  return program.args.some((a) => a.startsWith('/proc/') && a.endsWith('/cgroup')) ? 0.95 : 0;
}

/** `/proc/PID/cgroup`, single or `grep -H` over many: `proc-cgroup`. */
export const cgroupFormat: FormatParser = {
  id: FORMAT,
  title: '/proc/PID/cgroup',
  detect: (text) => detectCgroup(text),
  parse: parseCgroup,
  forCommand: cgroupForCommand,
};
