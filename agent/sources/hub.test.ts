import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../src/model/classify.ts';
import { recordingSnapshot } from '../hub/fixtures.ts';
import { startTestAgent, type TestAgent } from '../hub/testAgent.ts';
import { startTestDns } from '../hub/testDns.ts';
import { createHub, hubSources, parseDnsTarget, type HubOptions } from './hub.ts';

const live = () => new AbortController().signal;
let agents: TestAgent[] = [];
afterEach(async () => {
  await Promise.all(agents.map((a) => a.close()));
  agents = [];
});

async function threeAgents(token?: string): Promise<TestAgent[]> {
  const specs = [
    ['unshare-default', 'node-a'],
    ['podman-default', 'node-b'],
    ['unshare-sharepid', 'node-c'],
  ] as const;
  agents = await Promise.all(
    specs.map(([v, n]) =>
      startTestAgent({ snapshot: recordingSnapshot(v, n), ...(token ? { token } : {}) }),
    ),
  );
  return agents;
}

/** A clock the test moves, for the retry backoff. */
function clock(start = Date.parse('2025-01-01T00:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('hubSources', () => {
  it('offers nothing without peers and one hub source with them', () => {
    expect(hubSources({ peers: [] })).toEqual([]);
    const [hub, ...rest] = hubSources({ peers: ['10.0.0.2:8080', 'http://10.0.0.3:8080/'] });
    expect(rest).toEqual([]);
    expect(hub).toMatchObject({
      id: 'cluster',
      kind: 'hub',
      title: 'cluster (10.0.0.2:8080, 10.0.0.3:8080)',
    });
    expect(hubSources({ peers: [], peersDns: 'nsviz-agent.nsviz.svc' })[0]?.title).toBe(
      'cluster (DNS nsviz-agent.nsviz.svc)',
    );
  });

  it('refuses peer URLs and DNS names that cannot work', () => {
    expect(() => hubSources({ peers: ['ftp://x'] })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => hubSources({ peers: ['http://'] })).toThrow(/not a peer URL/);
    expect(() => parseDnsTarget('10.0.0.1')).toThrow(/DNS name/);
    expect(() => parseDnsTarget('a b')).toThrow(/DNS name/);
    expect(parseDnsTarget('agents.ns.svc.cluster.local.:9000')).toEqual({
      name: 'agents.ns.svc.cluster.local',
      port: 9000,
    });
    expect(parseDnsTarget('agents')).toEqual({ name: 'agents', port: 8080 });
  });
});

