import type { NetInterface } from '../../../protocol/snapshot.ts';
import { isBlank, isDigits, stripAnsi, tokens } from './lines.ts';

/** `ip -br` operational states: the second word of a brief line. */
export const OPER_STATES = new Set([
  'UP',
  'DOWN',
  'UNKNOWN',
  'DORMANT',
  'LOWERLAYERDOWN',
  'NOTPRESENT',
  'TESTING',
]);

/**
 * A link-layer address worth keeping: six hex bytes, not all zero (loopback and tunnels print
 * zeros or none). `macOrUndefined('02:42:0A:63:00:02')` → `'02:42:0a:63:00:02'`.
 */
export function macOrUndefined(text: string | undefined): string | undefined {
  if (text === undefined || text.length !== 17) return undefined;
  let nonzero = false;
  for (let i = 0; i < 17; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (i % 3 === 2) {
      if (text[i] !== ':') return undefined;
    } else if ((c >= 48 && c <= 57) || (c >= 97 && c <= 102)) {
      if (text[i] !== '0') nonzero = true;
    } else return undefined;
  }
  return nonzero ? text.toLowerCase() : undefined;
}

/** `eth0@if5` → `eth0`: the `@` part names the peer or lower device, not this interface. */
export function ifaceName(text: string): string {
  const at = text.indexOf('@');
  return at > 0 ? text.slice(0, at) : text;
}

/** Collects interfaces in first-seen order, merging repeated mentions (`ip -o` repeats names). */
export class InterfaceList {
  private readonly byName = new Map<string, NetInterface>();

  get(name: string): NetInterface {
    let row = this.byName.get(name);
    if (row === undefined) {
      row = { name, addresses: [] };
      this.byName.set(name, row);
    }
    return row;
  }

  addAddress(row: NetInterface, cidr: string): void {
    if (!row.addresses.includes(cidr)) row.addresses.push(cidr);
  }

  list(): NetInterface[] {
    return [...this.byName.values()];
  }
}

/** What one line of `ip addr` text meant. */
export type IpLineResult = 'used' | 'ignored' | 'error' | 'stderr';

/**
 * Reads `ip addr` / `ip link` text (full and busybox), `ip -o` (segments joined by `\`) and
 * `ip -br addr|link`, one line at a time. The caller keeps `state` between lines.
 * `2: eth0@if2: <…>` starts interface eth0; `    inet 10.99.0.2/24 …` adds an address.
 */
export function readIpLine(
  raw: string,
  list: InterfaceList,
  state: { current?: NetInterface },
): IpLineResult {
  const line = stripAnsi(raw);
  const t = line.trim();
  if (t === '') return 'ignored';
  if (/^(RTNETLINK answers|Error:|Device "|Command ")/.test(t) || t.startsWith('ip:'))
    return 'stderr';
  // `ip -o`: `2: eth0    inet 10.99.0.2/24 … \       valid_lft …`
  const segments = t.includes('\\') ? t.split('\\') : [t];
  let result: IpLineResult = 'ignored';
  for (let s = 0; s < segments.length; s++) {
    const seg = s === 0 ? segments[s]! : `    ${segments[s]!}`;
    const r = readSegment(seg, s > 0 || isBlank(line.charCodeAt(0)), list, state);
    if (r === 'error' && s === 0) return 'error';
    if (r === 'used') result = 'used';
  }
  return result;
}

/** First words of detail lines and of header lines that a book or blog re-wrapped. */
const DETAIL_WORDS = new Set([
  'state',
  'mtu',
  'qdisc',
  'group',
  'qlen',
  'brd',
  'link-netnsid',
  'link-netns',
  'valid_lft',
  'preferred_lft',
  'altname',
  'scope',
]);

function readSegment(
  seg: string,
  indented: boolean,
  list: InterfaceList,
  state: { current?: NetInterface },
): IpLineResult {
  const t = seg.trim();
  const colon = t.indexOf(': ');
  if (colon > 0 && colon <= 10 && isDigits(t.slice(0, colon))) {
    // `N: name: <FLAGS> …` or, with -o, `N: name    inet …`.
    const after = t.slice(colon + 2);
    let end = 0;
    while (end < after.length && after[end] !== ':' && !isBlank(after.charCodeAt(end))) end++;
    if (end === 0) return 'error';
    state.current = list.get(ifaceName(after.slice(0, end)));
    const more = after.slice(end + 1).trim();
    return more.startsWith('inet') ? readDetail(more, list, state.current) : 'used';
  }
  const words = tokens(t, 3);
  const first = words[0] ?? '';
  if (!indented && words.length >= 2 && OPER_STATES.has(words[1]!) && !DETAIL_WORDS.has(first)) {
    // `ip -br`: `eth0@if2   UP   10.99.0.2/24 fe80::1/64` or `eth0 UP 02:42:… <FLAGS>`
    const row = list.get(ifaceName(first));
    state.current = row;
    for (const w of tokens(t).slice(2)) {
      const mac = macOrUndefined(w);
      if (w.includes('/')) list.addAddress(row, w);
      else if (mac !== undefined) row.mac = mac;
    }
    return 'used';
  }
  if (state.current === undefined) return 'error';
  if (
    indented ||
    first.startsWith('link/') ||
    first.startsWith('inet') ||
    DETAIL_WORDS.has(first)
  ) {
    return readDetail(t, list, state.current);
  }
  return 'error';
}

/** An indented detail line of the current interface: `link/…`, `inet`, `inet6`; others ignored. */
function readDetail(t: string, list: InterfaceList, row: NetInterface): IpLineResult {
  if (t.startsWith('link/')) {
    const mac = macOrUndefined(tokens(t, 2)[1]);
    if (mac !== undefined) row.mac = mac;
    return 'used';
  }
  if (t.startsWith('inet ') || t.startsWith('inet6 ')) {
    const words = tokens(t, 4);
    const local = words[1] ?? '';
    // Point-to-point: `inet 10.0.0.1 peer 10.0.0.2/32`: the prefix is printed on the peer.
    const peer = words[2] === 'peer' ? (words[3] ?? '') : '';
    const slash = peer.indexOf('/');
    const cidr = local.includes('/') ? local : slash > 0 ? `${local}${peer.slice(slash)}` : local;
    if (cidr !== '') list.addAddress(row, cidr);
    return 'used';
  }
  return 'ignored';
}
