// Samples under testdata/handmade/ are HAND-MADE after the crictl sources (no cluster here).
import { describe, expect, it } from 'vitest';
import { crictlPodsTable, crictlPsTable } from './crictl-tables.ts';
import { containerOf, HEX13, podOf, run, sample } from './test-helpers.ts';
import { cells, readHeader, rowByHeader } from './table.ts';

const PS = {
  'crictl-ps-1.0-alpha.txt': {
    tool: 'crictl 1.0-1.11',
    pods: false,
    podNames: false,
    ns: false,
    running: 'CONTAINER_RUNNING',
  },
  'crictl-ps-1.12.txt': {
    tool: 'crictl 1.12-1.14',
    pods: true,
    podNames: false,
    ns: false,
    running: 'Running',
  },
  'crictl-ps-1.15.txt': {
    tool: 'crictl 1.15-1.23',
    pods: true,
    podNames: false,
    ns: false,
    running: 'Running',
  },
  'crictl-ps-1.24.txt': {
    tool: 'crictl 1.24-1.31',
    pods: true,
    podNames: true,
    ns: false,
    running: 'Running',
  },
  'crictl-ps-1.32.txt': {
    tool: 'crictl 1.32+',
    pods: true,
    podNames: true,
    ns: true,
    running: 'Running',
  },
} as const;

describe('crictl ps table (hand-made samples)', () => {
  for (const [file, want] of Object.entries(PS)) {
    it(`reads ${file}`, () => {
      const text = sample(`handmade/${file}`);
      expect(crictlPsTable.detect(text, { source: file })).toBeGreaterThan(0.9);
      expect(crictlPodsTable.detect(text, { source: file })).toBe(0);
      const r = run(crictlPsTable, text);
      expect(r.issues).toEqual([]);
      expect(r.tool).toBe(want.tool);
      const ids = r.fragment.containers.map((c) => c.id);
      expect(ids).toHaveLength(6);
      expect(ids.every((id) => HEX13.test(id))).toBe(true);
      const nginx = containerOf(r, 'd5c21fa08945d');
      expect(nginx).toMatchObject({ name: 'nginx', state: want.running, image: '5493b00cd1064' });
      // Truncated pod ids stay as printed; the merge step matches them as prefixes.
      expect(nginx?.pod).toBe(want.pods ? 'ca7f3da2be744' : undefined);
      expect(r.fragment.pods).toHaveLength(want.pods ? 4 : 0);
      if (want.pods) {
        const web = podOf(r, 'ca7f3da2be744');
        expect(web?.name).toBe(want.podNames ? 'web' : undefined);
        expect(web?.namespace).toBe(want.ns ? 'default' : undefined);
        expect(web?.sandboxId).toBe('ca7f3da2be744');
      }
      expect(containerOf(r, 'e792ccc843eb2')?.state).toMatch(/^(Exited|CONTAINER_EXITED)$/);
    });
  }

  it('keeps full ids from --no-trunc output', () => {
    const r = run(crictlPsTable, sample('handmade/crictl-ps-1.32-no-trunc.txt'));
    expect(r.issues).toEqual([]);
    expect(r.fragment.containers[0]?.id).toHaveLength(64);
    expect(r.fragment.containers[0]?.pod).toHaveLength(64);
    expect(r.fragment.containers[0]?.image).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('skips crictl log lines and warns about rows without an id', () => {
    const text =
      sample('handmade/crictl-ps-1.24.txt') +
      'E1128 06:00:00.000000   123 remote_runtime.go:1] oops\nnot a row\n';
    const r = run(crictlPsTable, text);
    expect(r.fragment.containers).toHaveLength(6);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ level: 'warning', line: 10 });
  });

  it('places cells by header offset when a cell is empty', () => {
    const h =
      'CONTAINER           IMAGE               CREATED             STATE               NAME                ATTEMPT             POD ID              POD';
    const row =
      'd5c21fa08945d       5493b00cd1064       2 hours ago         Running             nginx               0                   ca7f3da2be744       ';
    const r = run(crictlPsTable, `${h}\n${row}\n`);
    expect(r.fragment.containers[0]).toMatchObject({
      id: 'd5c21fa08945d',
      pod: 'ca7f3da2be744',
      state: 'Running',
    });
    expect(r.fragment.pods[0]?.name).toBeUndefined();
    const gap =
      'd5c21fa08945d                           2 hours ago         Running             nginx               0                   ca7f3da2be744       web';
    expect(run(crictlPsTable, `${h}\n${gap}\n`).fragment.containers[0]?.image).toBeUndefined();
  });

  it('routes crictl ps commands', () => {
    expect(crictlPsTable.forCommand?.(['crictl', 'ps', '-a'])).toBe(1);
    expect(
      crictlPsTable.forCommand?.([
        '/usr/local/bin/crictl',
        '-r',
        'unix:///run/containerd/containerd.sock',
        'ps',
      ]),
    ).toBe(1);
    expect(crictlPsTable.forCommand?.(['crictl', 'ps', '-o', 'json'])).toBe(0);
    expect(crictlPsTable.forCommand?.(['crictl', 'pods'])).toBe(0);
    expect(crictlPsTable.forCommand?.(['crictl', 'ps', '-q'])).toBeLessThan(0.5);
  });
});

