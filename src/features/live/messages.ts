import { defineMessages } from '../../i18n/index.ts';
import type { AgentSource } from '../../api/liveSources.ts';

type Kind = AgentSource['kind'];
type Mark = 'added' | 'removed' | 'changed';
type EntityKind = 'pod' | 'container' | 'process' | 'namespace';

const time = (ms: number, lang: string) =>
  new Date(ms).toLocaleTimeString(lang === 'ko' ? 'ko-KR' : 'en-GB', {
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

export const liveText = defineMessages({
  en: {
    group: 'Live',
    option: (title: string, kind: Kind) =>
      kind === 'live' ? title : kind === 'hub' ? `${title} (hub)` : `${title} (remote)`,
    statusLabel: 'Live status',
    live: 'Live',
    stale: 'Stale',
    offline: 'Offline',
    connecting: 'Connecting to the agent…',
    updated: (ms: number) => `updated ${time(ms, 'en')}`,
    viaPolling: 'polling',
    viaStream: 'streaming',
    lostSince: (ms: number) => `agent unreachable since ${time(ms, 'en')}`,
    retryIn: (s: number) => (s <= 0 ? 'retrying now' : `retrying in ${s} s`),
    retryNow: 'Retry now',
    lastGood: 'the last good snapshot stays on screen',
    sourceFailed: (message: string) =>
      `the agent answers, but reading the source failed: ${message}`,
    noAgent:
      'No nsviz agent answers at this address. Start one with `npm start` (Linux) or `node bin/nsviz.mjs serve --live`, then open the app it serves.',
    unreachable: 'The agent does not answer.',
    needsToken:
      'This agent was started with --token: paste its token (it is in the address `nsviz serve` printed, after #token=).',
    wrongToken: 'The agent did not accept this token.',
    tokenLabel: 'Agent token',
    useToken: 'Use token',
    locked: ' (token needed)',
    waiting: 'Waiting for the first snapshot…',
    changesTitle: 'Changes',
    changesHint: (seconds: number) => `in the last ${seconds} s; hover to find them`,
    noChanges: (seconds: number) => `No changes in the last ${seconds} s.`,
    tally: (added: number, removed: number, changed: number) =>
      `+${added} added · −${removed} gone · ${changed} changed`,
    mark: (m: Mark): string => (m === 'added' ? 'new' : m === 'removed' ? 'gone' : 'changed'),
    kind: (k: EntityKind): string => k,
    more: (n: number) => `… and ${n} more`,
    hide: 'Hide changes',
    show: 'Show changes',
    at: (ms: number) => time(ms, 'en'),
    counts: (pods: number, ctrs: number, procs: number, nss: number) =>
      `${pods} pods · ${ctrs} containers · ${procs} processes · ${nss} namespaces`,
  },
  ko: {
    group: '라이브',
    // The agent names itself in English: "this machine (live): NODE".
    option: (title: string, kind: Kind) =>
      kind === 'live'
        ? title.replace(/^this machine \(live\)/, '이 컴퓨터 (라이브)')
        : kind === 'hub'
          ? `${title} (허브)`
          : `${title} (원격)`,
    statusLabel: '라이브 상태',
    live: '라이브',
    stale: '지연됨',
    offline: '오프라인',
    connecting: '에이전트에 연결하는 중…',
    updated: (ms: number) => `${time(ms, 'ko')} 갱신`,
    viaPolling: '폴링',
    viaStream: '스트리밍',
    lostSince: (ms: number) => `${time(ms, 'ko')}부터 에이전트 응답 없음`,
    retryIn: (s: number) => (s <= 0 ? '지금 다시 시도하는 중' : `${s}초 뒤 다시 시도`),
    retryNow: '지금 다시 시도',
    lastGood: '마지막으로 받은 스냅숏을 계속 보여 줍니다',
    sourceFailed: (message: string) => `에이전트는 응답하지만 소스를 읽지 못했습니다: ${message}`,
    noAgent:
      '이 주소에서 응답하는 nsviz 에이전트가 없습니다. `npm start`(Linux) 또는 `node bin/nsviz.mjs serve --live`로 에이전트를 띄우고 그 주소의 앱을 여세요.',
    unreachable: '에이전트가 응답하지 않습니다.',
    needsToken:
      '이 에이전트는 --token으로 시작되었습니다. 토큰을 붙여 넣으세요(`nsviz serve`가 출력한 주소의 #token= 뒤에 있습니다).',
    wrongToken: '에이전트가 이 토큰을 받아들이지 않았습니다.',
    tokenLabel: '에이전트 토큰',
    useToken: '토큰 사용',
    locked: ' (토큰 필요)',
    waiting: '첫 스냅숏을 기다리는 중…',
    changesTitle: '변경',
    changesHint: (seconds: number) => `최근 ${seconds}초; 가리키면 그림에서 찾아 줍니다`,
    noChanges: (seconds: number) => `최근 ${seconds}초 동안 변경이 없습니다.`,
    tally: (added: number, removed: number, changed: number) =>
      `+${added} 추가 · −${removed} 사라짐 · ${changed} 변경`,
    mark: (m: Mark): string => (m === 'added' ? '새로 생김' : m === 'removed' ? '사라짐' : '바뀜'),
    kind: (k: EntityKind): string =>
      k === 'pod'
        ? '파드'
        : k === 'container'
          ? '컨테이너'
          : k === 'process'
            ? '프로세스'
            : '네임스페이스',
    more: (n: number) => `… 외 ${n}개`,
    hide: '변경 숨기기',
    show: '변경 보기',
    at: (ms: number) => time(ms, 'ko'),
    counts: (pods: number, ctrs: number, procs: number, nss: number) =>
      `파드 ${pods}개 · 컨테이너 ${ctrs}개 · 프로세스 ${procs}개 · 네임스페이스 ${nss}개`,
  },
});
