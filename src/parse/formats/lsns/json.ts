import type { FragmentBuilder } from '../../fragment.ts';
import { excerpt } from '../../text.ts';
import type { ParseContext } from '../../types.ts';
import { isLsnsCommand, type LsnsArgs } from './argv.ts';
import { COLUMN_NAMES, type ColumnName } from './columns.ts';
import { IssueBudget, type Reporter } from './issues.ts';
import { scanJson } from './jsonScan.ts';
import type { Recorder, Relation } from './record.ts';
import { schemaOf, toRow, type Cells, type LsnsRow } from './row.ts';
import type { VersionRange } from './version.ts';

/**
 * `lsns -J` (formats.md §1.6) in every shape: all-string values (≤2.32), compact one-line
 * objects (2.33–2.36), one key per line (2.37+), `children` nesting (2.38+ trees), and the
 * same re-indented by jq or by hand. Text cut short is read up to its last complete row.
 */

const NUMERIC_KEYS = new Set(['ns', 'nprocs', 'pid', 'ppid', 'uid', 'pns', 'ons']);

/** Line of a JSON.parse error, from V8's `position N` or `line N column M`. */
function errorLine(message: string, text: string, from: number): number {
  const lc = /line (\d+) column/.exec(message);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(message);
  const end = pos ? Math.min(from + Number(pos[1]), text.length) : text.length;
  let line = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What the formatting itself proves, when lsns' own writer produced it (not jq). */
function styleEvidence(text: string, version: VersionRange): void {
  const head = text.slice(0, 4096);
  // lib/jsonwrt.c (2.37+): 3-space indent, one key per line, `},{` between objects
  if (/^ {3}"namespaces": \[\r?\n {6}\{\r?\n {9}"/m.test(head)) version.atLeast('2.37');
  // libsmartcols before 2.37: one object per line
  else if (/^ {6}\{"[a-z]+": ?[^\n]*, "[a-z]+"/m.test(head)) {
    version.atMost('2.36');
    // 2.33–2.36 wrote no space after the colon
    if (/\{"[a-z]+":[^ ]/.test(head)) version.atLeast('2.33');
  }
}

/** What the whole document shows, gathered before any row is recorded. */
interface Survey {
  keys: Set<string>;
  strings: boolean;
  numbers: boolean;
  nested: boolean;
  /** A child under a parent of another type that is not `user`: only a process tree does that. */
  processProof: boolean;
  /** Rows seen so far, in document order (as `scanJson` counts them). */
  seen: number;
  /** Index of the first nested row. */
  firstChild: number | undefined;
}

function survey(items: readonly unknown[], parentType: unknown, s: Survey): void {
  for (const v of items) {
    s.seen++;
    if (!isObject(v)) continue;
    for (const key in v) {
      s.keys.add(key);
      if (NUMERIC_KEYS.has(key)) {
        const value = v[key];
        if (typeof value === 'string') s.strings = true;
        else if (typeof value === 'number') s.numbers = true;
      }
    }
    if (
      parentType !== undefined &&
      typeof v.type === 'string' &&
      parentType !== 'user' &&
      v.type !== parentType
    ) {
      s.processProof = true;
    }
    if (Array.isArray(v.children) && v.children.length > 0) {
      s.nested = true;
      s.firstChild ??= s.seen;
      survey(v.children, v.type, s);
    }
  }
}

/**
 * What JSON `children` mean. Text trees show it by where the art is (COMMAND or NS); JSON
 * does not, so use the command line, else the rows: a child under a parent of another type
 * that is not `user` can only come from the process tree.
 */
function relationOf(
  s: Survey,
  procs: boolean,
  args: LsnsArgs,
  ctx: ParseContext,
  b: FragmentBuilder,
  line: number | undefined,
): Relation {
  if (!s.nested) return undefined;
  if (procs) return 'process';
  if (isLsnsCommand(ctx.argv))
    return args.tree === 'owner' || args.tree === 'parent' ? 'namespace' : 'process';
  if (s.processProof) return 'process';
  b.warn(
    line,
    'nested "children" can be a process tree or a `-T` owner/parent tree, and without the command line the rows do not tell which; their relations were not recorded',
  );
  return undefined;
}

interface Walk {
  lines: readonly number[];
  next: number;
  sink: Recorder;
  /** Reused for every row: toRow copies out what it keeps. */
  cells: Cells;
}

const WHERE = (name: ColumnName) => `key "${name.toLowerCase()}"`;

function visit(v: unknown, depth: number, parent: LsnsRow | undefined, w: Walk, r: Reporter): void {
  const line = w.lines[w.next++] ?? 1;
  if (!isObject(v)) {
    r.error(
      line,
      `expected a namespace object in "namespaces", found ${excerpt(JSON.stringify(v) ?? '', 40)}`,
    );
    return;
  }
  const cells = w.cells;
  cells.fill(undefined);
  for (const key in v) {
    const k = INDEX_OF_KEY.get(key);
    if (k !== undefined) cells[k] = v[key];
  }
  const row = toRow(cells, ALL, line, r, WHERE);
  if (row) {
    row.depth = depth;
    row.parent = parent;
    w.sink.add(row);
  }
  const children = v.children;
  if (children === undefined) return;
  if (!Array.isArray(children)) {
    r.warn(
      line,
      `expected "children" to be an array, found ${excerpt(JSON.stringify(children) ?? '', 40)}`,
    );
    return;
  }
  for (const child of children) visit(child, depth + 1, row, w, r);
}

/** JSON keys are the column names lower-cased; cells follow the catalogue's order. */
const INDEX_OF_KEY: ReadonlyMap<string, number> = new Map(
  COLUMN_NAMES.map((c, i) => [c.toLowerCase(), i]),
);
const ALL = schemaOf(COLUMN_NAMES);

/**
 * Reads `lsns -J` output and hands each row to `sink`.
 * `{"namespaces": [{"ns": 4026531836, "type": "pid", "pid": 1}]}` →
 * one row `{ ns: 4026531836, type: 'pid', pid: 1 }`.
 */
export function readJson(
  text: string,
  args: LsnsArgs,
  ctx: ParseContext,
  b: FragmentBuilder,
  version: VersionRange,
  sink: Recorder,
): void {
  const from = text.indexOf('{');
  if (from < 0) {
    b.error(1, `expected lsns JSON ({"namespaces": [...]}), found "${excerpt(text.trim(), 40)}"`);
    return;
  }
  if (text.slice(0, from).trim() !== '') {
    b.warn(1, `ignored "${excerpt(text.slice(0, from).trim(), 40)}" before the JSON`);
  }
  const scan = scanJson(text, from);
  let doc: unknown;
  try {
    doc = JSON.parse(from === 0 ? text : text.slice(from));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    b.error(errorLine(message, text, from), `invalid JSON: ${excerpt(message, 100)}`);
    if (!scan.repaired) return;
    try {
      doc = JSON.parse(scan.repaired);
      b.warn(
        scan.repairedLine,
        `the JSON is cut short; read the complete rows up to line ${scan.repairedLine}`,
      );
    } catch {
      return;
    }
  }
  if (!isObject(doc) || !Array.isArray(doc.namespaces)) {
    const keys = isObject(doc) ? Object.keys(doc).slice(0, 5).join(', ') : typeof doc;
    b.error(1, `expected lsns JSON with a "namespaces" array, found ${excerpt(keys, 60)}`);
    return;
  }
  const s: Survey = {
    keys: new Set(),
    strings: false,
    numbers: false,
    nested: false,
    processProof: false,
    seen: 0,
    firstChild: undefined,
  };
  survey(doc.namespaces, undefined, s);
  const procs =
    args.inode !== undefined || (!s.keys.has('ns') && !s.keys.has('type') && s.keys.has('pid'));
  const childLine = s.firstChild === undefined ? undefined : scan.rowLines[s.firstChild];
  const relation = relationOf(s, procs, args, ctx, b, childLine);
  sink.begin(procs ? 'procs' : 'list', { relation });
  const r = new IssueBudget(b);
  const w: Walk = {
    lines: scan.rowLines,
    next: 0,
    sink,
    cells: new Array<unknown>(COLUMN_NAMES.length),
  };
  for (const v of doc.namespaces) visit(v, 0, undefined, w, r);
  r.finish();
  version.columns([...s.keys]);
  if (s.strings && !s.numbers) version.atMost('2.32');
  if (s.numbers && !s.strings) version.atLeast('2.33');
  if (s.nested && !procs) version.atLeast('2.38');
  styleEvidence(text.slice(from, from + 4096), version);
}
