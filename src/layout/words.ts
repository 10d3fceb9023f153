import type { NsType, Scope } from '../protocol/snapshot.ts';

/**
 * Every word the topology scene draws or puts in a tooltip, so the layout measures the text of
 * the language it draws (Korean glyphs are wider) and stays pure: the app passes the catalog
 * of the current `lang=`; tests and export use English by default.
 */
export interface SceneWords {
  node: (name: string) => string;
  kernel: (kernel: string) => string;
  hostBand: string;
  hostFolded: (containers: number) => string;
  hostDrawn: (links: number) => string;
  hostTitle: (namespaces: number) => string;
  crossBand: string;
  looseBand: string;
  looseTitle: (namespaces: number) => string;
  standalone: string;
  pod: (title: string) => string;
  podTitle: (title: string, meta: string, containers: number) => string;
  rail: string;
  more: (hidden: number) => string;
  moreTitle: (pids: string) => string;
  fewer: string;
  noProcesses: string;
  noProcessesTitle: string;
  hostMarker: (types: readonly NsType[]) => string;
  hostMarkerTitle: (types: readonly NsType[]) => string;
  ctrTitle: (
    sandbox: string | undefined,
    name: string | undefined,
    id: string,
    processes: number,
  ) => string;
  processTitle: (pid: number, user: string | undefined, command: string | undefined) => string;
  chipTitle: (
    type: NsType,
    inode: number,
    scope: Scope,
    containers: number,
    processes: number,
  ) => string;
  compact: (containers: number, processes: number) => string;
  collapse: string;
  expand: string;
  focus: string;
  unfocus: string;
  collapseTitle: (pod: string) => string;
  expandTitle: (pod: string) => string;
  focusTitle: (pod: string) => string;
  unfocusTitle: string;
  scope: Readonly<Record<Scope, string>>;
}

const n = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;

const EN_SCOPE: Readonly<Record<Scope, string>> = {
  pod: 'shared in one pod',
  container: "one container's own",
  host: "the node's own",
  'cross-pod': 'shared across pods',
  unattributed: 'a member is in no known container',
};
export const EN_WORDS: SceneWords = {
  node: (name) => `node ${name || '(unnamed)'}`,
  kernel: (k) => `kernel ${k}`,
  hostBand: 'host namespaces',
  hostFolded: (c) => `links folded: ${n(c, 'container')} in host namespaces (see "host:" on each)`,
  hostDrawn: (l) => `${n(l, 'link')} to host namespaces drawn (dashed)`,
  hostTitle: (k) => `the node's own (initial) namespaces: ${n(k, 'namespace')}`,
  crossBand: 'shared across pods',
  looseBand: 'not attributed to one container or pod',
  looseTitle: (k) => `${n(k, 'namespace')} not attributed to one container or pod`,
  standalone: 'containers outside any pod',
  pod: (title) => `pod ${title}`,
  podTitle: (title, meta, c) => `${title}${meta ? ` · ${meta}` : ''} · ${n(c, 'container')}`,
  rail: 'shared in the pod',
  more: (h) => `+${h} more`,
  moreTitle: (pids) => `PIDs ${pids} (click to list them)`,
  fewer: 'show fewer',
  noProcesses: 'no processes',
  noProcessesTitle: 'none in the input',
  hostMarker: (types) => `host: ${types.join(' ')}`,
  hostMarkerTitle: (types) =>
    `in the node's ${types.join(', ')} namespace${types.length > 1 ? 's' : ''} (links folded)`,
  ctrTitle: (sandbox, name, id, p) =>
    `${sandbox ? `sandbox (${sandbox})` : 'container'} ${name ?? ''} ${id} · ${n(p, 'process', 'processes')}`
      .replace(/ {2,}/g, ' ')
      .trim(),
  processTitle: (pid, user, command) =>
    `PID ${pid}${user ? ` (${user})` : ''}: ${command ?? 'command unknown'}`,
  chipTitle: (type, inode, scope, c, p) =>
    `${type}:[${inode}] · ${EN_SCOPE[scope]} · ${n(c, 'container')}, ${n(p, 'process', 'processes')}`,
  compact: (c, p) => `${n(c, 'container')} · ${n(p, 'process', 'processes')} (collapsed)`,
  collapse: '−',
  expand: '+',
  focus: 'focus',
  unfocus: 'all pods',
  collapseTitle: (pod) => `Collapse ${pod}`,
  expandTitle: (pod) => `Expand ${pod}`,
  focusTitle: (pod) => `Show ${pod} alone`,
  unfocusTitle: 'Show all pods',
  scope: EN_SCOPE,
};

