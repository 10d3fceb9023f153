import { defineMessages } from '../../i18n/index.ts';

const list = (types: readonly string[]) => types.join(', ');

export const compareText = defineMessages({
  en: {
    title: 'Compare namespaces',
    intro:
      'Pick two or more processes or containers to see, type by type, which namespaces they share — like comparing two lsns -p outputs.',
    needTwo: (n: number): string =>
      n === 0
        ? 'Nothing picked yet: pick two or more below, or use “Compare” in the inspector.'
        : 'One picked: pick at least one more to compare.',
    type: 'Type',
    verdict: 'Verdict',
    same: 'same',
    different: 'different',
    partial: 'partly shared',
    unknown: 'unknown',
    notKnown: 'not in the input',
    remove: (label: string) => `Remove ${label} from the comparison`,
    clear: 'Clear',
    summary: (shared: readonly string[], host: readonly string[], differ: readonly string[]) =>
      [
        shared.length > 0 ? `Share ${list(shared)}` : 'Share no namespace of their own',
        host.length > 0 ? `keep the host's ${list(host)}` : '',
        differ.length > 0 ? `differ in ${list(differ)}` : 'differ in none of the shown types',
      ]
        .filter(Boolean)
        .join('; ') + '.',
    unknownTypes: (types: readonly string[]) => `Not known for every pick: ${list(types)}.`,
    missing: (n: number) =>
      `${n} key${n === 1 ? '' : 's'} in the link name nothing comparable here.`,
    caption: (n: number) => `${n} picks side by side; one row per namespace type.`,
    picker: 'Pick processes and containers',
    pickerSearch: 'Search by name, PID, pod or image',
    containers: 'Containers',
    processes: 'Processes',
    podPreset: 'All containers of a pod',
    preset: (pod: string) => `Compare the containers of ${pod}`,
    more: (n: number) => `${n} more: refine the search.`,
    nothing: 'Nothing matches.',
    container: 'container',
    process: 'process',
    pause: 'pause',
    inPod: (pod: string) => `in ${pod}`,
  },
  ko: {
    title: '네임스페이스 비교',
    intro:
      '프로세스나 컨테이너를 둘 이상 골라 종류별로 어떤 네임스페이스를 공유하는지 봅니다. lsns -p 출력 두 개를 나란히 놓고 비교하는 것과 같습니다.',
    needTwo: (n: number): string =>
      n === 0
        ? '아직 고른 것이 없습니다. 아래에서 둘 이상 고르거나 인스펙터의 “비교” 버튼을 쓰세요.'
        : '하나를 골랐습니다. 비교하려면 하나 이상 더 고르세요.',
    type: '종류',
    verdict: '판정',
    same: '같음',
    different: '다름',
    partial: '일부 공유',
    unknown: '알 수 없음',
    notKnown: '입력에 없음',
    remove: (label: string) => `${label} 비교에서 빼기`,
    clear: '모두 지우기',
    summary: (shared: readonly string[], host: readonly string[], differ: readonly string[]) =>
      [
        shared.length > 0 ? `공유: ${list(shared)}` : '자체 네임스페이스 공유 없음',
        host.length > 0 ? `호스트 것 그대로: ${list(host)}` : '',
        differ.length > 0 ? `다름: ${list(differ)}` : '보이는 종류 중 다른 것 없음',
      ]
        .filter(Boolean)
        .join(' · '),
    unknownTypes: (types: readonly string[]) => `일부 항목에서 알 수 없음: ${list(types)}.`,
    missing: (n: number) => `링크의 키 ${n}개는 여기서 비교할 수 있는 대상이 아닙니다.`,
    caption: (n: number) => `${n}개를 나란히 비교. 행마다 네임스페이스 종류 하나.`,
    picker: '프로세스와 컨테이너 고르기',
    pickerSearch: '이름, PID, 파드, 이미지로 검색',
    containers: '컨테이너',
    processes: '프로세스',
    podPreset: '파드의 모든 컨테이너',
    preset: (pod: string) => `${pod}의 컨테이너 비교`,
    more: (n: number) => `${n}개 더 있음: 검색어를 좁히세요.`,
    nothing: '일치하는 항목 없음.',
    container: '컨테이너',
    process: '프로세스',
    pause: 'pause',
    inPod: (pod: string) => `${pod} 소속`,
  },
});
