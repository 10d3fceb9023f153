import { defineMessages } from '../../i18n/index.ts';
import type { ChangeMark, CellMark, TextField } from '../../model/diff.ts';
import type { EntityKind } from '../../model/entities.ts';

const MARK_EN: Readonly<Record<ChangeMark | 'same', string>> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  same: 'same',
};
const MARK_KO: Readonly<Record<ChangeMark | 'same', string>> = {
  added: '추가',
  removed: '삭제',
  changed: '변경',
  same: '같음',
};
const CELL_EN: Readonly<Record<CellMark, string>> = {
  same: 'same',
  scope: 'scope changed',
  replaced: 'new namespace',
  added: 'added',
  removed: 'removed',
};
const CELL_KO: Readonly<Record<CellMark, string>> = {
  same: '같음',
  scope: '범위 바뀜',
  replaced: '새 네임스페이스',
  added: '추가',
  removed: '삭제',
};
const KIND_EN: Readonly<Record<EntityKind, string>> = {
  pod: 'Pods',
  container: 'Containers',
  namespace: 'Namespaces',
  process: 'Processes',
};
const KIND_KO: Readonly<Record<EntityKind, string>> = {
  pod: '파드',
  container: '컨테이너',
  namespace: '네임스페이스',
  process: '프로세스',
};
const FIELD_KO: Partial<Record<TextField, string>> = {
  name: '이름',
  command: '명령',
  user: '사용자',
  container: '컨테이너',
  image: '이미지',
  state: '상태',
};

export const diffText = defineMessages({
  en: {
    title: 'What changed',
    against: 'Compare with',
    againstHint: 'pick one or more captures',
    arrow: (from: string, to: string) => `${from} → ${to}`,
    mark: (m: ChangeMark | 'same') => MARK_EN[m],
    cell: (m: CellMark) => CELL_EN[m],
    kind: (k: EntityKind) => KIND_EN[k],
    field: (f: TextField): string => f,
    loading: (id: string) => `Loading ${id}…`,
    unknown: (id: string) => `There is no bundled capture named ${id}.`,
    nothing: 'Nothing changed: the two captures hold the same pods, processes and namespaces.',
    perPod: 'Per container and namespace type',
    perType: 'Namespaces per type',
    type: 'type',
    container: 'container',
    sandbox: 'pause',
    recreated: 'made again (new id)',
    scopeChange: (t: string, from: string, to: string) => `${t}: ${from} → ${to}`,
    members: (added: number, removed: number) =>
      [
        added > 0 ? `${added} member${added === 1 ? '' : 's'} joined` : '',
        removed > 0 ? `${removed} left` : '',
      ]
        .filter((s) => s !== '')
        .join(', '),
    reused: 'inode reused by a new namespace',
    entries: (n: number) => `${n} change${n === 1 ? '' : 's'}`,
    renamedNode: (from: string, to: string) => `node ${from} read as ${to}`,
    legend: 'Marks',
    inContainers: (n: number) => `in ${n} container${n === 1 ? '' : 's'}`,
    pod: (name: string) => `pod ${name}`,
    reusedShort: 'reused',
    noScopeChange: 'No container changed the scope of a namespace.',
  },
  ko: {
    title: '무엇이 바뀌었나',
    against: '비교 대상',
    againstHint: '하나 이상 고르세요',
    arrow: (from: string, to: string) => `${from} → ${to}`,
    mark: (m: ChangeMark | 'same') => MARK_KO[m],
    cell: (m: CellMark) => CELL_KO[m],
    kind: (k: EntityKind) => KIND_KO[k],
    field: (f: TextField) => FIELD_KO[f] ?? f,
    loading: (id: string) => `${id} 불러오는 중…`,
    unknown: (id: string) => `${id}라는 이름의 내장 캡처가 없습니다.`,
    nothing: '바뀐 것이 없습니다: 두 캡처의 파드, 프로세스, 네임스페이스가 같습니다.',
    perPod: '컨테이너별, 네임스페이스 종류별',
    perType: '종류별 네임스페이스',
    type: '종류',
    container: '컨테이너',
    sandbox: 'pause',
    recreated: '다시 생성됨 (새 ID)',
    scopeChange: (t: string, from: string, to: string) => `${t}: ${from} → ${to}`,
    members: (added: number, removed: number) =>
      [added > 0 ? `멤버 ${added}개 합류` : '', removed > 0 ? `${removed}개 떠남` : '']
        .filter((s) => s !== '')
        .join(', '),
    reused: '같은 inode 번호를 새 네임스페이스가 재사용',
    entries: (n: number) => `변경 ${n}건`,
    renamedNode: (from: string, to: string) => `노드 ${from}를 ${to}로 보고 비교`,
    legend: '표시',
    inContainers: (n: number) => `(컨테이너 ${n}개)`,
    pod: (name: string) => `파드 ${name}`,
    reusedShort: '재사용',
    noScopeChange: '네임스페이스 범위가 바뀐 컨테이너가 없습니다.',
  },
});