const KO_SCOPE: Readonly<Record<Scope, string>> = {
  pod: '파드 안에서 공유',
  container: '컨테이너 전용',
  host: '노드(호스트)의 것',
  'cross-pod': '여러 파드가 공유',
  unattributed: '알 수 없는 컨테이너의 멤버',
};

export const KO_WORDS: SceneWords = {
  node: (name) => `노드 ${name || '(이름 없음)'}`,
  kernel: (k) => `커널 ${k}`,
  hostBand: '호스트 네임스페이스',
  hostFolded: (c) => `연결선 접힘: 컨테이너 ${c}개가 호스트 네임스페이스 사용 (각 "host:" 표시)`,
  hostDrawn: (l) => `호스트 네임스페이스 연결선 ${l}개 표시 (점선)`,
  hostTitle: (k) => `노드 자신의 (초기) 네임스페이스 ${k}개`,
  crossBand: '여러 파드가 공유',
  looseBand: '한 컨테이너나 파드에 속하지 않음',
  looseTitle: (k) => `한 컨테이너나 파드에 속하지 않는 네임스페이스 ${k}개`,
  standalone: '파드 밖의 컨테이너',
  pod: (title) => `파드 ${title}`,
  podTitle: (title, meta, c) => `${title}${meta ? ` · ${meta}` : ''} · 컨테이너 ${c}개`,
  rail: '파드 안에서 공유',
  more: (h) => `+${h}개 더`,
  moreTitle: (pids) => `PID ${pids} (클릭하면 모두 표시)`,
  fewer: '접기',
  noProcesses: '프로세스 없음',
  noProcessesTitle: '입력에 없음',
  hostMarker: (types) => `host: ${types.join(' ')}`,
  hostMarkerTitle: (types) => `노드의 ${types.join(', ')} 네임스페이스 사용 (연결선 접힘)`,
  ctrTitle: (sandbox, name, id, p) =>
    `${sandbox ? `샌드박스 (${sandbox})` : '컨테이너'} ${name ?? ''} ${id} · 프로세스 ${p}개`
      .replace(/ {2,}/g, ' ')
      .trim(),
  processTitle: (pid, user, command) =>
    `PID ${pid}${user ? ` (${user})` : ''}: ${command ?? '명령 알 수 없음'}`,
  chipTitle: (type, inode, scope, c, p) =>
    `${type}:[${inode}] · ${KO_SCOPE[scope]} · 컨테이너 ${c}개, 프로세스 ${p}개`,
  compact: (c, p) => `컨테이너 ${c}개 · 프로세스 ${p}개 (접힘)`,
  collapse: '−',
  expand: '+',
  focus: '집중',
  unfocus: '모든 파드',
  collapseTitle: (pod) => `${pod} 접기`,
  expandTitle: (pod) => `${pod} 펼치기`,
  focusTitle: (pod) => `${pod}만 보기`,
  unfocusTitle: '모든 파드 보기',
  scope: KO_SCOPE,
};

export const SCENE_WORDS: Readonly<Record<'en' | 'ko', SceneWords>> = {
  en: EN_WORDS,
  ko: KO_WORDS,
};
