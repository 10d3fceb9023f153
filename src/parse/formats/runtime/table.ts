/**
 * Splitting Go `tabwriter` tables (crictl, podman, docker). Cells are padded with spaces to a
 * column width of at least 20 with 3 spaces of padding, but cells and headers contain single
 * spaces (`About a minute ago`, `POD ID`) and cells can be empty. So a separator is a run of
 * two or more spaces (or a tab), and when a row has fewer cells than the header, each cell is
 * placed by where it starts relative to the header's columns.
 */

export interface Cell {
  text: string;
  start: number;
}

/** Cells of a line. `cells('a b   c')` → `[{text:'a b',start:0},{text:'c',start:6}]`. */
export function cells(line: string): Cell[] {
  const out: Cell[] = [];
  // Single spaces join words into one cell; runs of spaces and any tab separate cells.
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], start: m.index });
  return out;
}

export interface Header {
  names: string[];
  starts: number[];
}

/** Header names and where they start. `readHeader('POD ID   NAME')` → `{names:['POD ID','NAME'], starts:[0,9]}`. */
export function readHeader(line: string): Header {
  const cs = cells(line);
  return { names: cs.map((c) => c.text), starts: cs.map((c) => c.start) };
}

/**
 * The cells of `line` keyed by header name. A row with as many cells as the header is read in
 * order (robust to re-indented pastes); otherwise a cell belongs to the last column that
 * starts at or before it (+1 for a cell that a pasted line shifted by one).
 * `rowByHeader('x    z', readHeader('A    B    C'))` → `{A:'x', B:'z'}` (by position; C is empty).
 */
export function rowByHeader(line: string, header: Header): Map<string, string> {
  const cs = cells(line);
  const out = new Map<string, string>();
  if (cs.length === header.names.length) {
    cs.forEach((c, i) => out.set(header.names[i]!, c.text));
    return out;
  }
  for (const c of cs) {
    let col = 0;
    for (let i = 0; i < header.starts.length; i++) if (header.starts[i]! <= c.start + 1) col = i;
    const name = header.names[col]!;
    const prev = out.get(name);
    out.set(name, prev === undefined ? c.text : `${prev} ${c.text}`);
  }
  return out;
}

/**
 * crictl/klog lines mixed into pasted output (`WARN[0000] …`, `time="…" level=warning`,
 * `E1128 06:00:00.000 …`). `isLogLine('WARN[0000] runtime connect …')` → `true`.
 */
export function isLogLine(line: string): boolean {
  return /^\s*(?:(?:WARN|ERRO|INFO|DEBU|FATA)\[\d+\]|time="[^"]*" level=|[EWIF]\d{4} \d\d:\d\d)/.test(
    line,
  );
}
