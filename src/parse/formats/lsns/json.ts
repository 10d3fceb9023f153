import type { FragmentBuilder } from '../../fragment.ts';
import { excerpt } from '../../text.ts';
import type { LsnsArgs } from './argv.ts';
import { isColumnName, type ColumnName } from './columns.ts';
import { IssueBudget, type Reporter } from './issues.ts';
import { scanJson } from './jsonScan.ts';
import { toRow, type Cells, type LsnsDoc, type LsnsRow } from './row.ts';
import type { VersionRange } from './version.ts';

/**
 * `lsns -J` (formats.md §1.6) in every shape: all-string values (≤2.32), compact one-line
 * objects (2.33–2.36), one key per line (2.37+), `children` nesting (2.38+ trees), and the
 * same re-indented by jq or by hand. Text cut short is read up to its last complete row.
 */

const NUMERIC_KEYS = ['ns', 'nprocs', 'pid', 'ppid', 'uid', 'pns', 'ons'];

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

interface Walk {
  rows: LsnsRow[];
  lines: number[];
  next: number;
  nested: boolean;
  strings: boolean;
  numbers: boolean;
  keys: Set<string>;
}

function visit(v: unknown, depth: number, parent: LsnsRow | undefined, w: Walk, r: Reporter): void {
  const line = w.lines[w.next++] ?? 1;
  if (!isObject(v)) {
    r.error(
      line,
      `expected a namespace object in "namespaces", found ${excerpt(JSON.stringify(v) ?? '', 40)}`,
    );
    return;
  }
  const cells: Cells = {};
  for (const [key, value] of Object.entries(v)) {
    if (key === 'children') continue;
    w.keys.add(key);
    const name = key.toUpperCase();
    if (isColumnName(name)) cells[name] = value;
    if (NUMERIC_KEYS.includes(key) && value !== null) {
      if (typeof value === 'string') w.strings = true;
      else if (typeof value === 'number') w.numbers = true;
    }
  }
  const where = (name: ColumnName) => `key "${name.toLowerCase()}"`;
  const row = toRow(cells, line, r, where);
  if (row) {
    row.depth = depth;
    if (parent) row.parent = parent;
    w.rows.push(row);
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
  if (children.length > 0) w.nested = true;
  for (const child of children) visit(child, depth + 1, row, w, r);
}

/**
 * Reads `lsns -J` output into rows.
 * `readJson('{"namespaces": [{"ns": 4026531836, "type": "pid", "pid": 1}]}', …)` →
 * one row `{ ns: 4026531836, type: 'pid', pid: 1 }`.
 */
export function readJson(
  text: string,
  args: LsnsArgs,
  b: FragmentBuilder,
  version: VersionRange,
): LsnsDoc {
  const empty: LsnsDoc = { rows: [], mode: 'list', nested: false };
  const from = text.indexOf('{');
  if (from < 0) {
    b.error(1, `expected lsns JSON ({"namespaces": [...]}), found "${excerpt(text.trim(), 40)}"`);
    return empty;
  }
  if (text.slice(0, from).trim() !== '') {
    b.warn(1, `ignored "${excerpt(text.slice(0, from).trim(), 40)}" before the JSON`);
  }
  const scan = scanJson(text, from);
  let doc: unknown;
  try {
    doc = JSON.parse(text.slice(from));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    b.error(errorLine(message, text, from), `invalid JSON: ${excerpt(message, 100)}`);
    if (!scan.repaired) return empty;
    try {
      doc = JSON.parse(scan.repaired);
      b.warn(
        scan.repairedLine,
        `the JSON is cut short; read the complete rows up to line ${scan.repairedLine}`,
      );
    } catch {
      return empty;
    }
  }
  if (!isObject(doc) || !Array.isArray(doc.namespaces)) {
    const keys = isObject(doc) ? Object.keys(doc).slice(0, 5).join(', ') : typeof doc;
    b.error(1, `expected lsns JSON with a "namespaces" array, found ${excerpt(keys, 60)}`);
    return empty;
  }
  const r = new IssueBudget(b);
  const w: Walk = {
    rows: [],
    lines: scan.rowLines,
    next: 0,
    nested: false,
    strings: false,
    numbers: false,
    keys: new Set(),
  };
  for (const v of doc.namespaces) visit(v, 0, undefined, w, r);
  r.finish();
  const procs =
    args.inode !== undefined || (!w.keys.has('ns') && !w.keys.has('type') && w.keys.has('pid'));
  version.columns([...w.keys]);
  if (w.strings && !w.numbers) version.atMost('2.32');
  if (w.numbers && !w.strings) version.atLeast('2.33');
  if (w.nested && !procs) version.atLeast('2.38');
  styleEvidence(text.slice(from), version);
  return { rows: w.rows, mode: procs ? 'procs' : 'list', nested: w.nested };
}
