import { defineMessages } from '../../i18n/index.ts';
import type { Column } from './rows.ts';

const COLUMNS_EN: Readonly<Record<Column, string>> = {
  type: 'Type',
  inode: 'Inode',
  scope: 'Scope',
  nprocs: 'NPROCS',
  pids: 'PIDs',
  containers: 'Containers',
  pods: 'Pods',
  node: 'Node',
};
const COLUMNS_KO: Readonly<Record<Column, string>> = {
  type: '종류',
  inode: 'inode',
  scope: '범위',
  nprocs: 'NPROCS',
  pids: 'PID',
  containers: '컨테이너',
  pods: '파드',
  node: '노드',
};

export const tableText = defineMessages({
  en: {
    title: 'Namespaces',
    column: (c: Column) => COLUMNS_EN[c],
    caption: (n: number) =>
      `Every namespace of the snapshot (${n}), like lsns but with every member process, container and pod.`,
    sortedBy: (c: Column, descending: boolean) =>
      `Sorted by ${COLUMNS_EN[c]}, ${descending ? 'descending' : 'ascending'}.`,
    sortBy: (c: Column) => `Sort by ${COLUMNS_EN[c]}`,
    filter: 'Filter namespaces',
    filterPlaceholder: 'type, inode, PID, name, IP…',
    count: (shown: number, total: number) =>
      shown === total ? `${total} namespaces` : `${shown} of ${total} namespaces`,
    none: 'No namespace matches the filter and the chosen types.',
    pages: 'Pages',
    range: (from: number, to: number, total: number) => `Rows ${from}–${to} of ${total}`,
    previous: 'Previous',
    next: 'Next',
    more: (n: number) => `+${n} more`,
  },
  ko: {
    title: '네임스페이스',
    column: (c: Column) => COLUMNS_KO[c],
    caption: (n: number) =>
      `스냅샷의 모든 네임스페이스(${n}개). lsns와 같지만 멤버 프로세스, 컨테이너, 파드를 모두 보여 줍니다.`,
    sortedBy: (c: Column, descending: boolean) =>
      `${COLUMNS_KO[c]} 기준 ${descending ? '내림차순' : '오름차순'} 정렬.`,
    sortBy: (c: Column) => `${COLUMNS_KO[c]} 기준 정렬`,
    filter: '네임스페이스 필터',
    filterPlaceholder: '종류, inode, PID, 이름, IP…',
    count: (shown: number, total: number) =>
      shown === total ? `네임스페이스 ${total}개` : `네임스페이스 ${total}개 중 ${shown}개`,
    none: '필터와 선택한 종류에 맞는 네임스페이스가 없습니다.',
    pages: '페이지',
    range: (from: number, to: number, total: number) => `${total}행 중 ${from}–${to}행`,
    previous: '이전',
    next: '다음',
    more: (n: number) => `외 ${n}개`,
  },
});
