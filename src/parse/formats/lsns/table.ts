import type { FragmentBuilder } from '../../fragment.ts';
import { excerpt } from '../../text.ts';
import { expectedColumns, type LsnsArgs } from './argv.ts';
import { DEFAULT_LIST, DEFAULT_NET, DEFAULT_PROCS, type ColumnName } from './columns.ts';
import { matchTokens } from './grammar.ts';
import {
  IssueBudget,
  isToolMessage,
  isToolMessageAt,
  reportToolMessage,
  type Reporter,
} from './issues.ts';
import { firstLines, forEachLine } from './lines.ts';
import { continuation, cutLine, guessDelta, readHeader, type HeaderColumn } from './positional.ts';
import type { Recorder } from './record.ts';
import { schemaOf, toRow, type Cells, type LsnsRow } from './row.ts';
import type { VersionRange } from './version.ts';

/** How many lines at the top may precede the header (prompts, a pasted command line). */
const HEADER_SEARCH = 10;

interface Layout {
  columns: readonly ColumnName[];
  header?: HeaderColumn[];
  /** Line number (1-based) of the first line after the header. */
  first: number;
}

function isBlankLine(line: string): boolean {
  return isBlankAt(line, 0, line.length);
}

/** `line[from, to)` is all spaces and tabs. */
function isBlankAt(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function leading(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** Where the NS column is a `-T` tree: NS starts the header and a data row starts under it. */
function nsIsTree(header: string, after: readonly string[], args: LsnsArgs): boolean {
  if (args.tree === 'owner' || args.tree === 'parent') return true;
  // a tree widens NS by its art: the header word is followed by many blanks
  if (!/^\s*NS {3,}/.test(header)) return false;
  const at = header.indexOf('NS');
  return after
    .filter((l) => !isBlankLine(l))
    .slice(0, 5)
    .some((l) => leading(l) === at);
}

/** Picks the columns of a headerless table from its first rows (`-n` without a command line). */
function guessColumns(head: readonly string[]): readonly ColumnName[] {
  // NSFS continuation lines (a lone path) are not rows
  const sample = head
    .filter((l) => !isBlankLine(l) && !isToolMessage(l) && bareNsfs(l) === undefined)
    .slice(0, 8);
  const fitsAll = (cols: readonly ColumnName[]) =>
    sample.every((l) => matchTokens(l, cols) !== undefined);
  const net = sample.map((l) => matchTokens(l, DEFAULT_NET)?.cells);
  const [netnsid, nsfs] = [DEFAULT_NET.indexOf('NETNSID'), DEFAULT_NET.indexOf('NSFS')];
  if (net.every((c) => c) && net.some((c) => c![netnsid] || c![nsfs])) return DEFAULT_NET;
  if (fitsAll(DEFAULT_LIST)) return DEFAULT_LIST;
  if (fitsAll(DEFAULT_PROCS)) return DEFAULT_PROCS;
  return DEFAULT_LIST;
}

function findLayout(head: readonly string[], args: LsnsArgs, b: FragmentBuilder): Layout {
  let seen = 0;
  for (let i = 0; i < head.length && seen < HEADER_SEARCH; i++) {
    const l = head[i]!;
    if (isBlankLine(l) || isToolMessage(l)) continue;
    seen++;
    if (!readHeader(l, false)) continue;
    const header = readHeader(l, nsIsTree(l, head.slice(i + 1), args))!;
    return { columns: header.map((c) => c.name), header, first: i + 2 };
  }
  const fromArgs = args.noHeadings ? expectedColumns(args) : undefined;
  const columns = fromArgs ?? guessColumns(head);
  let first = 1;
  if (!args.noHeadings) {
    const at = head.findIndex((l) => !isBlankLine(l) && !isToolMessage(l));
    if (at >= 0 && !matchTokens(head[at]!, columns)) {
      b.error(
        at + 1,
        `expected an lsns header (column names such as ${DEFAULT_LIST.join(' ')}), found "${excerpt(head[at]!, 60)}"`,
      );
      // reported once as a header; the rows start below it
      first = at + 2;
    } else if (at >= 0) {
      b.warn(at + 1, `no header line; read the rows as the columns ${columns.join(' ')}`);
    }
  }
  return { columns, first };
}

/** The left edge of a headerless table and where its COMMAND column starts. */
interface Margins {
  left: number;
  command: number;
}

/**
 * Headerless tables lose what a header tells: where the table's left edge is (blanks before
 * a `-T` tree's art are levels, not padding) and where COMMAND starts (blanks before a
 * process tree's art are levels too). COMMAND is left-aligned, so its column starts where
 * the leftmost COMMAND starts. One cheap pass over the lines.
 */
function margins(text: string, layout: Layout): Margins {
  let left = Infinity;
  let command = Infinity;
  const art = text.includes('─') || text.includes('|-') || text.includes('`-');
  forEachLine(text, (line, no) => {
    if (no < layout.first || isBlankLine(line) || isToolMessage(line)) return;
    left = Math.min(left, leading(line));
    if (art && layout.columns.includes('COMMAND')) {
      const m = matchTokens(line, layout.columns);
      if (m && m.commandAt >= 0) command = Math.min(command, m.commandAt);
    }
  });
  return { left: left === Infinity ? 0 : left, command };
}

/** Reads one data line: by header positions, then shifted, then by tokens. */
function readLine(
  line: string,
  layout: Layout,
  m: Margins | undefined,
  reuse: Cells,
): Cells | undefined {
  const { header, columns } = layout;
  if (header) {
    if (cutLine(line, header, 0, reuse)) return reuse;
    const delta = guessDelta(line, header);
    if (delta !== 0 && cutLine(line, header, delta, reuse)) return reuse;
    return matchTokens(line, columns)?.cells;
  }
  const match = matchTokens(line, columns, m?.left ?? -1);
  if (!match) return undefined;
  const cmd = columns.indexOf('COMMAND');
  if (m && cmd >= 0 && match.commandAt > m.command) {
    const indent = line.slice(m.command, match.commandAt);
    if (/^[ │|]+$/.test(indent)) match.cells[cmd] = indent + String(match.cells[cmd] ?? '');
  }
  return match.cells;
}

/** A headerless NSFS continuation: one `/run/...` path alone on its line. */
function bareNsfs(line: string): string | undefined {
  const t = line.trim();
  return t.startsWith('/') && !/\s/.test(t) && /^(\/var)?\/run\/|ns\//.test(t) ? t : undefined;
}

function isProcs(columns: readonly ColumnName[], args: LsnsArgs): boolean {
  if (args.inode !== undefined) return true;
  return !columns.includes('NS') && !columns.includes('TYPE') && columns.includes('PID');
}

/** The issue for a line no strategy could read: say what column 1 should have held. */
function describeFailure(
  line: string,
  layout: Layout,
  no: number,
  r: Reporter,
  where: (n: ColumnName) => string,
): void {
  const first = layout.columns[0];
  const token = line.trim().split(/\s+/, 1)[0] ?? '';
  if (first === 'NS' || first === 'PID') {
    const what = first === 'NS' ? 'an NS inode number' : 'a PID';
    if (!/^\d+$/.test(token.replace(/^[│├└─|`\- ]+/, ''))) {
      r.error(no, `expected ${what} in ${where(first)}, found "${excerpt(token, 40)}"`);
      return;
    }
  }
  r.error(no, `expected a row of ${layout.columns.join(' ')}, found "${excerpt(line, 60)}"`);
}

/**
 * Reads lsns table output (default, `-l`, `-n`, `-o`, `--output-all`, `-T`, `lsns <inode>`,
 * terminal captures) and hands each row to `sink`.
 * `        NS TYPE NPROCS PID USER COMMAND\n4026531836 pid 85 1 root init` → one row
 * `{ ns: 4026531836, type: 'pid', nprocs: 85, pid: 1, user: 'root', command: 'init' }`.
 */
export function readTable(
  text: string,
  args: LsnsArgs,
  b: FragmentBuilder,
  version: VersionRange,
  sink: Recorder,
): void {
  const head = firstLines(text, HEADER_SEARCH + 40);
  const layout = findLayout(head, args, b);
  if (layout.header) version.columns(layout.columns);
  sink.begin(isProcs(layout.columns, args) ? 'procs' : 'list');
  const m = layout.header ? undefined : margins(text, layout);
  const r = new IssueBudget(b);
  const where = (name: ColumnName) => `column ${layout.columns.indexOf(name) + 1} (${name})`;
  const hasNsfs = layout.columns.includes('NSFS');
  const at = schemaOf(layout.columns);
  // one array for every line's cells: toRow copies out what it keeps
  const reuse: Cells = new Array<unknown>(layout.columns.length);
  // a row waits for its NSFS continuation lines before it is recorded
  let pending: LsnsRow | undefined;
  // Lines as `forEachLine` gives them, walked by offsets: the common line (cells where the
  // header puts them, nothing pending) is read in place; the others are cut out and go the
  // general way.
  const n = text.length;
  let no = 0;
  for (let next = text.charCodeAt(0) === 0xfeff ? 1 : 0; next < n;) {
    let nl = text.indexOf('\n', next);
    if (nl < 0) nl = n;
    const s = next;
    const e = nl > s && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    next = nl + 1;
    no++;
    if (no < layout.first || isBlankAt(text, s, e)) continue;
    let cells: Cells | undefined;
    if (layout.header && !(hasNsfs && pending) && !isToolMessageAt(text, s, e))
      cells = cutLine(text, layout.header, 0, reuse, s, e);
    if (!cells) {
      const line = text.slice(s, e);
      if (isToolMessage(line)) {
        reportToolMessage(r, no, line);
        continue;
      }
      if (hasNsfs && pending) {
        const more = layout.header ? continuation(line, layout.header) : bareNsfs(line);
        if (more !== undefined) {
          (pending.nsfs ??= []).push(more);
          continue;
        }
      }
      cells = readLine(line, layout, m, reuse);
      if (!cells) {
        describeFailure(line, layout, no, r, where);
        continue;
      }
    }
    const row = toRow(cells, at, no, r, where);
    if (!row) continue;
    if (pending) sink.add(pending);
    pending = row;
  }
  if (pending) sink.add(pending);
  r.finish();
}
