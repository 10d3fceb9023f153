import { FragmentBuilder } from '../../fragment.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { basename, operands, programOf } from './argv.ts';
import { Complaints, OnceWarnings, finishParse } from './complaints.ts';
import { eachLine, headLines, isBlank, isDigits, stripAnsi, tokens } from './lines.ts';
import { nsLink, parseTarget, LinkRecorder, unquote } from './nslink.ts';
import { choosePid, parseProcPath, type PidChoice } from './procpath.ts';

const FORMAT = 'proc-ns-ls';
const EXPECTED = '`ls -l /proc/PID/ns` rows (mode … name -> type:[inode])';

/**
 * The file-type letter of an `ls -l` mode column, or `undefined` when the token is not a mode.
 * Accepts the SELinux `.`, ACL `+` and macOS `@` markers: `modeType('lrwxrwxrwx.')` → `'l'`.
 */
export function modeType(token: string): string | undefined {
  if (token.length !== 10 && token.length !== 11) return undefined;
  if (!'-bcdlpsD'.includes(token[0] ?? '')) return undefined;
  for (let i = 1; i < 10; i++) if (!'rwxsStTl-'.includes(token[i] ?? '')) return undefined;
  if (token.length === 11 && !'.+@'.includes(token[10] ?? '')) return undefined;
  return token[0];
}

/** The end of the blank-separated word starting at or after `from`: `[start, end]`. */
function wordAt(row: string, from: number): [number, number] {
  let i = from;
  while (i < row.length && isBlank(row.charCodeAt(i))) i++;
  let e = i;
  while (e < row.length && !isBlank(row.charCodeAt(e))) e++;
  return [i, e];
}

/**
 * Splits an `ls -l` row into mode, link name and where the target starts (-1 when no
 * `-> target` is shown). `splitLsRow('lrwx… net -> net:[1]')` → `{ mode: 'lrwx…', name: 'net', targetAt: … }`.
 */
export function splitLsRow(row: string): { mode: string; name: string; targetAt: number } | undefined {
  let [s, e] = wordAt(row, 0);
  let mode = row.slice(s, e);
  if (modeType(mode) === undefined) {
    // `ls -li` puts the inode of the link itself before the mode.
    if (!isDigits(mode)) return undefined;
    [s, e] = wordAt(row, e);
    mode = row.slice(s, e);
    if (modeType(mode) === undefined) return undefined;
  }
  const arrow = row.indexOf(' -> ', e);
  let end = arrow < 0 ? row.length : arrow;
  while (end > e && isBlank(row.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > e && !isBlank(row.charCodeAt(start - 1))) start--;
  if (start === end || start === e) return undefined;
  const name = unquote(row.slice(start, end));
  return { mode, name, targetAt: arrow < 0 ? -1 : arrow + 4 };
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
  const args = program?.name === 'ls' ? operands(program.args).filter((a) => a.startsWith('/')) : [];
  const defaultPath = args.length === 1 ? parseProcPath(args[0] ?? '') : undefined;
  let defaultChoice: PidChoice | undefined;
  let block: { choice: PidChoice; line: number } | undefined;
  let recognized = 0;

  eachLine(text, (raw, lineNo) => {
    const t = (raw.includes('\u001b') ? stripAnsi(raw) : raw).trim();
    if (t === '') return;
    const row = splitLsRow(t);
    if (row === undefined) {
      if (t.endsWith(':') && t.startsWith('/proc/')) {
        const path = parseProcPath(t.slice(0, -1));
        block = { choice: choosePid(path, ctx), line: lineNo };
        if (block.choice.problem) b.warn(lineNo, `${block.choice.problem}; namespaces kept without a process`);
        recognized++;
      } else if (t.startsWith('ls:') || t.startsWith('busybox:')) {
        b.warn(lineNo, `ls reported: ${t}`);
        recognized++;
      } else if (!isTotal(t)) complaints.error(lineNo, `expected ${EXPECTED}`, t);
      return;
    }
    recognized++;
    const kind = modeType(row.mode);
    if (kind === 'd') return; // `.` and `..` of `ls -la`
    if (kind !== 'l') {
      b.warn(lineNo, `"${row.name}" is not a symbolic link (was ls given -L?); skipped`);
      return;
    }
    // The PID: from a full-path name, else the block header, else the command line / context.
    let choice: PidChoice;
    let linkName = row.name;
    if (row.name.includes('/')) {
      const path = parseProcPath(row.name);
      choice = choosePid(path, ctx);
      linkName = basename(row.name);
      if (choice.problem) once.warn(lineNo, `${choice.problem}; namespaces kept without a process`);
    } else if (block !== undefined) {
      choice = block.choice;
    } else {
      choice = defaultChoice ??= choosePid(defaultPath, ctx);
      if (choice.problem) once.warn(lineNo, `${choice.problem}; namespaces kept without a process`);
    }
    const link = nsLink(linkName);
    if (link === undefined) {
      b.warn(lineNo, `"${linkName}" is not a namespace link of /proc/PID/ns; skipped`);
      return;
    }
    if (row.targetAt < 0) {
      if (!deniedExplained) b.warn(lineNo, `${linkName}: no link target shown (not readable?); skipped`);
      return;
    }
    const target = parseTarget(t, row.targetAt);
    if (target === undefined) {
      complaints.error(lineNo, `expected a target like ${link.type}:[inode] after ->`, t.slice(row.targetAt));
      return;
    }
    if (target.type !== link.type) {
      b.error(lineNo, `link ${linkName} points to a ${target.type} namespace; skipped`);
      return;
    }
    links.link(choice.pid, link, target.inode, lineNo);
  });
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
    if (row !== undefined && row.targetAt >= 0 && parseTarget(t, row.targetAt) !== undefined) links++;
    else if (row !== undefined && nsLink(basename(row.name)) !== undefined) bare++;
    else if (row === undefined || modeType(row.mode) !== 'd') other++;
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

export const lsFormat: FormatParser = {
  id: FORMAT,
  title: 'ls -l of /proc/PID/ns',
  detect: (text) => detectLs(text),
  parse: parseLs,
  forCommand: lsForCommand,
};
