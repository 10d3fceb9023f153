/**
 * One linear pass over JSON text that JSON.parse cannot give us: the line of every object
 * (rows are named by line in issues) and, for text cut short, the longest prefix that ends
 * after a complete array element plus the brackets that close it.
 */
export interface JsonScan {
  /** 1-based line of each `{` after the outermost one, in document order. */
  objectLines: number[];
  /** Valid JSON made of the complete elements only, when the text is cut short. */
  repaired?: string;
  /** 1-based line where the last complete element ends. */
  repairedLine?: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/**
 * `scanJson('{"namespaces": [\n{"ns": 1},\n{"ns": 2', 0)` → objectLines [2, 3] and
 * repaired `{"namespaces": [\n{"ns": 1}]}`.
 */
export function scanJson(text: string, from: number): JsonScan {
  const objectLines: number[] = [];
  const stack: number[] = [];
  let line = 1;
  for (let i = 0; i < from; i++) if (text.charCodeAt(i) === NEWLINE) line++;
  let inString = false;
  let cut = -1;
  let cutLine = 0;
  let closers = '';
  let first = true;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) line++;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        break;
      case 123: // {
        if (!first) objectLines.push(line);
        first = false;
        stack.push(c);
        break;
      case 91: // [
        stack.push(c);
        break;
      case 125: // }
      case 93: {
        // ]
        const open = stack.pop();
        if (open === undefined || (c === 125) !== (open === 123)) {
          return { objectLines };
        }
        if (c === 125 && stack[stack.length - 1] === 91) {
          cut = i + 1;
          cutLine = line;
          closers = stack.map((o) => (o === 123 ? '}' : ']')).reverse().join('');
        }
        break;
      }
    }
  }
  const out: JsonScan = { objectLines };
  if (stack.length > 0 && cut > 0) {
    out.repaired = text.slice(from, cut) + closers;
    out.repairedLine = cutLine;
  }
  return out;
}
