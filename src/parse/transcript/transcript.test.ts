import { describe, expect, it } from 'vitest';
import { outputArgv, splitCommand, unwrap } from './argv.ts';
import { matchPrompt } from './prompt.ts';
import { splitTranscript } from './split.ts';
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
