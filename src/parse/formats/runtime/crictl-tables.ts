/**
 * `crictl ps` and `crictl pods` tables of every header generation (formats.md 3.1).
 *
 * Ids in these tables are cut to 13 hex characters unless `--no-trunc` was given. They are kept
 * exactly as printed, also as pod keys: the merge step matches such a key as a prefix of the
 * full sandbox id that other inputs (inspect, /proc cgroup paths) carry.
 */
import { FragmentBuilder } from '../../fragment.ts';
import { excerpt, head, splitLines } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { isSub, outputFormat, readCommand } from './argv.ts';
import { fillPod } from './kube.ts';
import { isLogLine, readHeader, rowByHeader, type Header } from './table.ts';
import { isHexId } from './values.ts';

const PS_ID = ['CONTAINER ID', 'CONTAINER'];
const PODS_ID = ['POD ID', 'PODSANDBOX ID', 'SANDBOX ID'];

function isPsHeader(h: Header): boolean {
  return (
    PS_ID.includes(h.names[0] ?? '') && ['IMAGE', 'STATE', 'NAME'].every((n) => h.names.includes(n))
  );
}

function isPodsHeader(h: Header): boolean {
  return (
    PODS_ID.includes(h.names[0] ?? '') &&
    ['STATE', 'NAME', 'NAMESPACE'].every((n) => h.names.includes(n))
  );
}

/** The header line among the first lines, skipping crictl's own log lines and blanks. */
function findHeader(lines: readonly string[], isHeader: (h: Header) => boolean): number {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < 8; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || isLogLine(l)) continue;
    seen++;
    if (isHeader(readHeader(l))) return i;
  }
  return -1;
}

/** The crictl generation a header pins down (formats.md 3.1). */
function psGeneration(h: Header): string {
  if (h.names.includes('NAMESPACE')) return 'crictl 1.32+';
  if (h.names.includes('POD')) return 'crictl 1.24-1.31';
  if (h.names[0] === 'CONTAINER') return 'crictl 1.15-1.23';
  return h.names.includes('POD ID') ? 'crictl 1.12-1.14' : 'crictl 1.0-1.11';
}

function podsGeneration(h: Header): string {
  if (h.names[0] === 'SANDBOX ID') return 'crictl 1.0 alpha';
  if (h.names[0] === 'PODSANDBOX ID') return 'crictl 1.0 beta.0';
  return h.names.includes('RUNTIME') ? 'crictl 1.19+' : 'crictl 1.0-1.18';
}

type RowFn = (b: FragmentBuilder, row: Map<string, string>, id: string, line: number) => void;

function parseTable(
  text: string,
  ctx: ParseContext,
  format: string,
  isHeader: (h: Header) => boolean,
  generation: (h: Header) => string,
  onRow: RowFn,
): ParseResult {
  const b = new FragmentBuilder(ctx, format);
  const lines = splitLines(text);
  const at = findHeader(lines, isHeader);
  if (at === -1) {
    b.error(1, `expected a crictl table header, found ${JSON.stringify(excerpt(lines[0] ?? ''))}`);
    return b.result();
  }
  const header = readHeader(lines[at]!);
  b.tool = generation(header);
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '' || isLogLine(l)) continue;
    const row = rowByHeader(l, header);
    const id = row.get(header.names[0]!) ?? '';
    if (!isHexId(id)) {
      b.warn(
        i + 1,
        `expected a hex id in column ${header.names[0]}, found ${JSON.stringify(excerpt(id))}; row skipped`,
      );
      continue;
    }
    onRow(b, row, id, i + 1);
  }
  return b.result();
}

function setIf<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined && v !== '') o[k] = v;
}

const psRow: RowFn = (b, row, id) => {
  const c = b.container(id);
  setIf(c, 'name', row.get('NAME'));
  setIf(c, 'image', row.get('IMAGE'));
  setIf(c, 'state', row.get('STATE'));
  const podId = row.get('POD ID');
  if (podId && isHexId(podId)) {
    c.pod = podId;
    fillPod(b, podId, { name: row.get('POD'), namespace: row.get('NAMESPACE'), sandboxId: podId });
  }
};

const podsRow: RowFn = (b, row, id) => {
  // The pod's id is its sandbox (pause) container's id.
  fillPod(b, id, { name: row.get('NAME'), namespace: row.get('NAMESPACE'), sandboxId: id });
  const c = b.container(id);
  c.sandbox = true;
  c.pod = id;
  setIf(c, 'state', row.get('STATE'));
};

function tableDetect(isHeader: (h: Header) => boolean): (text: string) => number {
  return (text) => (findHeader(splitLines(head(text, 8192)), isHeader) === -1 ? 0 : 0.95);
}

function tableCommand(sub: string): (argv: readonly string[]) => number {
  return (argv) => {
    const cmd = readCommand(argv);
    if (!isSub(cmd, 'crictl', [sub])) return 0;
    const f = outputFormat(cmd);
    if (
      cmd.flags.has('-q') ||
      cmd.flags.has('--quiet') ||
      cmd.flags.has('-v') ||
      cmd.flags.has('--verbose')
    )
      return 0.1;
    return f === '' || f === 'table' ? 1 : 0;
  };
}

/** `crictl ps` table. `CONTAINER  IMAGE … POD ID  POD` rows → containers and their pods. */
export const crictlPsTable: FormatParser = {
  id: 'crictl-ps-table',
  title: 'crictl ps table',
  detect: tableDetect(isPsHeader),
  parse: (text, ctx) => parseTable(text, ctx, 'crictl-ps-table', isPsHeader, psGeneration, psRow),
  forCommand: tableCommand('ps'),
};

/** `crictl pods` table. `POD ID  CREATED  STATE  NAME  NAMESPACE …` rows → pods + sandboxes. */
export const crictlPodsTable: FormatParser = {
  id: 'crictl-pods-table',
  title: 'crictl pods table',
  detect: tableDetect(isPodsHeader),
  parse: (text, ctx) =>
    parseTable(text, ctx, 'crictl-pods-table', isPodsHeader, podsGeneration, podsRow),
  forCommand: tableCommand('pods'),
};
