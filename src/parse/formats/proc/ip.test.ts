import { describe, expect, it } from 'vitest';
import { netInterfacesOf, unplacedInterfaces } from './interfaces.ts';
import {
  detectIpJson,
  detectIpText,
  ipCommand,
  ipJsonFormat,
  ipTextFormat,
  parseIpJson,
  parseIpText,
} from './ip.ts';
import { macOrUndefined } from './ip-text.ts';
import { readTestdata } from './test-helpers.ts';

const ctx = (extra: object = {}) => ({ source: 't', argv: ['ip', 'addr'], ...extra });

describe('ip addr text (hand-made sample)', () => {
  it('link-netns, altname, point-to-point peer, vlan with @lower device', () => {
    const r = parseIpText(readTestdata('handmade/ip-addr-peer.txt'), ctx({ pid: 2814 }));
    expect(r.issues).toEqual([]);
    expect(netInterfacesOf(r.fragment.processes[0]!)).toEqual([
      { name: 'lo', addresses: ['127.0.0.1/8'] },
      { name: 'eth0', mac: '9e:35:b6:1a:4f:a7', addresses: ['10.244.1.6/24'] },
      { name: 'tun0', addresses: ['10.8.0.1/32'] },
      { name: 'eth0.100', mac: '9e:35:b6:1a:4f:a7', addresses: ['fd00:100::6/64'] },
    ]);
  });

  it('without a PID the interfaces wait on the fragment with the exec wrapper', () => {
    const via = { tool: 'kubectl' as const, target: 'myweb2 -c netshoot' };
    const r = parseIpText(readTestdata('handmade/ip-addr-peer.txt'), ctx({ via }));
    expect(r.fragment.processes).toEqual([]);
    expect(r.fragment.namespaces).toEqual([]);
    expect(r.issues).toEqual([]);
    const waiting = unplacedInterfaces(r.fragment);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.via).toEqual(via);
    expect(waiting[0]?.interfaces.map((i) => i.name)).toEqual(['lo', 'eth0', 'tun0', 'eth0.100']);
  });

  it('a re-wrapped header line (books, blogs) is tolerated; junk before any interface is an error', () => {
    const text = [
      '2: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue',
      'state UP group default',
      '    link/ether 9e:35:b6:1a:4f:a7 brd ff:ff:ff:ff:ff:ff',
      '    inet 10.244.1.6/24 scope global eth0',
    ].join('\n');
    const ok = parseIpText(text, ctx({ pid: 1 }));
    expect(ok.issues).toEqual([]);
    expect(netInterfacesOf(ok.fragment.processes[0]!)?.[0]?.addresses).toEqual(['10.244.1.6/24']);
    const bad = parseIpText('hello world\n    inet 1.2.3.4/8\n', ctx({ pid: 1 }));
    expect(bad.issues.map((i) => [i.level, i.line])).toEqual([
      ['error', 1],
      ['error', 2],
    ]);
  });

  it('ip errors are warnings', () => {
    const r = parseIpText('Device "eth9" does not exist.\n', ctx({ pid: 1 }));
    expect(r.issues).toMatchObject([{ level: 'warning', line: 1 }]);
  });

  it('macOrUndefined', () => {
    expect(macOrUndefined('9E:35:B6:1A:4F:A7')).toBe('9e:35:b6:1a:4f:a7');
    expect(macOrUndefined('00:00:00:00:00:00')).toBeUndefined();
    expect(macOrUndefined('0.0.0.0')).toBeUndefined();
    expect(macOrUndefined('zz:35:b6:1a:4f:a7')).toBeUndefined();
  });
});

describe('ip -j addr', () => {
  it('invalid JSON names the line where parsing stopped', () => {
    const r = parseIpJson('[\n  {"ifname": "lo",\n  oops\n]', ctx({ pid: 1 }));
    expect(r.issues).toMatchObject([{ level: 'error', line: 3 }]);
  });

  it('wrong shapes are errors on the line of the interface; empty objects are skipped', () => {
    const text =
      '[{},\n{"ifname": 7},\n{"ifname": "eth0", "addr_info": {}},\n{"ifname": "eth1", "addr_info": [{"family": "inet", "local": 5}]}]';
    const r = parseIpJson(text, ctx({ pid: 1 }));
    expect(r.issues.map((i) => [i.level, i.line])).toEqual([
      ['error', 2],
      ['error', 3],
      ['error', 4],
    ]);
    expect(parseIpJson('{"a": 1}', ctx()).issues).toMatchObject([{ level: 'error', line: 1 }]);
  });
});

describe('ip detection and routing', () => {
  it('detect', () => {
    expect(detectIpText(readTestdata('handmade/ip-addr-peer.txt'))).toBeGreaterThan(0.8);
    expect(detectIpText('lo UNKNOWN 127.0.0.1/8\n')).toBeGreaterThan(0.8);
    expect(detectIpText('PID USER\n')).toBe(0);
    expect(detectIpJson('[{"ifindex":1,"ifname":"lo"}]')).toBeGreaterThan(0.9);
    expect(detectIpJson('[{"id":"x"}]')).toBe(0);
  });

  it('forCommand', () => {
    expect(ipTextFormat.forCommand?.(['ip', 'a'])).toBeGreaterThan(0.9);
    expect(ipTextFormat.forCommand?.(['ip', 'addr', 'show', 'eth0'])).toBeGreaterThan(0.9);
    expect(ipTextFormat.forCommand?.(['ip', '-br', 'link'])).toBeGreaterThan(0.5);
    expect(ipTextFormat.forCommand?.(['ip', 'addr', 'add', '10.0.0.1/24', 'dev', 'eth0'])).toBe(0);
    expect(ipJsonFormat.forCommand?.(['ip', '-j', 'addr'])).toBeGreaterThan(0.9);
    expect(ipJsonFormat.forCommand?.(['ip', '-j', '-p', 'addr'])).toBeGreaterThan(0.9);
    expect(ipJsonFormat.forCommand?.(['ip', 'addr'])).toBeLessThan(0.5);
    expect(ipTextFormat.forCommand?.(['ip', '-j', 'addr'])).toBeLessThan(0.5);
    expect(ipCommand(['ip', '-n', 'cni-1', 'a'])).toEqual({
      object: 'address',
      json: false,
      action: 'show',
    });
    expect(ipCommand(['ip', 'route'])).toBeUndefined();
  });
});