const PODS = {
  'crictl-pods-1.0-alpha.txt': { tool: 'crictl 1.0 alpha', ready: 'SANDBOX_READY' },
  'crictl-pods-1.0-beta0.txt': { tool: 'crictl 1.0 beta.0', ready: 'SANDBOX_READY' },
  'crictl-pods-1.11.txt': { tool: 'crictl 1.0-1.18', ready: 'Ready' },
  'crictl-pods-1.19.txt': { tool: 'crictl 1.19+', ready: 'Ready' },
} as const;

describe('crictl pods table (hand-made samples)', () => {
  for (const [file, want] of Object.entries(PODS)) {
    it(`reads ${file}`, () => {
      const text = sample(`handmade/${file}`);
      expect(crictlPodsTable.detect(text, { source: file })).toBeGreaterThan(0.9);
      expect(crictlPsTable.detect(text, { source: file })).toBe(0);
      const r = run(crictlPodsTable, text);
      expect(r.issues).toEqual([]);
      expect(r.tool).toBe(want.tool);
      expect(r.fragment.pods.map((p) => [p.key, p.name, p.namespace])).toEqual([
        ['ca7f3da2be744', 'web', 'default'],
        ['97f2a9ab8d668', 'coredns-5d78c9869d-x7k2p', 'kube-system'],
        ['fa3fbf64952ad', 'kube-proxy-8vq4n', 'kube-system'],
        ['5e93ddc078dfe', 'old-job-28391-abcde', 'default'],
      ]);
      // Each pod's id is its sandbox container.
      expect(containerOf(r, 'ca7f3da2be744')).toMatchObject({
        sandbox: true,
        pod: 'ca7f3da2be744',
        state: want.ready,
      });
    });
  }

  it('routes crictl pods commands', () => {
    expect(crictlPodsTable.forCommand?.(['crictl', 'pods'])).toBe(1);
    expect(crictlPodsTable.forCommand?.(['crictl', 'pods', '--output=json'])).toBe(0);
  });
});

describe('table cells', () => {
  it('joins single-spaced words and splits on runs of spaces or tabs', () => {
    expect(cells('POD ID   CREATED\tSTATE').map((c) => c.text)).toEqual([
      'POD ID',
      'CREATED',
      'STATE',
    ]);
    const h = readHeader('A      B      C');
    expect([...rowByHeader('x             z', h)]).toEqual([
      ['A', 'x'],
      ['C', 'z'],
    ]);
  });
});
