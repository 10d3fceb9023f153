import { FragmentBuilder } from '../../fragment.ts';
import { flatCopy, trimmedEnd, trimmedStart } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { basename, operands, programOf } from './argv.ts';
import { Complaints, OnceWarnings, finishParse } from './complaints.ts';
import { headLines, isDigits, stripAnsi, tokens } from './lines.ts';
import { LinkRecorder, lastTarget, linkAt, nsLink, parseTarget, readTarget } from './nslink.ts';
import { choosePid, parseProcPath, type PidChoice } from './procpath.ts';

/**
 * Space or tab. Kept local rather than imported: it runs once per character, and module
 * systems that reach imports through getters (test runners, some bundlers) slow such calls.
 */
function blank(c: number): boolean {
  return c === 32 || c === 9;
}

const FORMAT = 'proc-ns-ls';
const EXPECTED = '`ls -l /proc/PID/ns` rows (mode … name -> type:[inode])';

/** Character classes of an `ls -l` mode: 1 file type, 2 permission, 4 trailing marker. */
const MODE_CHARS = new Uint8Array(128);
for (const c of '-bcdlpsD') MODE_CHARS[c.charCodeAt(0)]! |= 1;
for (const c of 'rwxsStTl-') MODE_CHARS[c.charCodeAt(0)]! |= 2;
for (const c of '.+@') MODE_CHARS[c.charCodeAt(0)]! |= 4;

/** The file-type character code of the mode in `row[s, e)`, or 0 when it is not a mode. */
function modeTypeAt(row: string, s: number, e: number): number {
  const len = e - s;
  if (len !== 10 && len !== 11) return 0;
  const type = row.charCodeAt(s);
  if (type > 127 || !(MODE_CHARS[type]! & 1)) return 0;
  for (let i = s + 1; i < s + 10; i++) {
    const c = row.charCodeAt(i);
    if (c > 127 || !(MODE_CHARS[c]! & 2)) return 0;
  }
  if (len === 11) {
    const m = row.charCodeAt(s + 10);
    if (m > 127 || !(MODE_CHARS[m]! & 4)) return 0;
  }
  return type;
}

/**
 * The file-type letter of an `ls -l` mode column, or `undefined` when the token is not a mode.
 * Accepts the SELinux `.`, ACL `+` and macOS `@` markers: `modeType('lrwxrwxrwx.')` → `'l'`.
 */
export function modeType(token: string): string | undefined {
  const type = modeTypeAt(token, 0, token.length);
  return type === 0 ? undefined : String.fromCharCode(type);
}

/**
 * Where the blank-separated word of `row[from, to)` at or after `from` ends; its start goes to
 * `wordStart`.
 */
let wordStart = 0;
function wordEnd(row: string, from: number, to: number): number {
  let i = from;
  while (i < to && blank(row.charCodeAt(i))) i++;
  wordStart = i;
  while (i < to && !blank(row.charCodeAt(i))) i++;
  return i;
}

