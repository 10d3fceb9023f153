import type { NetInterface } from '../../../protocol/snapshot.ts';
import type { FragmentBuilder } from '../../fragment.ts';
import { InterfaceList, ifaceName, macOrUndefined } from './ip-text.ts';

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Where JSON.parse stopped, from its message (`position 12` or `line 2 column 3`). */
function errorLine(text: string, message: string): number {
  const lineCol = /line (\d+) column/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  return pos ? lineAt(text, Number(pos[1])) : 1;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads `ip -j addr` / `ip -j -p addr` / `ip -j link`: an array of
 * `{ ifname, address, addr_info: [{ family, local, prefixlen }] }`. Objects without `ifname`
 * (some iproute2 versions print `{}` for filtered-out links) are skipped quietly.
 * `[{"ifname":"eth0","address":"02:42:0a:63:00:02","addr_info":[{"family":"inet","local":"10.99.0.2","prefixlen":24}]}]`
 * → eth0 with that MAC and `10.99.0.2/24`.
 */
export function readIpJson(text: string, b: FragmentBuilder): NetInterface[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    b.error(errorLine(text, message), `expected ip -j JSON: ${message}`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    b.error(1, 'expected ip -j JSON: an array of interfaces');
    return undefined;
  }
  // Objects are reported by the line of their "ifname" key (one per interface, in order).
  let searchFrom = 0;
  const list = new InterfaceList();
  for (const item of value) {
    if (!isObject(item) || item.ifname === undefined) continue;
    const at = text.indexOf('"ifname"', searchFrom);
    searchFrom = at < 0 ? searchFrom : at + 1;
    const line = at < 0 ? 1 : lineAt(text, at);
    if (typeof item.ifname !== 'string' || item.ifname === '') {
      b.error(line, 'expected "ifname" to be a non-empty string');
      continue;
    }
    const row = list.get(ifaceName(item.ifname));
    const mac = typeof item.address === 'string' ? macOrUndefined(item.address) : undefined;
    if (mac !== undefined) row.mac = mac;
    const info = item.addr_info;
    if (info === undefined) continue;
    if (!Array.isArray(info)) {
      b.error(line, `expected "addr_info" of ${item.ifname} to be an array`);
      continue;
    }
    for (const a of info) {
      const family = isObject(a) ? a.family : undefined;
      if (!isObject(a) || (family !== 'inet' && family !== 'inet6')) continue; // e.g. AF_PACKET
      const { local, prefixlen } = a;
      if (
        typeof local !== 'string' ||
        typeof prefixlen !== 'number' ||
        !Number.isInteger(prefixlen)
      ) {
        b.error(line, `expected "local" and "prefixlen" in an address of ${item.ifname}`);
        continue;
      }
      list.addAddress(row, `${local}/${prefixlen}`);
    }
  }
  return list.list();
}
