import type { NsType, Scope } from '../protocol/snapshot.ts';

/** The legend's words, English and Korean (the feature picks one by `lang=`). */
export interface LegendText {
  types: string;
  scopes: string;
  /** What each type isolates, one short phrase. */
  isolates: Readonly<Record<NsType, string>>;
  scopeName: Readonly<Record<Scope, string>>;
  scopeMeaning: Readonly<Record<Scope, string>>;
  sandbox: string;
  sandboxMeaning: string;
  link: string;
  linkMeaning: string;
}

export const LEGEND_TEXT: Readonly<Record<'en' | 'ko', LegendText>> = {
  en: {
    types: 'Namespace types',
    scopes: 'Scopes',
    isolates: {
      mnt: 'mounts',
      net: 'network',
      pid: 'process IDs',
      ipc: 'SysV IPC',
      uts: 'hostname',
      user: 'user IDs',
      cgroup: 'cgroup view',
      time: 'clocks',
    },
    scopeName: {
      pod: 'pod',
      container: 'container',
      host: 'host',
      'cross-pod': 'cross-pod',
      unattributed: 'unattributed',
    },
    scopeMeaning: {
      pod: 'shared in one pod',
      container: "one container's own",
      host: "the node's own",
      'cross-pod': 'shared across pods',
      unattributed: 'member of no known container',
    },
    sandbox: 'pause',
    sandboxMeaning: 'sandbox: holds the shared ones',
    link: 'link',
    linkMeaning: 'is a member of',
  },
  ko: {
    types: '네임스페이스 종류',
    scopes: '범위',
    isolates: {
      mnt: '마운트',
      net: '네트워크',
      pid: '프로세스 ID',
      ipc: 'SysV IPC',
      uts: '호스트 이름',
      user: '사용자 ID',
      cgroup: 'cgroup 보기',
      time: '시계',
    },
    scopeName: {
      pod: '파드',
      container: '컨테이너',
      host: '호스트',
      'cross-pod': '파드 간',
      unattributed: '미확인',
    },
    scopeMeaning: {
      pod: '파드 안에서 공유',
      container: '한 컨테이너 전용',
      host: '노드 자신의 것',
      'cross-pod': '여러 파드가 공유',
      unattributed: '알려진 컨테이너 밖',
    },
    sandbox: 'pause',
    sandboxMeaning: '샌드박스: 공유 네임스페이스 보유',
    link: '연결선',
    linkMeaning: '멤버 관계',
  },
};
