import type { FragmentBuilder } from '../../fragment.ts';
import { excerpt, splitLines } from '../../text.ts';
import { expectedColumns, type LsnsArgs } from './argv.ts';
import { DEFAULT_LIST, DEFAULT_NET, DEFAULT_PROCS, type ColumnName } from './columns.ts';
import { matchTokens } from './grammar.ts';
import { continuation, cutLine, guessDelta, readHeader, type HeaderColumn } from './positional.ts';
import { linkTree, toRow, type Cells, type LsnsDoc, type LsnsRow } from './row.ts';
import { IssueBudget, isToolMessage, reportToolMessage, type Reporter } from './issues.ts';
import type { VersionRange } from './version.ts';

/** How many lines at the top may precede the header (prompts, a pasted command line). */
const HEADER_SEARCH = 10;

interface Layout {
  columns: readonly ColumnName[];
  header?: HeaderColumn[];
  /** Index of the first line after the header. */
  first: number;
}

function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Where the NS column is a `-T` tree: NS starts the header and a data row starts under it. */
function nsIsTree(header: string, lines: readonly string[], from: number, args: LsnsArgs): boolean {
  if (args.tree === 'owner' || args.tree === 'parent') return true;
  const m = /^\s*NS\s/.exec(header);
  if (!m) return false;
  const at = header.indexOf('NS');
  for (let i = from, seen = 0; i < lines.length && seen < 5; i++) {
    const l = lines[i]!;
    if (isBlankLine(l)) continue;
    seen++;
    const lead = l.length - l.trimStart().length;
    if (lead === at) return true;
  }
  return false;
}

/** Picks the columns of a headerless table from its first rows (`-n` without a command line). */
function guessColumns(lines: readonly string[], from: number): readonly ColumnName[] {
  const sample: string[] = [];
  for (let i = from; i < lines.length && sample.length < 8; i++) {
    if (!isBlankLine(lines[i]!) && !isToolMessage(lines[i]!)) sample.push(lines[i]!);
  }
  const fitsAll = (cols: readonly ColumnName[]) =>
    sample.every((l) => matchTokens(l, cols) !== undefined);
  const net = sample.map((l) => matchTokens(l, DEFAULT_NET)?.cells);
  if (net.every((c) => c) && net.some((c) => c!.NETNSID || c!.NSFS)) return DEFAULT_NET;
  if (fitsAll(DEFAULT_LIST)) return DEFAULT_LIST;
  if (fitsAll(DEFAULT_PROCS)) return DEFAULT_PROCS;
  return DEFAULT_LIST;
}

function findLayout(lines: readonly string[], args: LsnsArgs, b: FragmentBuilder): Layout {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEADER_SEARCH; i++) {
    const l = lines[i]!;
    if (isBlankLine(l) || isToolMessage(l)) continue;
    seen++;
    const probe = readHeader(l, false);
    if (!probe) continue;
    const header = readHeader(l, nsIsTree(l, lines, i + 1, args))!;
    return { columns: header.map((c) => c.name), header, first: i + 1 };
  }
  const fromArgs = args.noHeadings ? expectedColumns(args) : undefined;
  const columns = fromArgs ?? guessColumns(lines, 0);
  let first = 0;
  if (!args.noHeadings) {
    const firstLine = lines.findIndex((l) => !isBlankLine(l) && !isToolMessage(l));
    if (firstLine >= 0 && !matchTokens(lines[firstLine]!, columns)) {
      b.error(
        firstLine + 1,
        `expected an lsns header (column names such as ${DEFAULT_LIST.join(' ')}), found "${excerpt(lines[firstLine]!, 60)}"`,
      );
      // reported once as a header; the rows start below it
      first = firstLine + 1;
    } else if (firstLine >= 0) {
      b.warn(firstLine + 1, `no header line; read the rows as the columns ${columns.join(' ')}`);
    }
  }
  return { columns, first };
}

interface Entry {
  no: number;
  cells: Cells;
  /** Where a token-matched COMMAND starts (headerless tables), else -1. */
  commandAt: number;
}

