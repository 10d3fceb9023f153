import { defineMessages, plural } from '../../i18n/index.ts';
import type { Outcome, ReadIssue } from './issueText.ts';

const OUTCOME_KO: Readonly<Record<Outcome, string>> = {
  'kept-without-process': '네임스페이스는 프로세스 없이 기록했습니다.',
  'status-not-recorded': '그 status는 기록하지 않았습니다.',
  'cgroup-not-recorded': '그 cgroup은 기록하지 않았습니다.',
};

/** A parse issue in Korean; parts that are input, commands or syntax stay as they were. */
function issueKo(i: ReadIssue): string {
  switch (i.code) {
    case 'empty':
      return '입력이 비어 있습니다. 명령 출력, 터미널 기록 또는 스냅샷 JSON이 필요합니다.';
    case 'empty-expected':
      return `입력이 비어 있습니다. 필요한 입력: ${i.what}`;
    case 'binary':
      return '바이너리 파일로 보입니다(NUL 또는 제어 문자). 명령 출력, 터미널 기록, JSON 같은 텍스트가 필요합니다.';
    case 'too-large':
      return `입력이 ${i.size}로, 한도(${i.limit})를 넘습니다.`;
    case 'unknown-format':
      return `알 수 없는 형식입니다. 읽을 수 있는 형식: ${i.formats}${
        i.guess !== undefined
          ? ` (가장 가까운 형식: ${i.guess}, 확신도 ${i.confidence ?? '?'})`
          : ''
      }`;
    case 'invalid-json':
      return `JSON으로 읽을 수 없습니다: ${i.detail}`;
    case 'unreadable':
      return `이 문서를 ${i.as}(으)로 읽지 못했습니다: ${i.detail}`;
    case 'internal':
      return `이 입력을 ${i.format} 형식으로 읽다가 내부 오류가 났습니다: ${i.detail} (입력과 함께 알려 주세요)`;
    case 'reported':
      return `${i.tool ?? '명령'}이(가) 오류를 출력했습니다: ${i.text}`;
    case 'more-lines':
      return `이해하지 못한 줄이 ${i.count}개 더 있습니다.`;
    case 'no-header':
      return `헤더 줄이 없어 각 행을 다음 열로 읽었습니다: ${i.columns}`;
    case 'no-rows':
      return `${i.what} 행을 찾지 못했습니다.`;
    case 'two-namespaces':
      return `PID ${i.pid}이(가) 서로 다른 ${i.type} 네임스페이스 두 개(${i.kept}, ${i.other})에 나옵니다. ${i.kept}을(를) 씁니다.`;
    case 'inside-wrapper': {
      const where = `${i.how} ${i.target}`;
      return 'processes' in i.subject
        ? `프로세스 ${i.subject.processes}개는 ${where} 안에서 읽었습니다. 그 안의 /proc은 다른 pid 네임스페이스를 보여 줄 수 있어 노드의 프로세스로 기록하지 않았습니다.`
        : `PID ${i.subject.pid}은(는) ${where} 안에서 읽었습니다. 그 안의 /proc은 다른 pid 네임스페이스를 보여 줄 수 있어 노드의 PID가 아닙니다.`;
    }
    case 'pid-unknown':
      return i.why === 'no-path'
        ? 'PID를 알 수 없습니다(출력에도 명령에도 /proc/PID 경로가 없음).'
        : i.why === 'self'
          ? '출력이 알 수 없는 프로세스의 /proc/self를 보여 줍니다.'
          : 'PID를 알 수 없습니다.';
    case 'no-node':
      return `이 입력에는 노드 이름이 없고, 다른 입력은 노드 ${i.count}개(${i.nodes})에서 왔습니다. 어느 노드인지 --node NAME으로 알려 주세요.`;
    case 'not-bundled':
      return '매니페스트에는 있지만 앱에 포함되지 않았습니다.';
    case 'expected':
      return `${i.at !== undefined ? `${i.at}: ` : ''}예상한 내용: ${i.what}${
        i.found !== undefined ? ` · 실제 내용: ${i.found}` : ''
      }`;
    case 'then':
      return `${issueKo(i.problem).replace(/[.。]?$/, '.')} ${OUTCOME_KO[i.outcome]}`;
    case 'skipped':
      return `건너뜀: ${issueKo(i.problem)}`;
    case 'other':
      return i.message;
  }
}

export const warningText = defineMessages({
  en: {
    title: 'Parse warnings',
    none: 'No warnings for this input.',
    count: (n: number) => plural(n, 'warning'),
    more: (n: number) => `… and ${n} more`,
    level: (level: 'error' | 'warning'): string => level,
    where: (source: string, line: number) => `${source}, line ${line}`,
    /** The parser's own sentence. */
    issue: (i: ReadIssue): string => i.message,
    original: (message: string) => message,
  },
  ko: {
    title: '분석 경고',
    none: '이 입력에는 경고가 없습니다.',
    count: (n: number) => `경고 ${n}개`,
    more: (n: number) => `… 외 ${n}개`,
    level: (level: 'error' | 'warning'): string => (level === 'error' ? '오류' : '경고'),
    where: (source: string, line: number) => `${source}, ${line}번째 줄`,
    issue: issueKo,
    original: (message: string) => `원문: ${message}`,
  },
});
