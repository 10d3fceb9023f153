/**
 * Reading JSON that people paste: one document, several documents back to back (crictl
 * inspect <= 1.30 prints one per id), or a truncated one. `JSON.parse` is the fast path; only
 * when it refuses does the hand-written reader below run, to split concatenated documents and
 * to say where the text broke and what was expected there.
 */

export interface JsonDoc {
  value: unknown;
  /** 1-based line where the document starts. */
  line: number;
  /** The text broke inside this document; `value` holds what was read before the break. */
  partial?: boolean;
}

export interface JsonBreak {
  line: number;
  column: number;
  message: string;
}

export interface JsonRead {
  docs: JsonDoc[];
  error?: JsonBreak;
}

interface Frame {
  kind: 'object' | 'array';
  value: Record<string, unknown> | unknown[];
  key: string;
  at: number;
}

class Stop extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  pos = 0;
  private lineAt = 0;
  private lineNo = 1;
  stack: Frame[] = [];
  broke: JsonBreak | undefined;

  constructor(private readonly text: string) {}

  /** 1-based line and column of `pos`; positions only move forward, so count incrementally. */
  where(pos: number): { line: number; column: number } {
    if (pos < this.lineAt) {
      this.lineAt = 0;
      this.lineNo = 1;
    }
    let nl = this.text.indexOf('\n', this.lineAt);
    while (nl !== -1 && nl < pos) {
      this.lineNo++;
      this.lineAt = nl + 1;
      nl = this.text.indexOf('\n', this.lineAt);
    }
    return { line: this.lineNo, column: pos - this.lineAt + 1 };
  }

  private fail(expected: string, pos = this.pos): never {
    const { line, column } = this.where(pos);
    const open = this.stack[this.stack.length - 1];
    let message: string;
    if (pos >= this.text.length) {
      const inside = open ? ` inside the ${open.kind} opened at ${this.describeAt(open.at)}` : '';
      message = `JSON ends at line ${line}, column ${column}${inside}: expected ${expected}`;
    } else {
      const found = JSON.stringify(this.text.slice(pos, pos + 12));
      message = `JSON breaks at line ${line}, column ${column}: expected ${expected}, found ${found}`;
    }
    this.broke = { line, column, message };
    throw new Stop(message);
  }

  private describeAt(pos: number): string {
    const saved = { at: this.lineAt, no: this.lineNo };
    this.lineAt = 0;
    this.lineNo = 1;
    const { line, column } = this.where(pos);
    this.lineAt = saved.at;
    this.lineNo = saved.no;
    return `line ${line}, column ${column}`;
  }

  skipWs(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  private string(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let escaped = false;
    for (;;) {
      if (p >= t.length) this.fail("'\"' to close the string", p);
      const c = t.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        p += 2;
        continue;
      }
      if (c < 0x20) this.fail("a character or '\"' (control characters must be escaped)", p);
      p++;
    }
    this.pos = p + 1;
    if (!escaped) return t.slice(start + 1, p);
    try {
      return JSON.parse(t.slice(start, p + 1)) as string;
    } catch {
      return this.fail('a valid escape sequence in the string', start);
    }
  }

  private key(): string {
    this.skipWs();
    if (this.text.charCodeAt(this.pos) !== 34) this.fail('a property name in double quotes');
    const k = this.string();
    this.skipWs();
    if (this.text.charCodeAt(this.pos) !== 58) this.fail("':' after the property name");
    this.pos++;
    return k;
  }

  private scalar(): unknown {
    const t = this.text;
    const c = t[this.pos];
    if (c === '"') return this.string();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (t.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(t);
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    return this.fail('a value');
  }

  private attach(value: unknown): void {
    const top = this.stack[this.stack.length - 1]!;
    if (Array.isArray(top.value)) top.value.push(value);
    // defineProperty keeps a "__proto__" key an own property, as JSON.parse does.
    else
      Object.defineProperty(top.value, top.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }

  /** After a break: hangs every unfinished container into its parent and returns the root. */
  closeAll(): unknown {
    const root = this.stack[0]?.value;
    while (this.stack.length > 1) {
      const child = this.stack.pop()!;
      this.attach(child.value);
    }
    return root;
  }

  /** Reads one value without recursion, so deeply nested input cannot overflow the stack. */
  value(): unknown {
    const t = this.text;
    for (;;) {
      this.skipWs();
      const c = t[this.pos];
      let done: unknown;
      if (c === '{' || c === '[') {
        const at = this.pos++;
        this.skipWs();
        const close = c === '{' ? '}' : ']';
        if (t[this.pos] === close) {
          this.pos++;
          done = c === '{' ? {} : [];
        } else {
          const frame: Frame =
            c === '{'
              ? { kind: 'object', value: {}, key: '', at }
              : { kind: 'array', value: [], key: '', at };
          this.stack.push(frame);
          if (c === '{') frame.key = this.key();
          continue;
        }
      } else {
        done = this.scalar();
      }
      // Close as many containers as this value completes.
      for (;;) {
        const top = this.stack[this.stack.length - 1];
        if (!top) return done;
        this.attach(done);
        this.skipWs();
        const next = t[this.pos];
        const close = top.kind === 'object' ? '}' : ']';
        if (next === ',') {
          this.pos++;
          if (top.kind === 'object') top.key = this.key();
          break;
        }
        if (next !== close) this.fail(`',' or '${close}'`);
        this.pos++;
        this.stack.pop();
        done = top.value;
      }
    }
  }
}

/**
 * Reads every JSON document in `text`, never throwing.
 * `readJson('{"a":1}\n{"a":2}')` → `{ docs: [{value:{a:1},line:1}, {value:{a:2},line:2}] }`;
 * `readJson('{"a":')` → `{ docs: [{value:{}, line:1, partial:true}], error: {line:1, column:6,
 * message:'JSON ends at line 1, column 6 inside the object opened at line 1, column 1: expected a value'} }`.
 */
export function readJson(text: string): JsonRead {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.search(/\S/);
  if (first === -1) return { docs: [] };
  try {
    const value: unknown = JSON.parse(body);
    return { docs: [{ value, line: lineOf(body, first) }] };
  } catch {
    // Not one document: several, or broken. Fall through to the reader.
  }
  const r = new Reader(body);
  const docs: JsonDoc[] = [];
  for (;;) {
    r.skipWs();
    if (r.pos >= body.length) return { docs };
    const line = r.where(r.pos).line;
    try {
      docs.push({ value: r.value(), line });
    } catch (e) {
      const root = r.closeAll();
      if (root !== undefined) docs.push({ value: root, line, partial: true });
      const error = r.broke ?? {
        ...r.where(r.pos),
        message: `JSON could not be read: ${String(e)}`,
      };
      return { docs, error };
    }
  }
}

function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
