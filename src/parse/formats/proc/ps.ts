import { FragmentBuilder } from '../../fragment.ts';
import { flatCopy, trimmedEnd } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { programOf } from './argv.ts';
import { Complaints, finishParse } from './complaints.ts';
import { headLines, isBlank, stripAnsi, tokens } from './lines.ts';
import { LinkRecorder } from './nslink.ts';
import { insideWrapper } from './procpath.ts';
import {
  columnsFromHeader,
  defaultHeader,
  outputSpec,
  restColumn,
  type Column,
} from './ps-columns.ts';
import { cutRowAt, stripBusyboxComm, stripForest, uintAt } from './ps-row.ts';

const FORMAT = 'ps';
const EXPECTED = '`ps` output (a header naming PID, then one row per process)';
/** Headers that procps prints and busybox's default `ps` does not. */
const PROCPS_ONLY = new Set(['PPID', 'TTY', 'TT', '%CPU', 'C', 'STIME', 'START', 'STAT']);

/**
 * Parses `ps -ef`, `ps aux`, `ps -eo …` (any of pid ppid uid user comm args and the namespace
 * columns pidns netns ipcns utsns mntns userns cgroupns, `-` when unreadable), the forest forms
 * and busybox `ps`. Columns come from `-o` on the command line when present (the header says
 * `COMMAND` for both comm and args), else from the header.
 *
 * `  PID NETNS COMMAND\n 7 4026532179 sleep 1` → PID 7 in net 4026532179, command `sleep 1`.
 */
export function parsePs(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, FORMAT);
  const links = new LinkRecorder(b);
  const complaints = new Complaints(b);
  const program = programOf(ctx.argv);
  const spec = program?.name === 'ps' ? outputSpec(program.args) : undefined;
  if (program?.multicall) b.tool = 'busybox ps';
  const ansi = text.includes('\u001b');

  let columns: Column[] | undefined = spec && !spec.header ? spec.columns : undefined;
  if (columns !== undefined && !columns.some((c) => c.kind === 'pid')) {
    b.error(1, 'expected pid in the -o list: without it no row can be recorded');
    return b.result();
  }
  let header: string | undefined;
  let busybox = program?.multicall === true;
  let rest = columns ? restColumn(columns) : -1;
  let pidAt = columns ? pidColumn(columns) : -1;
  let recognized = 0;
  let rows = 0;
  let firstRow: number | undefined;
  // Cell offsets of the current row, reused for every row.
  let at = new Int32Array(0);
  // PIDs printed inside a wrapper belong to whatever /proc it mounted: see `insideWrapper`.
  const wrapped = ctx.via;

  // A transcript's block is read from a copy of its own, and what is kept (commands, names,
  // messages) is cut from the input at the same offsets (see flatCopy).
  const scanned = ctx.sliced === true && !ansi ? flatCopy(text) : text;
  // Lines as `splitLines` cuts them, walked by offsets and read in place: a row is the text
  // `line[s, e)` with its trailing blanks left out (`trimEnd`), where `line` is the whole text,
  // or the row itself when colour escapes had to be stripped from it; `kept` has the same
  // characters, for the strings a row keeps.
  const n = text.length;
  let lineNo = 0;
  for (let next = text.charCodeAt(0) === 0xfeff ? 1 : 0; next < n;) {
    let nl = scanned.indexOf('\n', next);
    if (nl < 0) nl = n;
    const stop = nl > next && scanned.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const lineStart = next;
    next = nl + 1;
    lineNo++;
    let line = scanned;
    let kept = text;
    let s = lineStart;
    let e = trimmedEnd(scanned, lineStart, stop);
    if (ansi) {
      line = kept = stripAnsi(text.slice(lineStart, stop)).trimEnd();
      s = 0;
      e = line.length;
    }
    // After trimEnd a non-empty row ends in a non-blank: there is no all-blank row to skip.
    if (e === s) continue;
    if (isStderrAt(line, s, e)) {
      b.warn(lineNo, `ps reported: ${kept.slice(s, e).trim()}`);
      recognized++;
      continue;
    }
    const again = header !== undefined && e - s === header.length && line.startsWith(header, s);
    if (columns === undefined || again) {
      if (again) continue; // repeated header (watch, several runs)
      const t = kept.slice(s, e);
      const names = tokens(t);
      // With -o on the command line the header may be renamed (`pid=ID`): any first line will do.
      if (spec === undefined && !names.some((name) => name.toUpperCase() === 'PID')) {
        if (program?.name === 'ps' && !program.multicall && header === undefined) {
          // No header (`ps -ef | grep x` filtered it out): procps's fixed layout for these
          // options, and this line is the first row.
          columns = columnsFromHeader(defaultHeader(program.args));
          rest = restColumn(columns);
          pidAt = pidColumn(columns);
          header = '';
        } else {
          complaints.error(lineNo, 'expected a ps header line naming a PID column', t);
          continue;
        }
      } else {
        header = t;
        columns = spec?.columns ?? columnsFromHeader(t);
        if (!columns.some((c) => c.kind === 'pid')) {
          b.error(lineNo, 'expected a PID column: without it no row can be recorded');
          break;
        }
        if (spec !== undefined && spec.columns.length !== names.length) {
          b.warn(
            lineNo,
            `the header has ${names.length} names but -o lists ${spec.columns.length} columns; using -o`,
          );
        }
        busybox ||= !names.some((name) => PROCPS_ONLY.has(name.toUpperCase()));
        rest = restColumn(columns);
        pidAt = pidColumn(columns);
        recognized++;
        continue;
      }
    }
    if (at.length < columns.length * 2) at = new Int32Array(columns.length * 2);
    if (!cutRowAt(line, s, e, columns, rest, at)) {
      complaints.error(
        lineNo,
        `expected ${columns.length} columns as in the header`,
        kept.slice(s, e),
      );
      continue;
    }
    recognized++;
    firstRow ??= lineNo;
    if (wrapped !== undefined) {
      rows++;
      continue;
    }
    readRow(b, links, complaints, columns, pidAt, line, kept, at, lineNo, busybox);
    rows++;
  }
  if (wrapped !== undefined && rows > 0) {
    b.warn(
      firstRow,
      `the ${rows} processes were ${insideWrapper(wrapped)}: not recorded as node processes`,
    );
  }
  finishParse(b, complaints, recognized, text, EXPECTED);
  return b.result();
}