/** Reads one data line: by header positions, then shifted, then by tokens. */
function readLine(line: string, no: number, layout: Layout, margin: number): Entry | undefined {
  const { header, columns } = layout;
  if (header) {
    const cells = cutLine(line, header, 0);
    if (cells) return { no, cells, commandAt: -1 };
    const delta = guessDelta(line, header);
    if (delta !== 0) {
      const shifted = cutLine(line, header, delta);
      if (shifted) return { no, cells: shifted, commandAt: -1 };
    }
  }
  const m = matchTokens(line, columns, layout.header ? -1 : margin);
  return m ? { no, cells: m.cells, commandAt: m.commandAt } : undefined;
}

/** The left edge of a headerless table: its least indented data line. */
function leftMargin(lines: readonly string[], from: number): number {
  let margin = Infinity;
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    if (isBlankLine(l)) continue;
    margin = Math.min(margin, l.length - l.trimStart().length);
  }
  return margin === Infinity ? 0 : margin;
}

/**
 * Headerless process trees: tokens lose the blanks that indent deeper levels (`  └─cmd`).
 * COMMAND is left-aligned, so its column starts where the leftmost COMMAND starts; blanks and
 * `│` between there and a row's art are that row's indentation.
 */
function restoreIndent(entries: readonly Entry[], lines: readonly string[], offset: number): void {
  let column = Infinity;
  for (const e of entries) if (e.commandAt >= 0) column = Math.min(column, e.commandAt);
  if (column === Infinity) return;
  for (const e of entries) {
    if (e.commandAt <= column) continue;
    const prefix = lines[e.no - 1 - offset]!.slice(column, e.commandAt);
    if (/^[ │|]+$/.test(prefix)) e.cells.COMMAND = prefix + String(e.cells.COMMAND ?? '');
  }
}

/**
 * Reads lsns table output (default, `-l`, `-n`, `-o`, `--output-all`, `-T`, `lsns <inode>`,
 * terminal captures) into rows.
 * `readTable('        NS TYPE NPROCS PID USER COMMAND\n4026531836 pid 85 1 root init\n', …)` →
 * one row `{ ns: 4026531836, type: 'pid', nprocs: 85, pid: 1, user: 'root', command: 'init' }`.
 */
export function readTable(
  text: string,
  args: LsnsArgs,
  b: FragmentBuilder,
  version: VersionRange,
): LsnsDoc {
  const lines = splitLines(text);
  const layout = findLayout(lines, args, b);
  if (layout.header) version.columns(layout.columns);
  const r = new IssueBudget(b);
  const where = (name: ColumnName) => `column ${layout.columns.indexOf(name) + 1} (${name})`;
  const hasNsfs = layout.columns.includes('NSFS');
  const margin = layout.header ? 0 : leftMargin(lines, layout.first);
  const entries: Entry[] = [];
  for (let i = layout.first; i < lines.length; i++) {
    const line = lines[i]!;
    const no = i + 1;
    if (isBlankLine(line)) continue;
    if (isToolMessage(line)) {
      reportToolMessage(r, no, line);
      continue;
    }
    const prev = entries[entries.length - 1];
    if (hasNsfs && prev) {
      const more = layout.header ? continuation(line, layout.header) : bareNsfs(line);
      if (more !== undefined) {
        const had = typeof prev.cells.NSFS === 'string' ? prev.cells.NSFS : '';
        prev.cells.NSFS = had === '' ? more : `${had}\n${more}`;
        continue;
      }
    }
    const entry = readLine(line, no, layout, margin);
    if (entry) entries.push(entry);
    else describeFailure(line, layout, no, r, where);
  }
  if (!layout.header) restoreIndent(entries, lines, 0);
  const rows: LsnsRow[] = [];
  for (const e of entries) {
    const row = toRow(e.cells, e.no, r, where);
    if (row) rows.push(row);
  }
  r.finish();
  if (rows.some((row) => row.depth > 0)) linkTree(rows);
  return { rows, mode: isProcs(layout.columns, args) ? 'procs' : 'list', nested: false };
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
  b: Reporter,
  where: (name: ColumnName) => string,
): void {
  const first = layout.columns[0];
  const token = line.trim().split(/\s+/)[0] ?? '';
  if (first === 'NS' || first === 'PID') {
    const what = first === 'NS' ? 'an NS inode number' : 'a PID';
    if (!/^\d+$/.test(token.replace(/^[│├└─|`\- ]+/, ''))) {
      b.error(no, `expected ${what} in ${where(first)}, found "${excerpt(token, 40)}"`);
      return;
    }
  }
  b.error(no, `expected a row of ${layout.columns.join(' ')}, found "${excerpt(line, 60)}"`);
}
