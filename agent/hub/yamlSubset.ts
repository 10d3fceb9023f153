/**
 * A parser for the small YAML subset our Kubernetes manifests are written in, so the test can
 * check them without a YAML dependency: `---` separated documents, block mappings and
 * sequences (`- key: value` items included), plain / single- / double-quoted scalars, flow
 * sequences of scalars (`[ALL]`), `{}` and `[]`, comments. Numbers with a leading 0 are octal,
 * as YAML 1.1 (and so kubectl) reads `defaultMode: 0400`. Anything else (anchors, tags, block
 * scalars `|` `>`, flow mappings, tabs) throws with the line, so the manifests stay in the
 * subset rather than being misread.
 * @example parseYamlDocuments('a: 1\nb:\n  - x\n---\nc: [d, e]\n') // [{ a: 1, b: ['x'] }, { c: ['d', 'e'] }]
 */
export function parseYamlDocuments(text: string): unknown[] {
  const docs: Line[][] = [[]];
  text.split('\n').forEach((raw, i) => {
    const no = i + 1;
    if (raw.includes('\t')) throw new YamlSubsetError(no, 'tab characters are not in the subset');
    if (/^---\s*$/.test(raw)) return void docs.push([]);
    const text = stripComment(raw, no).trimEnd();
    if (text.trim() === '') return;
    docs.at(-1)!.push({ indent: text.length - text.trimStart().length, text: text.trim(), no });
  });
  return docs.filter((d) => d.length > 0).map((lines) => new Parser(lines).document());
}

export class YamlSubsetError extends Error {
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

interface Line {
  indent: number;
  text: string;
  no: number;
}

class Parser {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  document(): unknown {
    const v = this.node(this.lines[0]!.indent);
    if (this.i < this.lines.length)
      throw new YamlSubsetError(this.lines[this.i]!.no, 'unexpected indentation');
    return v;
  }

  private node(indent: number): unknown {
    const line = this.lines[this.i]!;
    return isItem(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent !== indent || !isItem(line.text)) break;
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.i++;
        out.push(this.child(indent, line.no));
      } else if (keyOf(rest)) {
        // `- key: value`: a mapping whose first key sits where `key` starts.
        const at = indent + (line.text.length - rest.length);
        this.lines[this.i] = { indent: at, text: rest, no: line.no };
        out.push(this.mapping(at));
      } else {
        this.i++;
        out.push(scalar(rest, line.no));
      }
    }
    return out;
  }

  private mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSubsetError(line.no, 'unexpected indentation');
      if (isItem(line.text)) break;
      const kv = keyOf(line.text);
      if (!kv) throw new YamlSubsetError(line.no, `expected "key: value", got "${line.text}"`);
      if (Object.hasOwn(out, kv.key))
        throw new YamlSubsetError(line.no, `duplicate key "${kv.key}"`);
      this.i++;
      out[kv.key] = kv.value === '' ? this.child(indent, line.no, true) : scalar(kv.value, line.no);
    }
    return out;
  }

  /** The block under a `key:` or `-` line; a sequence may sit at the key's own indent. */
  private child(indent: number, no: number, sameIndentItems = false): unknown {
    const next = this.lines[this.i];
    if (!next) return null;
    if (next.indent > indent) return this.node(next.indent);
    if (sameIndentItems && next.indent === indent && isItem(next.text))
      return this.sequence(indent);
    void no;
    return null;
  }
}

const isItem = (text: string): boolean => text === '-' || text.startsWith('- ');

function keyOf(text: string): { key: string; value: string } | undefined {
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?:\s+(.*))?$/.exec(text);
  if (quoted) return { key: scalar(quoted[1]!, 0) as string, value: quoted[2] ?? '' };
  const m = /^([^\s'"[\]{}#,&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$/.exec(text);
  return m ? { key: m[1]!, value: m[2] ?? '' } : undefined;
}

function stripComment(raw: string, no: number): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || raw[i - 1] === ' ')) return raw.slice(0, i);
  }
  if (quote) throw new YamlSubsetError(no, 'unterminated quote');
  return raw;
}

function scalar(text: string, no: number): unknown {
  const t = text.trim();
  if (t.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(t)) throw new YamlSubsetError(no, `bad string ${t}`);
    return JSON.parse(t) as string;
  }
  if (t.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(t)) throw new YamlSubsetError(no, `bad string ${t}`);
    return t.slice(1, -1).replace(/''/g, "'");
  }
  if (t === '{}') return {};
  if (t.startsWith('[')) {
    if (!t.endsWith(']')) throw new YamlSubsetError(no, 'a flow sequence must end on its line');
    const inner = t.slice(1, -1).trim();
    return inner === '' ? [] : inner.split(',').map((s) => scalar(s, no));
  }
  if (/^[&*!|>{%@`]/.test(t)) throw new YamlSubsetError(no, `"${t}" is not in the YAML subset`);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null' || t === '~') return null;
  if (/^0[0-7]+$/.test(t)) return parseInt(t, 8);
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(t)) return Number(t);
  if (/^(yes|no|on|off|y|n)$/i.test(t))
    throw new YamlSubsetError(no, `"${t}" means a boolean to YAML 1.1 readers; quote it`);
  return t;
}
