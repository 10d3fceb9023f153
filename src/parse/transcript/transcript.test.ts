import { describe, expect, it } from 'vitest';
import { outputArgv, splitCommand, unwrap } from './argv.ts';
import { matchPrompt } from './prompt.ts';
import { splitTranscript } from './split.ts';
import { parseInputs } from '../index.ts';
import { detectTranscript } from './transcript.ts';

describe('matchPrompt', () => {
  it.each([
    ['$ lsns -p 1', 'lsns -p 1', undefined],
    ['# lsns', 'lsns', undefined],
    ['root@k8s-w1:~# lsns -p 2814', 'lsns -p 2814', 'k8s-w1'],
    ['[root@node1 ~]# crictl ps', 'crictl ps', 'node1'],
    ['(⎈|kind-kind:default) root@kind-worker:/# crictl pods', 'crictl pods', 'kind-worker'],
    [
      '➜  ~ kubectl exec myweb2 -c netshoot -- ip addr',
      'kubectl exec myweb2 -c netshoot -- ip addr',
      undefined,
    ],
    ['❯ ls -l /proc/1/ns', 'ls -l /proc/1/ns', undefined],
    ['/ # ps', 'ps', undefined],
    ['myweb2:~# ip addr', 'ip addr', 'myweb2'],
  ])('%s', (line, command, host) => {
    const m = matchPrompt(line);
    expect(m?.command).toBe(command);
    expect(m?.host).toBe(host);
  });

  it('does not take output lines for prompts', () => {
    expect(matchPrompt('# note: crictl not found')).toBeUndefined();
    expect(matchPrompt('4026531835 cgroup    120     1 root /sbin/init')).toBeUndefined();
    expect(matchPrompt('$ ')).toBeUndefined();
  });
});

describe('splitCommand and unwrap', () => {
  it('splits quotes and stops at pipes', () => {
    expect(splitCommand(`stat -L -c '%n %i' /proc/[0-9]*/ns/* 2>/dev/null`)).toMatchObject({
      argv: ['stat', '-L', '-c', '%n %i', '/proc/[0-9]*/ns/*'],
      piped: false,
    });
    expect(outputArgv('lsns -J | jq .')).toEqual({ argv: ['lsns', '-J'], piped: true });
    expect(outputArgv(`printf '%s\\n' /proc/[0-9]*/ns/* | xargs stat -L -c '%n %i'`)).toEqual({
      argv: ['stat', '-L', '-c', '%n %i', '/proc/[0-9]*/ns/*'],
      piped: false,
    });
  });

  it('removes wrappers and keeps what they say', () => {
    expect(unwrap(['sudo', 'nsenter', '-t', '2814', '-n', 'ip', 'addr'])).toEqual({
      argv: ['ip', 'addr'],
      pid: 2814,
      via: { tool: 'nsenter', target: '2814' },
    });
    expect(
      unwrap(['kubectl', 'exec', '-it', 'myweb2', '-c', 'netshoot', '--', 'ip', 'addr']),
    ).toEqual({
      argv: ['ip', 'addr'],
      via: { tool: 'kubectl', target: 'myweb2/netshoot' },
    });
    expect(unwrap(['crictl', 'exec', '-it', 'abc123', 'ps', '-ef'])).toEqual({
      argv: ['ps', '-ef'],
      via: { tool: 'crictl', target: 'abc123' },
    });
    expect(unwrap(['nsenter', '--target=42', '--net', '--', 'ip', '-j', 'a']).pid).toBe(42);
  });
});

