import { head } from '../../text.ts';
import { isLsnsCommand, parseLsnsArgs } from './argv.ts';
import { hasTreeArt } from './glyphs.ts';
import { readHeader } from './positional.ts';
import { rawHeader } from './raw.ts';

/**
 * Cheap recognisers: they look at the first lines only (at most 64 KB, and lines of at most
 * 4 KB), never at the whole text.
 */

const SAMPLE_LINES = 12;
const MAX_LINE = 4096;

/** The first non-blank lines of the head of `text`, each cut to 4 KB, CR removed. */
function sample(text: string): string[] {
  const out: string[] = [];
  const h = head(text);
  let i = h.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < h.length && out.length < SAMPLE_LINES) {
    let j = h.indexOf('\n', i);
    if (j < 0) j = h.length;
    const line = h.slice(i, Math.min(j, i + MAX_LINE)).replace(/\r$/, '');
    if (line.trim() !== '') out.push(line);
    i = j + 1;
  }
  return out;
}

// one character class for indent and tree art, so no two quantifiers compete for the spaces
const NS_ROW =
  /^[ \t│├└─|`-]*\d{4,20}[ \t]+(?:mnt|net|pid|uts|ipc|user|cgroup|time)[ \t]+\d+(?:[ \t]|$)/;

/** `lsns -J`: `{"namespaces": [` at the top. */
export function detectJson(text: string): number {
  const h = head(text, 512)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!h.startsWith('{')) return /\{\s*"namespaces"\s*:\s*\[/.test(h) ? 0.6 : 0;
  if (!/^\{\s*"namespaces"\s*:\s*\[/.test(h)) return /"namespaces"\s*:\s*\[/.test(h) ? 0.7 : 0;
  return /"(?:ns|pid|type|nprocs)"\s*:/.test(h) ? 0.98 : 0.9;
}

/** Do the data lines split into exactly as many single-space cells as the header has names? */
function rawLike(lines: readonly string[], n: number): { exact: boolean; escapes: boolean } {
  const data = lines.slice(1);
  return {
    exact: data.length > 0 && data.every((l) => l.split(' ').length === n),
    escapes: data.some((l) => /\\x[0-9a-f]{2}/.test(l)),
  };
}

/** `lsns -r`: a bare header (or none) and cells joined by single spaces with `\xHH` escapes. */
export function detectRaw(text: string): number {
  const lines = sample(text);
  const first = lines[0];
  if (first === undefined) return 0;
  const names = rawHeader(first);
  if (names) {
    const { exact, escapes } = rawLike(lines, names.length);
    if (exact && escapes) return 0.95;
    if (exact) return names.includes('NS') ? 0.85 : 0.7;
    return 0.2;
  }
  // headerless (`-r -n`): namespace rows whose cells never hold a literal blank
  const rows = lines.filter((l) => NS_ROW.test(l));
  if (rows.length === 0 || rows.length < lines.length) return 0;
  const blanks = rows.some((l) => l.includes('\\x20'));
  const single = rows.every((l) => !/ {2}/.test(l.trimEnd()) || l.includes('\\x'));
  return blanks ? 0.9 : single ? 0.4 : 0;
}

/** lsns tables: a header of lsns column names, or headerless namespace rows. */
export function detectTable(text: string): number {
  const lines = sample(text);
  for (let i = 0; i < Math.min(lines.length, 10); i++) {
    const header = readHeader(lines[i]!, false);
    if (!header) continue;
    const names = new Set(header.map((c) => c.name));
    const raw =
      rawHeader(lines[i]!.trimStart()) !== undefined && lines[i] === lines[i]!.trimStart();
    const { exact, escapes } = rawLike(lines.slice(i), header.length);
    const looksRaw = raw && (escapes || exact);
    if (names.has('NS') && names.has('TYPE')) return looksRaw ? 0.5 : 0.95;
    if (names.has('PID') && names.has('COMMAND')) {
      // `PID PPID USER COMMAND` is also what `ps -o pid,ppid,user,args` prints
      const art = lines.slice(i + 1).some((l) => hasTreeArt(l) || /(?:^| )[|`]-/.test(l));
      if (looksRaw) return 0.4;
      return art ? 0.9 : 0.6;
    }
    return 0.5;
  }
  const rows = lines.filter((l) => NS_ROW.test(l) && !l.startsWith('lsns: '));
  if (rows.length === 0 || rows.length < lines.length) return 0;
  // an escaped blank never appears in a table (blanks are printable there): this is `-r -n`
  if (rows.some((l) => l.includes('\\x20'))) return 0.3;
  return rows.length > 1 ? 0.85 : 0.7;
}

/**
 * How surely a parser reads the output of `argv`: high for its own flavour of lsns, low for
 * the other flavours, nothing for `--help`/`--version` or other commands.
 * `commandScore(['lsns', '-J'], 'json')` → 0.95; `commandScore(['lsns', '-J'], 'table')` → 0.05.
 */
export function commandScore(argv: readonly string[], flavour: 'table' | 'raw' | 'json'): number {
  if (!isLsnsCommand(argv)) return 0;
  const args = parseLsnsArgs(argv);
  if (args.info) return 0;
  const own = args.json ? 'json' : args.raw ? 'raw' : 'table';
  return own === flavour ? 0.95 : 0.05;
}
