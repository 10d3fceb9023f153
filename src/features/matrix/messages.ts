import { defineMessages } from '../../i18n/index.ts';

export const matrixText = defineMessages({
  en: {
    title: 'Namespaces per container',
    empty:
      'No pods in this snapshot: nothing in the input tied processes to containers of a pod. The warnings below say what could not be read.',
    pod: 'pod',
    node: 'node',
    unnamedNode: '(unnamed)',
    key: 'key',
    container: 'container',
    pause: 'pause',
    members: (pids: number, containers: number) =>
      `${pids} process${pids === 1 ? '' : 'es'}, ${containers} container${containers === 1 ? '' : 's'}`,
    showProcesses: (n: number, name: string) =>
      `Show the ${n} process${n === 1 ? '' : 'es'} of ${name}`,
    hideProcesses: (name: string) => `Hide the processes of ${name}`,
    processes: (n: number) => `${n} process${n === 1 ? '' : 'es'}`,
  },
  ko: {
    title: '컨테이너별 네임스페이스',
    empty:
      '이 스냅샷에는 파드가 없습니다. 입력에서 프로세스를 파드의 컨테이너와 연결할 정보를 찾지 못했습니다. 아래 경고에 읽지 못한 내용이 있습니다.',
    pod: '파드',
    node: '노드',
    unnamedNode: '(이름 없음)',
    key: '키',
    container: '컨테이너',
    pause: 'pause',
    members: (pids: number, containers: number) => `프로세스 ${pids}개, 컨테이너 ${containers}개`,
    showProcesses: (n: number, name: string) => `${name}의 프로세스 ${n}개 보기`,
    hideProcesses: (name: string) => `${name}의 프로세스 숨기기`,
    processes: (n: number) => `프로세스 ${n}개`,
  },
});