describe('splitTranscript', () => {
  it('assigns nodes from prompts and containers after an interactive exec', () => {
    const lines = [
      'root@k8s-w1:~# lsns -p 2814',
      'output-a',
      'root@k8s-w1:~# kubectl exec -it myweb2 -c netshoot -- bash',
      'myweb2:~# ip addr',
      'output-b',
      'myweb2:~# exit',
      'root@k8s-w1:~# ls -l /proc/1/ns',
      'output-c',
    ];
    const blocks = splitTranscript(lines.join('\n'));
    expect(blocks.map((b) => [b.command, b.node, b.run.via?.target, b.promptLine])).toEqual([
      ['lsns -p 2814', 'k8s-w1', undefined, 1],
      ['kubectl exec -it myweb2 -c netshoot -- bash', 'k8s-w1', 'myweb2/netshoot', 3],
      ['ip addr', 'k8s-w1', 'myweb2/netshoot', 4],
      ['exit', 'k8s-w1', 'myweb2/netshoot', 6],
      ['ls -l /proc/1/ns', 'k8s-w1', undefined, 7],
    ]);
    expect(blocks[0]!.body).toBe('output-a');
  });

  it('keeps output as text, without comment lines and CRLF', () => {
    const blocks = splitTranscript('$ lsns\r\nrow 1\r\n# note: x\r\nrow 2\r\n$ ps\r\n');
    expect(blocks.map((b) => [b.command, b.body])).toEqual([
      ['lsns', 'row 1\nrow 2'],
      ['ps', ''],
    ]);
  });

  it('treats docker exec into a kind node as that node', () => {
    const blocks = splitTranscript(
      ['me@laptop:~$ docker exec -it kind-worker bash', 'root@kind-worker:/# lsns', 'x'].join('\n'),
    );
    expect(blocks[1]!.node).toBe('kind-worker');
    expect(blocks[1]!.run.via).toBeUndefined();
  });

  it('detects transcripts and recorder output', () => {
    expect(detectTranscript('# nsviz-record 1\n$ hostname\nnode\n')).toBe(1);
    expect(detectTranscript('root@k8s:~# lsns\n        NS TYPE\n')).toBeGreaterThan(0.9);
    expect(detectTranscript('        NS TYPE   NPROCS   PID USER COMMAND\n')).toBe(0);
  });
});

describe('node facts in transcripts', () => {
  const nodesOf = (text: string, node?: string) => {
    const { snapshot, issues } = parseInputs(
      [{ name: 't.txt', text }],
      node === undefined ? {} : { node },
    );
    return { nodes: snapshot.nodes, issues };
  };

  it('reads uname by its options: -a, -n, -r and combined letters', () => {
    const aLine =
      'Linux kind-worker 6.8.0-45-generic #45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux';
    expect(nodesOf(`$ uname -a\n${aLine}\n`).nodes).toEqual([
      { name: 'kind-worker', hostname: 'kind-worker', kernel: '6.8.0-45-generic' },
    ]);
    expect(nodesOf('$ uname -nr\nkind-worker 6.8.0-45-generic\n').nodes).toEqual([
      { name: 'kind-worker', hostname: 'kind-worker', kernel: '6.8.0-45-generic' },
    ]);
    expect(nodesOf('$ uname -r\n6.8.0-45-generic\n', 'w1')).toEqual({
      nodes: [{ name: 'w1', kernel: '6.8.0-45-generic' }],
      issues: [],
    });
  });

  it('does not take `hostname -I` for a node name', () => {
    const { nodes } = nodesOf(
      '$ hostname -I\n172.18.0.3 fc00:f853:ccd:e793::3\n$ uname -r\n6.8.0\n',
    );
    expect(nodes).toEqual([{ name: 'node', kernel: '6.8.0' }]);
  });

  it("accepts the recorder's pid_max step silently, and warns about other files", () => {
    const { issues } = nodesOf(
      '# nsviz-record 1\n$ hostname\nw1\n$ cat /proc/sys/kernel/pid_max\n4194304\n$ cat /etc/motd\nhello\n',
    );
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [6, 'skipped the output of `cat /etc/motd`: not a command whose output nsviz reads'],
    ]);
  });

  it('puts no facts of an unnamed session on a guessed node among several nodes', () => {
    const { snapshot } = parseInputs([
      { name: 'a.txt', text: 'root@a:~# uname -r\n6.1.0\n' },
      { name: 'b.txt', text: 'root@b:~# uname -r\n6.2.0\n' },
      { name: 'c.txt', text: '$ uname -r\n6.3.0\n' },
    ]);
    expect(snapshot.nodes).toEqual([
      { name: 'a', kernel: '6.1.0' },
      { name: 'b', kernel: '6.2.0' },
    ]);
  });
});