/**
 * Records one row, whose cells are `t.slice(at[2c], at[2c + 1])`; the strings it keeps are cut
 * from `kept`, which has the same characters.
 */
function readRow(
  b: FragmentBuilder,
  links: LinkRecorder,
  complaints: Complaints,
  columns: readonly Column[],
  pidAt: number,
  t: string,
  kept: string,
  at: Int32Array,
  line: number,
  busybox: boolean,
): void {
  const pid = uintAt(t, at[2 * pidAt]!, at[2 * pidAt + 1]!);
  if (pid <= 0) {
    complaints.error(
      line,
      'expected a PID number in the PID column',
      kept.slice(at[2 * pidAt], at[2 * pidAt + 1]),
    );
    return;
  }
  const row = b.process(pid);
  let command: string | undefined;
  let commandKind = '';
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c]!;
    const s = at[2 * c]!;
    const e = at[2 * c + 1]!;
    switch (column.kind) {
      case 'ppid': {
        const ppid = uintAt(t, s, e);
        if (ppid < 0)
          complaints.error(line, 'expected a number in the PPID column', kept.slice(s, e));
        else row.ppid = ppid;
        break;
      }
      case 'user': {
        // All-digit names are uids printed for lack of a passwd entry (`65535`); a trailing
        // `+` marks a name procps truncated, which is not the name.
        const uid = uintAt(t, s, e);
        if (uid >= 0) row.uid = uid;
        else if (e > s && t.charCodeAt(e - 1) !== 43 /* + */ && kept.slice(s, e) !== '-')
          row.user = kept.slice(s, e);
        break;
      }
      case 'uid': {
        const uid = uintAt(t, s, e);
        if (uid >= 0) row.uid = uid;
        break;
      }
      case 'ns': {
        if (e - s === 1 && t.charCodeAt(s) === 45 /* - */) break; // unreadable for ps's user
        const inode = uintAt(t, s, e);
        if (inode <= 0) {
          complaints.error(
            line,
            `expected an inode or - in the ${column.ns}ns column`,
            kept.slice(s, e),
          );
        } else links.memberOf(row, column.ns!, inode, line);
        break;
      }
      case 'comm':
      case 'args':
        // args wins over comm: it is the full command line.
        if (commandKind !== 'args') {
          command = kept.slice(s, e);
          commandKind = column.kind;
        }
        break;
      default:
        break;
    }
  }
  if (command !== undefined) {
    command = stripForest(command);
    if (busybox) command = stripBusyboxComm(command);
    if (command !== '') row.command = command;
  }
}

/** The index of the pid column (every column list that gets here has one). */
function pidColumn(columns: readonly Column[]): number {
  return columns.findIndex((c) => c.kind === 'pid');
}

/**
 * `ps: …`, `error: …`, `warning: …`, `signal: …` in `t[s, e)`: messages, not rows (rows never
 * start so).
 */
function isStderrAt(t: string, s: number, e: number): boolean {
  let i = s;
  while (i < e && isBlank(t.charCodeAt(i))) i++;
  const c = t.charCodeAt(i) | 0x20;
  if (c !== 112 && c !== 101 && c !== 119 && c !== 115) return false; // p e w s
  const colon = t.indexOf(':', i);
  if (colon < 0 || colon >= e || colon - i > 7) return false;
  const word = t.slice(i, colon).toLowerCase();
  return word === 'ps' || word === 'error' || word === 'warning' || word === 'signal';
}

/** Head-only: a header with PID and another known column, and a row that starts with a number. */
export function detectPs(text: string): number {
  const lines = headLines(text, 4);
  const first = lines[0];
  if (first === undefined) return 0;
  const names = tokens(first).map((n) => n.toUpperCase());
  if (!names.includes('PID')) return 0;
  const known = columnsFromHeader(first).filter(
    (c) => c.kind !== 'other' && c.kind !== 'pid',
  ).length;
  const second = lines[1];
  const rowLooksRight =
    second !== undefined && tokens(second, names.length).length >= Math.min(2, names.length);
  if (known === 0) return 0.3;
  return rowLooksRight || second === undefined ? 0.9 : 0.5;
}

/** `['ps', '-ef']` → 0.95; `['busybox', 'ps']` → 0.95. */
export function psForCommand(argv: readonly string[]): number {
  return programOf(argv)?.name === 'ps' ? 0.95 : 0;
}

/** `ps -ef`, `ps aux`, `ps -eo …`, forests, busybox `ps`: `ps`. */
export const psFormat: FormatParser = {
  id: FORMAT,
  title: 'ps output',
  detect: (text) => detectPs(text),
  parse: parsePs,
  forCommand: psForCommand,
};
