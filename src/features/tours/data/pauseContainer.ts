import type { Tour } from '../types.ts';

const POD = 'pod:k8s-w1:0baaf614-4cfe-49f1-a7d6-7225ff12e6ca';
const PAUSE = 'ctr:k8s-w1:55b0ba3f658668d629c3afcebf3bf38f51ffea26e18a2eeb22f3feb558157ad3';
const NGINX = 'ctr:k8s-w1:bc12bda1707c6056739a89968b7385fb2fb9a18878822c6aa8094aa2b4534e6f';
const POD_NET = 'ns:k8s-w1:4026532264';

/** The study notes' myweb2 lab, step by step: what pause shares and what each container keeps. */
export const pauseContainerTour: Tour = {
  id: 'pause-container',
  title: { en: 'The pause container', ko: 'pause 컨테이너' },
  summary: {
    en: 'myweb2: what the pause container shares with the pod, and what each container keeps.',
    ko: 'myweb2 파드로 보는 pause 컨테이너: 파드와 공유하는 것과 컨테이너마다 따로 가지는 것.',
  },
  steps: [
    {
      src: 'myweb2',
      types: ['net', 'ipc', 'uts'],
      select: PAUSE,
      title: { en: 'pause holds net, ipc and uts', ko: 'pause가 net, ipc, uts를 잡고 있다' },
      text: {
        en: 'The pause container holds the pod’s net, ipc and uts namespaces. Kubernetes creates it first; it does nothing but wait in pause(). myweb2-nginx and myweb2-netshoot join the namespaces it created.',
        ko: 'pause 컨테이너가 파드의 net, ipc, uts 네임스페이스를 잡고 있습니다. 쿠버네티스는 파드를 만들 때 pause 컨테이너를 가장 먼저 생성하고, pause는 pause() 시스템 호출로 대기만 합니다. myweb2-nginx와 myweb2-netshoot은 pause가 만든 네임스페이스를 공유합니다.',
      },
    },
    {
      src: 'myweb2',
      types: ['net'],
      select: POD_NET,
      title: { en: 'One net namespace, one IP', ko: 'net 네임스페이스 하나, IP 하나' },
      text: {
        en: 'One net namespace means one IP: both containers show 10.244.1.6/24 and MAC 9e:35:b6:1a:4f:a7 on eth0, so curl localhost in netshoot reaches nginx. If an app container restarts, pause keeps the namespace and the pod keeps its IP.',
        ko: 'net 네임스페이스가 하나이니 IP도 하나입니다. 두 컨테이너 모두 eth0에 10.244.1.6/24와 MAC 9e:35:b6:1a:4f:a7이 보이고, 그래서 netshoot에서 curl localhost로 nginx에 접속됩니다. 애플리케이션 컨테이너가 재시작되어도 pause가 네임스페이스를 유지하므로 파드의 IP는 그대로입니다.',
      },
    },
    {
      src: 'myweb2',
      types: ['mnt', 'pid'],
      select: NGINX,
      title: {
        en: 'Each container keeps its own mnt and pid',
        ko: '컨테이너마다 mnt와 pid는 따로',
      },
      text: {
        en: 'Each container keeps its own mnt and pid namespaces: its own filesystem view and its own process tree. That is why ps -ef in netshoot does not show nginx. pause has a private mnt and pid of its own too.',
        ko: '각 컨테이너는 자신만의 mnt, pid 네임스페이스를 가집니다. 파일 시스템 보기와 프로세스 트리가 컨테이너마다 따로라서, netshoot에서 ps -ef를 실행해도 nginx 프로세스는 보이지 않습니다. pause 컨테이너도 자기만의 mnt, pid를 가집니다.',
      },
    },
    {
      src: 'myweb2',
      view: 'matrix',
      select: POD,
      title: { en: 'All eight types at once', ko: '여덟 가지 종류를 한눈에' },
      text: {
        en: 'The table a study group draws from lsns -p: net, ipc and uts shared in the pod; mnt and pid per container; time and user the host’s. cgroup is per app container in this capture — the notes disagree on cgroup, and the data decides.',
        ko: '스터디에서 lsns -p 결과로 그리던 표입니다. net, ipc, uts는 파드 안에서 공유하고, mnt와 pid는 컨테이너마다 따로, time과 user는 호스트와 같습니다. 이 캡처에서 cgroup은 애플리케이션 컨테이너마다 따로입니다. 스터디 노트에서도 cgroup은 엇갈렸던 부분이라, 실제 데이터가 답입니다.',
      },
    },
  ],
};
