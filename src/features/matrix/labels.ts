import type { NsType, Scope } from '../../protocol/snapshot.ts';
import { defineMessages } from '../../i18n/index.ts';

/**
 * Words for namespace types and scopes, shared by the matrix, the table, compare and the
 * inspector, so a scope reads the same everywhere (the colour is never the only cue).
 */
const SCOPE_EN: Readonly<Record<Scope, string>> = {
  pod: 'pod',
  container: 'container',
  host: 'host',
  'cross-pod': 'cross-pod',
  unattributed: 'unattributed',
};
const SCOPE_KO: Readonly<Record<Scope, string>> = {
  pod: '파드',
  container: '컨테이너',
  host: '호스트',
  'cross-pod': '파드 간',
  unattributed: '미귀속',
};
const MEANING_EN: Readonly<Record<Scope, string>> = {
  pod: 'shared in one pod',
  container: "one container's own",
  host: "the node's own",
  'cross-pod': 'shared across pods',
  unattributed: 'a member is in no known container',
};
const MEANING_KO: Readonly<Record<Scope, string>> = {
  pod: '한 파드 안에서 공유',
  container: '한 컨테이너 전용',
  host: '노드(호스트)의 것',
  'cross-pod': '여러 파드가 공유',
  unattributed: '어느 컨테이너에도 속하지 않은 멤버가 있음',
};
/** What each namespace type isolates (domain.md). */
const ISOLATES_EN: Readonly<Record<NsType, string>> = {
  mnt: 'mount table, filesystem view',
  net: 'interfaces, IPs, routes, ports',
  pid: 'process IDs',
  ipc: 'SysV IPC, POSIX message queues, shared memory',
  uts: 'hostname and domain name',
  user: 'UIDs/GIDs and capabilities',
  cgroup: 'the view of /proc/self/cgroup',
  time: 'CLOCK_MONOTONIC/BOOTTIME offsets',
};
const ISOLATES_KO: Readonly<Record<NsType, string>> = {
  mnt: '마운트 테이블, 파일시스템 보기',
  net: '인터페이스, IP, 라우팅, 포트',
  pid: '프로세스 ID',
  ipc: 'SysV IPC, POSIX 메시지 큐, 공유 메모리',
  uts: '호스트 이름과 도메인 이름',
  user: 'UID/GID와 권한(capability)',
  cgroup: '/proc/self/cgroup에 보이는 경로',
  time: 'CLOCK_MONOTONIC/BOOTTIME 오프셋',
};

export const labelText = defineMessages({
  en: {
    scope: (s: Scope) => SCOPE_EN[s],
    meaning: (s: Scope) => MEANING_EN[s],
    isolates: (t: NsType) => ISOLATES_EN[t],
    unknown: 'unknown',
    notInInput: 'not in the input',
    scopeLegend: 'Scope legend',
  },
  ko: {
    scope: (s: Scope) => SCOPE_KO[s],
    meaning: (s: Scope) => MEANING_KO[s],
    isolates: (t: NsType) => ISOLATES_KO[t],
    unknown: '알 수 없음',
    notInInput: '입력에 없음',
    scopeLegend: '범위 범례',
  },
});

export const SCOPE_ORDER: readonly Scope[] = [
  'pod',
  'container',
  'host',
  'cross-pod',
  'unattributed',
];
