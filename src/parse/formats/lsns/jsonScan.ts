/**
 * One linear pass over JSON text for what JSON.parse cannot give: the line of every row (each
 * element of a `namespaces` or `children` array, in document order, so issues can name it)
 * and, for text cut short, the longest prefix that ends after a complete array element plus
 * the brackets that close it.
 */
export interface JsonScan {
  /** 1-based line where each row element starts, in document (= pre-order) order. */
  rowLines: number[];
  /** Valid JSON made of the complete elements only, when the text is cut short. */
  repaired?: string;
  /** 1-based line where the last complete element ends. */
  repairedLine?: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const ROW_KEYS = new Set(['namespaces', 'children']);

function isBlank(c: number): boolean {
  return c === 32 || c === NEWLINE || c === 13 || c === 9;
}

/**
 * `scanJson('{"namespaces": [\n{"ns": 1},\n{"ns": 2', 0)` → rowLines [2, 3] and
 * repaired `{"namespaces": [\n{"ns": 1}]}`.
 */
export function scanJson(text: string, from: number): JsonScan {
  const rowLines: number[] = [];
  const stack: number[] = []; // 123 `{`, 91 `[`, 92 a `[` of rows
  let line = 1;
  for (let i = 0; i < from; i++) if (text.charCodeAt(i) === NEWLINE) line++;
  let inString = false;
  let stringStart = 0;
  let lastString = '';
  let key = '';
  let expectRow = false;
  let cut = -1;
  let cutLine = 0;
  let closers = '';
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        inString = false;
        // keys are short; only a string followed by `:` is kept as one
        if (i - stringStart < 32) lastString = text.slice(stringStart + 1, i);
        else lastString = '';
      }
      continue;
    }
    if (isBlank(c)) continue;
    if (expectRow && c !== 93) {
      rowLines.push(line);
      expectRow = false;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        stringStart = i;
        break;
      case 58: // :
        key = lastString;
        break;
      case 44: // ,
        if (stack[stack.length - 1] === 92) expectRow = true;
        break;
      case 123: // {
        stack.push(123);
        key = '';
        break;
      case 91: // [
        stack.push(ROW_KEYS.has(key) ? 92 : 91);
        expectRow = ROW_KEYS.has(key);
        key = '';
        break;
      case 125: // }
      case 93: {
        // ]
        expectRow = false;
        const open = stack.pop();
        if (open === undefined || (c === 125) !== (open === 123)) return { rowLines };
        const top = stack[stack.length - 1];
        if (c === 125 && (top === 91 || top === 92)) {
          cut = i + 1;
          cutLine = line;
          closers = stack
            .map((o) => (o === 123 ? '}' : ']'))
            .reverse()
            .join('');
        }
        break;
      }
    }
  }
  const out: JsonScan = { rowLines };
  if (stack.length > 0 && cut > 0) {
    out.repaired = text.slice(from, cut) + closers;
    out.repairedLine = cutLine;
  }
  return out;
}