describe('the hub', () => {
  it('merges three agents into one snapshot keyed by node, with the token', async () => {
    const [a, b, c] = await threeAgents('s3cret');
    const hub = createHub({ peers: [a!.url, b!.url, c!.url], token: 's3cret' });
    const { snapshot, warnings } = await hub.read(live());
    expect(warnings).toEqual([]);
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['node-a', 'node-b', 'node-c']);
    const per = (node: string) => snapshot.processes.filter((p) => p.node === node).length;
    const want = (v: Parameters<typeof recordingSnapshot>[0]) =>
      recordingSnapshot(v, 'x').processes.length;
    expect([per('node-a'), per('node-b'), per('node-c')]).toEqual([
      want('unshare-default'),
      want('podman-default'),
      want('unshare-sharepid'),
    ]);
    const pods = classify(snapshot).pods;
    expect(pods.map((p) => p.node)).toEqual(['node-a', 'node-b', 'node-c']);
    for (const pod of pods)
      for (const ctr of pod.containers)
        expect(ctr.namespaces.net?.scope, `${pod.node} ${ctr.id}`).toBe('pod');
    expect(a!.log).toEqual(['GET /api/sources 200', 'GET /api/snapshot?source=live 200']);
    expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'live', 'live']);
  });

  it('revalidates with the ETag and reuses the merged snapshot while nothing changed', async () => {
    const [a, b] = await threeAgents();
    const hub = createHub({ peers: [a!.url, b!.url] });
    const first = await hub.read(live());
    const second = await hub.read(live());
    expect(a!.log.at(-1)).toBe('GET /api/snapshot?source=live 304');
    expect(second.snapshot.processes).toBe(first.snapshot.processes);
    b!.set(recordingSnapshot('podman-hostnet', 'node-b'));
    const third = await hub.read(live());
    expect(b!.log.at(-1)).toBe('GET /api/snapshot?source=live 200');
    expect(third.snapshot.processes).not.toBe(first.snapshot.processes);
  });

  it('says when the token is missing or wrong', async () => {
    const [a] = await threeAgents('right');
    const none = await createHub({ peers: [a!.url] })
      .read(live())
      .catch((e: Error) => e.message);
    expect(none).toBe(
      `no peer has answered yet (${a!.url}: answered HTTP 401 (the peer wants a token: give the hub --token): token required)`,
    );
    const wrong = await createHub({ peers: [a!.url], token: 'wrong' })
      .read(live())
      .catch((e: Error) => e.message);
    expect(wrong).toMatch(/the peer rejected the token/);
  });

  it('keeps serving when a peer dies, with its last good data marked stale', async () => {
    const [a, b, c] = await threeAgents();
    const t = clock();
    const hub = createHub({ peers: [a!.url, b!.url, c!.url], now: t.now });
    await hub.read(live());
    const before = new Date(t.now()).toISOString();
    t.advance(5000);
    await b!.close();
    const { snapshot, warnings } = await hub.read(live());
    expect(snapshot.nodes.map((n) => n.name)).toEqual(['node-a', 'node-b', 'node-c']);
    expect(snapshot.processes.filter((p) => p.node === 'node-b')).toHaveLength(15);
    expect(warnings).toEqual([
      `peer ${b!.url} (node node-b) is stale: connection refused (ECONNREFUSED); showing its last good data, from ${before}`,
    ]);
    expect(snapshot.warnings.at(-1)).toEqual({ source: `hub:${b!.url}`, message: warnings[0] });
    expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'stale', 'live']);

    // Within the backoff the dead peer is not asked again; after it, it is.
    const port = Number(new URL(b!.url).port);
    agents[1] = await startTestAgent({
      port,
      snapshot: recordingSnapshot('podman-default', 'node-b'),
    });
    t.advance(500);
    expect((await hub.read(live())).warnings).toHaveLength(1);
    expect(agents[1].log).toEqual([]);
    t.advance(1000);
    expect((await hub.read(live())).warnings).toEqual([]);
    expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'live', 'live']);
  });

  it('does not wait for a slow peer longer than waitMs', async () => {
    const [a, b] = await threeAgents();
    const hub = createHub({ peers: [a!.url, b!.url], waitMs: 300, timeoutMs: 5000 });
    await hub.read(live());
    b!.delayMs = 1500;
    b!.set(recordingSnapshot('podman-hostnet', 'node-b'));
    const t0 = performance.now();
    const slow = await hub.read(live());
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(slow.warnings[0]).toMatch(/\(node node-b\) is stale: no answer within 0.3 s; showing/);
    // The request goes on in the background and the next read has its answer.
    await new Promise((r) => setTimeout(r, 1500));
    expect(hub.peerStatus().map((p) => p.status)).toEqual(['live', 'live']);
    b!.delayMs = 0;
    const after = await hub.read(live());
    expect(after.warnings).toEqual([]);
    const ctr = (s: typeof after.snapshot) => s.containers.filter((c) => c.node === 'node-b');
    expect(ctr(after.snapshot)).toEqual(ctr(recordingSnapshot('podman-hostnet', 'node-b')));
  });

  it('times out a peer that never answers, and rejects when no peer ever answered', async () => {
    const [a] = await threeAgents();
    a!.delayMs = 5000;
    const hub = createHub({ peers: [a!.url], waitMs: 2000, timeoutMs: 200 });
    await expect(hub.read(live())).rejects.toThrow(
      `no peer has answered yet (${a!.url}: no answer within 0.2 s)`,
    );
  });

  it('refuses unusable and oversized answers', async () => {
    const [a, b] = await threeAgents();
    const hub = createHub({ peers: [a!.url, b!.url], maxBytes: 20_000 });
    a!.set('{"schema": "nsviz/snapshot@1", "processes": 7}');
    b!.failWith = 500;
    const e = await hub.read(live()).catch((x: Error) => x.message);
    expect(e).toMatch(new RegExp(`${a!.url}: answered with an unusable snapshot: `));
    expect(e).toMatch(new RegExp(`${b!.url}: answered HTTP 500: broken on purpose`));
    a!.set({
      ...recordingSnapshot('unshare-default', 'node-a'),
      warnings: Array(500).fill({ message: 'x'.repeat(50) }),
    });
    const big = createHub({ peers: [a!.url], maxBytes: 20_000 });
    await expect(big.read(live())).rejects.toThrow(
      /answered with (more than )?\d+(\.\d)? KB; the limit/,
    );
  });

  it('warns when two peers report the same node', async () => {
    const [a, b] = await threeAgents();
    b!.set(recordingSnapshot('podman-default', 'node-a'));
    const { warnings } = await createHub({ peers: [a!.url, b!.url] }).read(live());
    expect(warnings).toEqual([
      `peers ${a!.url} and ${b!.url} both report node node-a; their rows are merged as one node (start each agent with its own node name)`,
    ]);
  });

  it('finds peers in DNS on every read, and lets one that left fade out', async () => {
    const [a] = await threeAgents();
    const port = new URL(a!.url).port;
    let records: string[] | Error = ['127.0.0.1'];
    const t = clock();
    const opts: HubOptions = {
      peers: [],
      peersDns: `nsviz-agent.nsviz.svc:${port}`,
      now: t.now,
      forgetAfterMs: 60_000,
      resolve4: async (name) => {
        expect(name).toBe('nsviz-agent.nsviz.svc');
        if (records instanceof Error) throw records;
        return records;
      },
    };
    const hub = createHub(opts);
    const first = await hub.read(live());
    expect(first.snapshot.nodes.map((n) => n.name)).toEqual(['node-a']);
    expect(hub.peerStatus()[0]).toMatchObject({
      url: `http://127.0.0.1:${port}`,
      via: 'nsviz-agent.nsviz.svc',
    });

    records = Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
    expect((await hub.read(live())).warnings).toEqual([
      'DNS nsviz-agent.nsviz.svc: ETIMEOUT; using the last known peers',
    ]);

    records = [];
    t.advance(1000);
    const gone = await hub.read(live());
    expect(gone.warnings[0]).toMatch(/is stale: no longer in DNS nsviz-agent.nsviz.svc; showing/);
    t.advance(60_000);
    await expect(hub.read(live())).rejects.toThrow('no peers');
  });

  it('resolves --peers-dns over real DNS on every read: agents come and go', async () => {
    const snap = (n: string) => recordingSnapshot('unshare-default', n);
    const first = await startTestAgent({ host: '127.0.0.1', snapshot: snap('node-1') });
    const port = Number(new URL(first.url).port);
    agents = [first];
    agents.push(await startTestAgent({ host: '127.0.0.2', port, snapshot: snap('node-2') }));
    const name = 'nsviz-agent.nsviz.svc.cluster.local';
    const dns = await startTestDns({ [name]: ['127.0.0.1'] });
    try {
      const t = clock();
      const hub = createHub({
        peers: [],
        peersDns: `${name}:${port}`,
        dnsServers: [dns.server],
        now: t.now,
        forgetAfterMs: 60_000,
      });
      expect(nodesOf((await hub.read(live())).snapshot)).toEqual(['node-1']);
      dns.records.set(name, ['127.0.0.2', '127.0.0.1']);
      expect(nodesOf((await hub.read(live())).snapshot)).toEqual(['node-1', 'node-2']);
      expect(hub.peerStatus().map((p) => p.url)).toEqual([
        `http://127.0.0.1:${port}`,
        `http://127.0.0.2:${port}`,
      ]);
      dns.records.delete(name);
      t.advance(1000);
      const gone = await hub.read(live());
      expect(gone.warnings[0]).toBe(`DNS ${name}: no A records (ENOTFOUND)`);
      expect(gone.warnings.slice(1).every((w) => /is stale: no longer in DNS/.test(w))).toBe(true);
      expect(dns.queries.filter((q) => q === name)).toHaveLength(3);
    } finally {
      await dns.close();
    }
  });
});

const nodesOf = (s: { nodes: { name: string }[] }) => s.nodes.map((n) => n.name);