/** `row[s, e)` is a non-empty run of decimal digits. */
function isDigitsAt(row: string, s: number, e: number): boolean {
  if (e <= s) return false;
  for (let i = s; i < e; i++) {
    const d = row.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** One `ls -l` row: the file type (`l`, `d`, …), the name, and where the target starts (-1: none). */
export interface LsRow {
  type: string;
  name: string;
  targetAt: number;
}

/** Scratch result of `scanLsRow`, reused to spare allocations on every line. */
const scan = { type: 0, nameStart: 0, nameEnd: 0, targetAt: -1 };

/**
 * Fills `scan` from the `ls -l` row `row[from, to)` (offsets into `row`); false when the row
 * does not start with a mode.
 */
function scanLsRow(row: string, from = 0, to = row.length): boolean {
  let e = wordEnd(row, from, to);
  let type = modeTypeAt(row, wordStart, e);
  if (type === 0) {
    // `ls -li` puts the inode of the link itself before the mode.
    if (!isDigitsAt(row, wordStart, e)) return false;
    e = wordEnd(row, e, to);
    type = modeTypeAt(row, wordStart, e);
    if (type === 0) return false;
  }
  let arrow = row.indexOf(' -> ', e);
  if (arrow + 4 > to) arrow = -1; // found in a later line, or not at all
  let end = arrow < 0 ? to : arrow;
  while (end > e && blank(row.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > e && !blank(row.charCodeAt(start - 1))) start--;
  if (start === end || start === e) return false;
  // Terminal quoting (`'name'`), never needed by link names but harmless to drop.
  const q = row.charCodeAt(start);
  if ((q === 39 || q === 34) && end - start >= 2 && row.charCodeAt(end - 1) === q) {
    start++;
    end--;
  }
  scan.type = type;
  scan.nameStart = start;
  scan.nameEnd = end;
  scan.targetAt = arrow < 0 ? -1 : arrow + 4;
  return true;
}

/**
 * Splits an `ls -l` row. `splitLsRow('lrwxrwxrwx 1 root root 0 Nov 28 06:25 net -> net:[1]')`
 * → `{ type: 'l', name: 'net', targetAt: 45 }`.
 */
export function splitLsRow(row: string): LsRow | undefined {
  if (!scanLsRow(row)) return undefined;
  return {
    type: String.fromCharCode(scan.type),
    name: row.slice(scan.nameStart, scan.nameEnd),
    targetAt: scan.targetAt,
  };
}

/** A `total 0` line, also localized (`insgesamt 0`, `합계 0`). */
function isTotal(t: string): boolean {
  const parts = tokens(t, 3);
  return parts.length === 2 && isDigits(parts[1] ?? '') && !(parts[0] ?? '').includes('/');
}

/**
 * Parses `ls -l /proc/PID/ns` in every shape seen in pastes: piped or terminal (quoted targets),
 * SELinux dots, `ls -la`, localized dates, `ls -l /proc/PID/ns/net` (full-path names), permission
 * errors, busybox, and the multi-process `ls -l /proc/[0-9]*\/ns` with `/proc/123/ns:` headers.
 *
 * `lrwxrwxrwx 1 root root 0 Nov 28 06:25 net -> net:[4026532179]` with argv
 * `['ls', '-l', '/proc/2814/ns']` → PID 2814 is in net namespace 4026532179.
 */
export function parseLs(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, FORMAT);
  const links = new LinkRecorder(b);
  const program = programOf(ctx.argv);
  if (program?.multicall) b.tool = 'busybox ls';
  const complaints = new Complaints(b);
  const once = new OnceWarnings(b);
  // When stderr says which links were unreadable, the bare rows need no warning of their own.
  const deniedExplained = text.includes('cannot read symbolic link');
  const args =
    program?.name === 'ls' ? operands(program.args).filter((a) => a.startsWith('/')) : [];
  const defaultPath = args.length === 1 ? parseProcPath(args[0] ?? '') : undefined;
  let defaultChoice: PidChoice | undefined;
  let block: { choice: PidChoice; line: number } | undefined;
  let recognized = 0;

  // Colour escapes are rare: look for them once rather than on every line.
  const ansi = text.includes('\u001b');
  // Only numbers are kept from the text: a transcript's block is read from a copy of its own
  // (`scanned`), and strings for messages are cut from the input (see flatCopy).
  const scanned = ctx.sliced === true && !ansi ? flatCopy(text) : text;
  // Lines as `eachLine` gives them, walked by offsets and read in place: a row is `t[s, e)`,
  // trimmed, where `t` is the whole text (or the row itself when colour escapes had to go), and
  // `shown` has the same characters, for messages.
  const n = text.length;
  let lineNo = 0;
  for (let next = text.charCodeAt(0) === 0xfeff ? 1 : 0; next < n;) {
    let nl = scanned.indexOf('\n', next);
    if (nl < 0) nl = n;
    const lineStart = next;
    const stop = nl > lineStart && scanned.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    next = nl + 1;
    lineNo++;
    let t = scanned;
    let shown = text;
    let s = trimmedStart(scanned, lineStart, stop);
    let e = trimmedEnd(scanned, s, stop);
    if (ansi) {
      t = shown = stripAnsi(text.slice(lineStart, stop)).trim();
      s = 0;
      e = t.length;
    }
    if (e === s) continue;
    if (!scanLsRow(t, s, e)) {
      const line = shown.slice(s, e);
      if (line.endsWith(':') && line.startsWith('/proc/')) {
        const path = parseProcPath(line.slice(0, -1));
        block = { choice: choosePid(path, ctx), line: lineNo };
        if (block.choice.problem)
          b.warn(lineNo, `${block.choice.problem}; namespaces kept without a process`);
        recognized++;
      } else if (line.startsWith('ls:') || line.startsWith('busybox:')) {
        b.warn(lineNo, `ls reported: ${line}`);
        recognized++;
      } else if (!isTotal(line)) complaints.error(lineNo, `expected ${EXPECTED}`, line);
      continue;
    }
    recognized++;
    if (scan.type === 100 /* d */) continue; // `.` and `..` of `ls -la`
    const targetAt = scan.targetAt;
    let nameStart = scan.nameStart;
    const nameEnd = scan.nameEnd;
    if (scan.type !== 108 /* l */) {
      b.warn(
        lineNo,
        `"${shown.slice(nameStart, nameEnd)}" is not a symbolic link (was ls given -L?); skipped`,
      );
      continue;
    }
    // The PID: from a full-path name, else the block header, else the command line / context.
    let choice: PidChoice;
    if (t.charCodeAt(nameStart) === 47 /* / */) {
      const name = shown.slice(nameStart, nameEnd);
      choice = choosePid(parseProcPath(name), ctx);
      nameStart = nameStart + name.lastIndexOf('/') + 1;
      if (choice.problem) once.warn(lineNo, `${choice.problem}; namespaces kept without a process`);
    } else if (block !== undefined) {
      choice = block.choice;
    } else {
      choice = defaultChoice ??= choosePid(defaultPath, ctx);
      if (choice.problem) once.warn(lineNo, `${choice.problem}; namespaces kept without a process`);
    }
    const link = linkAt(t, nameStart, nameEnd);
    if (link === undefined) {
      b.warn(
        lineNo,
        `"${shown.slice(nameStart, nameEnd)}" is not a namespace link of /proc/PID/ns; skipped`,
      );
      continue;
    }
    if (targetAt < 0) {
      if (!deniedExplained)
        b.warn(
          lineNo,
          `${shown.slice(nameStart, nameEnd)}: no link target shown (not readable?); skipped`,
        );
      continue;
    }
    const target = readTarget(t, targetAt, e);
    if (target === undefined) {
      complaints.error(
        lineNo,
        `expected a target like ${link.type}:[inode] after ->`,
        shown.slice(targetAt, e),
      );
      continue;
    }
    if (target.type !== link.type) {
      b.error(
        lineNo,
        `link ${shown.slice(nameStart, nameEnd)} points to a ${target.type} namespace; skipped`,
      );
      continue;
    }
    links.link(choice.pid, link, lastTarget.inode, lineNo);
  }
  finishParse(b, complaints, recognized, text, EXPECTED);
  return b.result();
}

/** Head-only detection: link rows with `type:[inode]` targets, or `/proc/N/ns:` headers. */
export function detectLs(text: string): number {
  let links = 0;
  let bare = 0;
  let other = 0;
  for (const raw of headLines(text, 12)) {
    const t = stripAnsi(raw).trim();
    if (t.startsWith('/proc/') && t.endsWith('/ns:')) return 0.9;
    if (t.startsWith('ls: cannot read symbolic link') && t.includes('/ns/')) return 0.8;
    if (t.startsWith('ls: cannot open directory') && t.includes('/ns')) return 0.5;
    if (isTotal(t)) continue;
    const row = splitLsRow(t);
    if (row !== undefined && row.targetAt >= 0 && parseTarget(t, row.targetAt) !== undefined)
      links++;
    else if (row !== undefined && nsLink(basename(row.name)) !== undefined) bare++;
    else if (row === undefined || row.type !== 'd') other++;
  }
  if (links > 0) return links >= other ? 0.95 : 0.5;
  if (bare > 0 && other === 0) return 0.6;
  return 0;
}

/** `['ls', '-l', '/proc/1/ns']` → 0.95; `['ls', '-l', '/etc']` → 0.1. */
export function lsForCommand(argv: readonly string[]): number {
  const program = programOf(argv);
  if (program?.name !== 'ls') return 0;
  for (const arg of operands(program.args)) {
    const path = parseProcPath(arg);
    if (path !== undefined && (path.rest === 'ns' || path.rest.startsWith('ns/'))) return 0.95;
  }
  return 0.1;
}

/** `ls -l /proc/PID/ns` and its multi-process and busybox forms: `proc-ns-ls`. */
export const lsFormat: FormatParser = {
  id: FORMAT,
  title: 'ls -l of /proc/PID/ns',
  detect: (text) => detectLs(text),
  parse: parseLs,
  forCommand: lsForCommand,
};
