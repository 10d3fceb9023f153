import { FragmentBuilder } from '../../fragment.ts';
import { splitLines } from '../../text.ts';
import type { FormatParser, ParseContext, ParseResult } from '../../types.ts';
import { programOf } from './argv.ts';
import { Complaints, finishParse } from './complaints.ts';
import { attachInterfaces } from './interfaces.ts';
import { readIpJson } from './ip-json.ts';
import { InterfaceList, OPER_STATES, readIpLine } from './ip-text.ts';
import { headLines, isDigits, tokens } from './lines.ts';

const TEXT = 'ip-addr';
const JSON_FORMAT = 'ip-addr-json';
const EXPECTED =
  '`ip addr` output (`N: name: <FLAGS> …` then indented link/inet lines), `ip -o` or `ip -br`';

/**
 * Parses `ip addr` / `ip addr show DEV` / `ip link` text, `ip -o addr`, `ip -br addr|link`
 * and busybox `ip addr` into interfaces (lo included: the UI decides), stored by the
 * `netInterfaces` convention of `interfaces.ts`.
 *
 * `2: eth0@if2: <UP> mtu 1500\n    link/ether 02:42:0a:63:00:02 brd …\n    inet 10.99.0.2/24 …`
 * → `{ name: 'eth0', mac: '02:42:0a:63:00:02', addresses: ['10.99.0.2/24'] }`.
 */
export function parseIpText(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, TEXT);
  if (programOf(ctx.argv)?.multicall) b.tool = 'busybox ip';
  const complaints = new Complaints(b);
  const list = new InterfaceList();
  const state = {};
  let recognized = 0;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const r = readIpLine(raw, list, state);
    if (r === 'used') recognized++;
    else if (r === 'stderr') {
      b.warn(i + 1, `ip reported: ${raw.trim()}`);
      recognized++;
    } else if (r === 'error') complaints.error(i + 1, `expected ${EXPECTED}`, raw);
  }
  attachInterfaces(b, ctx, list.list());
  finishParse(b, complaints, recognized, text, EXPECTED);
  return b.result();
}

/** Parses `ip -j addr` and `ip -j -p addr` (see `readIpJson`), stored like `parseIpText`. */
export function parseIpJson(text: string, ctx: ParseContext): ParseResult {
  const b = new FragmentBuilder(ctx, JSON_FORMAT);
  if (text.trim() === '') {
    b.warn(1, 'empty input: expected ip -j JSON');
    return b.result();
  }
  const interfaces = readIpJson(text, b);
  if (interfaces !== undefined) attachInterfaces(b, ctx, interfaces);
  return b.result();
}

/** Head-only: `N: name:` headers, `-o` address lines, or `-br` lines. */
export function detectIpText(text: string): number {
  const lines = headLines(text, 6);
  let hits = 0;
  for (const l of lines) {
    const t = l.trim();
    const colon = t.indexOf(': ');
    if (colon > 0 && isDigits(t.slice(0, colon))) {
      const rest = t.slice(colon + 2);
      if (rest.includes('<') || rest.includes(' inet') || rest.includes('mtu ')) hits += 2;
    } else if (t.startsWith('link/') || t.startsWith('inet') || t.startsWith('valid_lft')) hits++;
    else if (OPER_STATES.has(tokens(t, 2)[1] ?? '')) hits++;
  }
  if (hits === 0) return 0;
  return hits >= lines.length ? 0.9 : 0.4;
}

/** Head-only: a JSON array whose first object has `ifindex` or `ifname`. */
export function detectIpJson(text: string): number {
  const h = text.slice(0, 4096).trimStart();
  if (!h.startsWith('[')) return 0;
  return h.includes('"ifname"') || h.includes('"ifindex"') ? 0.95 : 0;
}

/**
 * Reads an `ip` argv: options, then the object and its action.
 * `ipCommand(['ip', '-j', 'a'])` → `{ object: 'address', json: true, action: 'show' }`.
 */
export function ipCommand(
  argv: readonly string[],
): { object: 'address' | 'link'; json: boolean; action: string } | undefined {
  const program = programOf(argv);
  if (program?.name !== 'ip') return undefined;
  let json = false;
  let i = 0;
  const args = program.args;
  for (; i < args.length && (args[i] ?? '').startsWith('-'); i++) {
    const opt = (args[i] ?? '').replace(/^--?/, '');
    if (opt === 'j' || opt === 'json') json = true;
    // Options with a value: `-n NETNS`, `-f inet`, `-c auto`, `-b FILE`.
    if (['n', 'netns', 'f', 'family', 'b', 'batch', 'rc', 'rcvbuf'].includes(opt)) i++;
  }
  const word = args[i] ?? '';
  const object =
    word !== '' && 'address'.startsWith(word)
      ? 'address'
      : word !== '' && 'link'.startsWith(word)
        ? 'link'
        : undefined;
  if (object === undefined) return undefined;
  const action = args[i + 1] ?? 'show';
  return { object, json, action };
}

const SHOWS = ['show', 'list', 'lst', 'sh', 'ls', 's', 'l'];

function textForCommand(argv: readonly string[]): number {
  const cmd = ipCommand(argv);
  if (cmd === undefined || !SHOWS.includes(cmd.action)) return 0;
  if (cmd.json) return 0.1;
  return cmd.object === 'address' ? 0.95 : 0.8;
}

function jsonForCommand(argv: readonly string[]): number {
  const cmd = ipCommand(argv);
  if (cmd === undefined || !SHOWS.includes(cmd.action)) return 0;
  return cmd.json ? 0.95 : 0.05;
}

/** `ip addr` / `ip link` text, `-o`, `-br`, busybox: `ip-addr`. */
export const ipTextFormat: FormatParser = {
  id: TEXT,
  title: 'ip addr output',
  detect: (text) => detectIpText(text),
  parse: parseIpText,
  forCommand: textForCommand,
};

/** `ip -j addr`, `ip -j -p addr`: `ip-addr-json`. */
export const ipJsonFormat: FormatParser = {
  id: JSON_FORMAT,
  title: 'ip -j addr output',
  detect: (text) => detectIpJson(text),
  parse: parseIpJson,
  forCommand: jsonForCommand,
};
