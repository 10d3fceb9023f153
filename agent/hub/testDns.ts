/**
 * A tiny DNS server for the hub's tests: answers A queries for the names it is given (TTL 0)
 * and NXDOMAIN for any other, over UDP on 127.0.0.1. Enough for c-ares (`dns.Resolver`) to
 * exercise `--peers-dns` for real; nothing else of DNS.
 */
import { createSocket, type Socket } from 'node:dgram';

export interface TestDns {
  /** `127.0.0.1:PORT`, for `Resolver.setServers`. */
  server: string;
  /** Current answers: name → IPv4 addresses (change them between reads). */
  records: Map<string, string[]>;
  queries: string[];
  close(): Promise<void>;
}

export async function startTestDns(records: Record<string, string[]> = {}): Promise<TestDns> {
  const map = new Map(Object.entries(records));
  const queries: string[] = [];
  const sock: Socket = createSocket('udp4');
  sock.on('message', (msg, peer) => {
    if (msg.length < 12) return;
    // The question: labels up to a zero byte, then QTYPE and QCLASS.
    const labels: string[] = [];
    let i = 12;
    while (i < msg.length && msg[i] !== 0) {
      const len = msg[i]!;
      labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
      i += len + 1;
    }
    const qEnd = i + 5;
    const name = labels.join('.').toLowerCase();
    const qtype = msg.readUInt16BE(i + 1);
    queries.push(name);
    const ips = qtype === 1 ? map.get(name) : undefined;
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(ips === undefined ? 0x8183 : 0x8180, 2); // response, RD, RA, rcode
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(ips?.length ?? 0, 6);
    const answers = (ips ?? []).map((ip) => {
      const a = Buffer.alloc(16);
      a.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
      a.writeUInt16BE(1, 2); // A
      a.writeUInt16BE(1, 4); // IN
      a.writeUInt32BE(0, 6); // TTL
      a.writeUInt16BE(4, 10);
      ip.split('.').forEach((o, k) => a.writeUInt8(Number(o), 12 + k));
      return a;
    });
    sock.send(Buffer.concat([header, msg.subarray(12, qEnd), ...answers]), peer.port, peer.address);
  });
  await new Promise<void>((ok) => sock.bind(0, '127.0.0.1', () => ok()));
  return {
    server: `127.0.0.1:${sock.address().port}`,
    records: map,
    queries,
    close: () => new Promise<void>((ok) => sock.close(() => ok())),
  };
}
