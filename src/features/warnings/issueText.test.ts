import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInputs, type InputText } from '../../parse/index.ts';
import { readIssue } from './issueText.ts';
import { warningText } from './messages.ts';

/** The issues the real parser gives for one input: the sentences the UI has to show. */
function issuesOf(input: InputText): string[] {
  return parseInputs([input]).issues.map((i) => i.message);
}

const ko = warningText.ko.issue;
const en = warningText.en.issue;
const HANGUL = /[\uac00-\ud7a3]/;
/** English framing that must not be left in a Korean sentence. */
const ENGLISH_FRAME =
  /\b(expected|found|got|unknown format|the input|looks like|reported|skipped|namespaces kept|read inside|not recorded)\b/;

describe('readIssue on what the parser says', () => {
  const cases: [string, InputText, string][] = [
    ['empty input', { name: 'empty.txt', text: '' }, 'empty'],
    ['binary input', { name: 'bin.dat', text: 'ab\0\0\0cd' }, 'binary'],
    ['unknown format', { name: 'paste', text: 'hello world\nsecond\n' }, 'unknown-format'],
    [
      'a file in a folder nsviz does not read',
      { name: 'notes.txt', text: 'hello\n', optional: true },
      'skipped',
    ],
    ['broken JSON', { name: 'b.json', text: '{"namespaces": [ {"ns": 1,' }, 'invalid-json'],
    [
      'a bad lsns row',
      {
        name: 'lsns.txt',
        text: '        NS TYPE   NPROCS   PID USER COMMAND\n4026531835 cgroup 1 1 root init\nzzz\n',
      },
      'expected',
    ],
    [
      'a bad ps row',
      { name: 'ps.txt', text: '  PID  PPID CMD\n    1     0 init\n  abc   1 x\n' },
      'expected',
    ],
    [
      'a snapshot with a wrong type',
      {
        name: 's.json',
        text: '{"schema":"nsviz/snapshot@1","processes":[{"node":"n","pid":"x"}]}',
      },
      'expected',
    ],
    [
      'a command that failed',
      { name: 'l.txt', text: '$ lsns\nlsns: cannot open /proc: Permission denied\n' },
      'reported',
    ],
  ];
  for (const [what, input, code] of cases) {
    it(`${what}: ${code}, in Korean without English framing`, () => {
      const messages = issuesOf(input);
      const read = messages.map(readIssue);
      expect(read.map((r) => r.code)).toContain(code);
      for (const r of read.filter((x) => x.code === code)) {
        expect(en(r)).toBe(r.message);
        const text = ko(r);
        expect(text).toMatch(HANGUL);
        expect(text).not.toMatch(ENGLISH_FRAME);
      }
    });
  }

  it('the bundled myweb2 warning (processes read inside kubectl exec)', () => {
    const text = readFileSync(
      new URL('../../../fixtures/reconstructed/myweb2.txt', import.meta.url),
      'utf8',
    );
    const [message] = issuesOf({ name: 'myweb2.txt', text });
    const read = readIssue(message!);
    expect(read).toMatchObject({
      code: 'inside-wrapper',
      subject: { processes: '3' },
      how: 'kubectl exec',
      target: 'myweb2/myweb2-netshoot',
    });
    expect(ko(read)).toBe(
      '프로세스 3개는 kubectl exec myweb2/myweb2-netshoot 안에서 읽었습니다. 그 안의 /proc은 다른 pid 네임스페이스를 보여 줄 수 있어 노드의 프로세스로 기록하지 않았습니다.',
    );
  });
});

describe('readIssue parts', () => {
  it('keeps what was expected and found as they were, and the place before them', () => {
    const r = readIssue('processes.0.pid: expected a value of type integer, found "x"');
    expect(r).toMatchObject({
      code: 'expected',
      at: 'processes.0.pid',
      what: 'a value of type integer',
      found: '"x"',
    });
    expect(ko(r)).toBe('processes.0.pid: 예상한 내용: a value of type integer · 실제 내용: "x"');
    expect(ko(readIssue('expected 6 columns as in the header'))).toBe(
      '예상한 내용: 6 columns as in the header',
    );
  });

  it('reads the closest guess of an unknown format', () => {
    const r = readIssue(
      'unknown format: expected one of: a; b; closest guess: ps output (confidence 0.12)',
    );
    expect(r).toMatchObject({
      code: 'unknown-format',
      formats: 'a; b',
      guess: 'ps output',
      confidence: '0.12',
    });
    expect(ko(r)).toContain('가장 가까운 형식: ps output, 확신도 0.12');
  });

  it('translates a problem and what was done about it', () => {
    const r = readIssue(
      'PID 7 was read inside crictl exec abc, where /proc may show another pid namespace: not a node PID; namespaces kept without a process',
    );
    expect(r.code).toBe('then');
    expect(ko(r)).toBe(
      'PID 7은(는) crictl exec abc 안에서 읽었습니다. 그 안의 /proc은 다른 pid 네임스페이스를 보여 줄 수 있어 노드의 PID가 아닙니다. 네임스페이스는 프로세스 없이 기록했습니다.',
    );
    expect(ko(readIssue('the PID is unknown; its cgroup is not recorded'))).toBe(
      'PID를 알 수 없습니다. 그 cgroup은 기록하지 않았습니다.',
    );
  });

  it('leaves a sentence it does not know in English, in both languages', () => {
    const r = readIssue('PATH names PID 3 but PID is 4');
    expect(r.code).toBe('other');
    expect(ko(r)).toBe('PATH names PID 3 but PID is 4');
    // A known frame around an unknown sentence: the frame is translated, the sentence kept.
    expect(ko(readIssue('skipped: PATH names PID 3 but PID is 4'))).toBe(
      '건너뜀: PATH names PID 3 but PID is 4',
    );
  });
});
