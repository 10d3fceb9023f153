import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_FETCH_BYTES } from './fetchText.ts';
import { fixtureQuery, inputsQuery, sourceKeys, urlQuery } from './queries.ts';

const LSNS = `root@k8s:~# lsns -p 2814
        NS TYPE   NPROCS   PID USER  COMMAND
4026531834 time      196     1 root  /sbin/init
4026532264 net         6  2814 65535 /pause
`;

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

afterEach(() => vi.unstubAllGlobals());

describe('fixtureQuery', () => {
  it('loads a bundled fixture and finds its pod', async () => {
    const data = await client().fetchQuery(
      fixtureQuery({ id: 'myweb2', files: ['reconstructed/myweb2.txt'] }),
    );
    expect(data.inputs[0]?.text).toMatch(/^# nsviz fixture/);
    expect(data.summary.pods.map((p) => p.name)).toEqual(['default/myweb2']);
  });

  it('reports a listed file that is not bundled, and is keyed by id', async () => {
    const options = fixtureQuery({ id: 'gone', files: ['reconstructed/no-such-file.txt'] });
    expect(options.queryKey).toEqual(sourceKeys.fixture('gone'));
    const data = await client().fetchQuery(options);
    expect(data.warnings[0]).toMatchObject({
      source: 'reconstructed/no-such-file.txt',
      level: 'error',
      message: 'listed in the manifest but not bundled',
    });
  });
});

describe('inputsQuery', () => {
  it('parses pasted text under the import id, reporting progress', async () => {
    const phases: string[] = [];
    const options = inputsQuery('paste-1', [{ name: 'paste', text: LSNS }], (p) =>
      phases.push(p.phase),
    );
    expect(options.queryKey).toEqual(['source', 'inputs', 'paste-1']);
    const data = await client().fetchQuery(options);
    expect(data.snapshot.namespaces).toHaveLength(2);
    expect(phases).toEqual(['parsing', 'classifying', 'done']);
  });
});

describe('urlQuery', () => {
  const url = 'https://example.org/captures/node1.txt';

  it('fetches, names the input after the file, and parses', async () => {
    const fetch = vi.fn(async () => new Response(LSNS, { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const data = await client().fetchQuery(urlQuery(url));
    expect(data.names).toEqual(['node1.txt']);
    expect(data.snapshot.processes.map((p) => p.pid).sort()).toEqual([1, 2814]);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('says which HTTP status it got', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404, statusText: 'Not Found' }));
    await expect(client().fetchQuery(urlQuery(url))).rejects.toThrow(
      `Could not fetch ${url}: HTTP 404 Not Found`,
    );
  });

  it('refuses a body over the size limit, by Content-Length or while reading', async () => {
    const big = String(MAX_FETCH_BYTES + 1);
    vi.stubGlobal('fetch', async () => new Response('x', { headers: { 'content-length': big } }));
    await expect(client().fetchQuery(urlQuery(url))).rejects.toThrow(/too large.*64 MB limit/);

    const chunk = new Uint8Array(MAX_FETCH_BYTES / 4 + 1);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk);
      },
    });
    vi.stubGlobal('fetch', async () => new Response(stream));
    await expect(client().fetchQuery(urlQuery(url))).rejects.toThrow(/too large: over 64 MB/);
  });

  it('explains a network failure, and refuses other schemes without fetching', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client().fetchQuery(urlQuery(url))).rejects.toThrow(/CORS/);
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await expect(client().fetchQuery(urlQuery('file:///etc/passwd'))).rejects.toThrow(
      /Only http and https/,
    );
    expect(fetch).not.toHaveBeenCalled();
  });
});
