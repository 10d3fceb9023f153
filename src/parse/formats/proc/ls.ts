import { FragmentBuilder } from '../../fragment.ts';
import { splitLines } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { basename, operands, programOf } from './argv.ts';
import { Complaints, OnceWarnings, finishParse } from './complaints.ts';
import { headLines, isBlank, isDigits, stripAnsi, tokens } from './lines.ts';
import { nsLink, parseTarget, recordLink, unquote } from './nslink.ts';
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

/** Splits an `ls -l` row into mode, link name and target (`undefined` when not shown). */
export function splitLsRow(
  row: string,
): { mode: string; name: string; target: string | undefined } | undefined {
  const first = tokens(row, 2);
  // `ls -li` puts the inode of the link itself before the mode.
  let mode = first[0] ?? '';
  if (modeType(mode) === undefined && isDigits(mode)) mode = first[1] ?? '';
  if (modeType(mode) === undefined) return undefined;
  const arrow = row.indexOf(' -> ');
  let end = arrow < 0 ? row.length : arrow;
  while (end > 0 && isBlank(row.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isBlank(row.charCodeAt(start - 1))) start--;
  if (start === 0) return undefined;
  const name = unquote(row.slice(start, end));
  return { mode, name, target: arrow < 0 ? undefined : row.slice(arrow + 4).trim() };
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

  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = stripAnsi(lines[i] ?? '').trim();
    if (t === '') continue;
    if (t.endsWith(':') && t.startsWith('/proc/')) {
      const path = parseProcPath(t.slice(0, -1));
      block = { choice: choosePid(path, ctx), line: lineNo };
      if (block.choice.problem)
        b.warn(lineNo, `${block.choice.problem}; namespaces kept without a process`);
      recognized++;
      continue;
    }
    if (t.startsWith('ls:') || t.startsWith('busybox:')) {
      b.warn(lineNo, `ls reported: ${t}`);
      recognized++;
      continue;
    }
    if (isTotal(t)) continue;
    const row = splitLsRow(t);
    if (row === undefined) {
      complaints.error(lineNo, `expected ${EXPECTED}`, t);
      continue;
    }
    recognized++;
    const kind = modeType(row.mode);
    if (kind === 'd') continue; // `.` and `..` of `ls -la`
    if (kind !== 'l') {
      b.warn(lineNo, `"${row.name}" is not a symbolic link (was ls given -L?); skipped`);
      continue;
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
      continue;
    }
    if (row.target === undefined) {
      if (!deniedExplained)
        b.warn(lineNo, `${linkName}: no link target shown (not readable?); skipped`);
      continue;
    }
    const target = parseTarget(row.target);
    if (target === undefined) {
      complaints.error(lineNo, `expected a target like ${link.type}:[inode] after ->`, row.target);
      continue;
    }
    if (target.type !== link.type) {
      b.error(lineNo, `link ${linkName} points to a ${target.type} namespace; skipped`);
      continue;
    }
    recordLink(b, choice.pid, link, target.inode, lineNo);
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
    if (row?.target !== undefined && parseTarget(row.target) !== undefined) links++;
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
