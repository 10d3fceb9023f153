import type { Tour } from '../types.ts';

const INFRA = 'ctr:nsviz-node:85efccb03e531b2657e80cba08607d5de93b8b39183c5d25034a6da3061a6f37';
const SHARED_PID = 'ns:nsviz-node:4026532326';
const HOST_NET = 'ns:nsviz-node:4026532182';

/** The same lessons on real recordings of podman pods (fixtures/recordings). */
export const podmanRecordingTour: Tour = {
  id: 'podman-recording',
  title: { en: 'A real podman pod', ko: '실제 podman 파드' },
  summary: {
    en: 'Recorded, not reconstructed: a podman pod’s infra container plays pause.',
    ko: '재구성이 아닌 실제 기록: podman 파드의 infra 컨테이너가 pause 역할을 합니다.',
  },
  steps: [
    {
      src: 'podman-default',
      types: ['net', 'ipc', 'uts'],
      select: INFRA,
      title: { en: 'The infra container is the pause', ko: 'infra 컨테이너가 pause 역할' },
      text: {
        en: 'A real recording with real inode numbers. podman’s infra container runs catatonit -P, the pause of a podman pod, and holds net, ipc and uts for the httpd and sleep containers.',
        ko: '실제 inode 번호가 담긴 실제 기록입니다. podman의 infra 컨테이너는 catatonit -P를 실행하는 podman 파드의 pause이며, httpd와 sleep 컨테이너를 위해 net, ipc, uts 네임스페이스를 잡고 있습니다.',
      },
    },
    {
      src: 'podman-default',
      view: 'matrix',
      title: { en: 'Per container, as recorded', ko: '기록된 그대로, 컨테이너별로' },
      text: {
        en: 'Own mnt and pid per container, net/ipc/uts shared in the pod, user and time the node’s. On this cgroup v1 node podman made no cgroup namespace, so cgroup is the node’s too: the data decides.',
        ko: 'mnt와 pid는 컨테이너마다 따로, net/ipc/uts는 파드 안에서 공유, user와 time은 노드와 같습니다. 이 노드는 cgroup v1이라 podman이 cgroup 네임스페이스를 만들지 않았고, 그래서 cgroup도 노드의 것입니다. 결국 데이터가 답입니다.',
      },
    },
    {
      src: 'podman-sharepid',
      types: ['pid'],
      select: SHARED_PID,
      title: { en: 'A pod that shares pid', ko: 'pid를 공유하는 파드' },
      text: {
        en: 'A podman pod created with --share net,ipc,uts,pid: httpd and sleep are in the infra container’s pid namespace, and catatonit is PID 1 for all of them.',
        ko: '--share net,ipc,uts,pid로 pid 네임스페이스까지 공유하도록 만든 podman 파드입니다. httpd와 sleep이 infra 컨테이너의 pid 네임스페이스에 들어가고, catatonit이 모두의 PID 1이 됩니다.',
      },
    },
    {
      src: 'podman-default',
      view: 'diff',
      against: ['podman-sharepid', 'podman-hostnet'],
      types: ['net', 'pid'],
      title: { en: 'The recordings compared', ko: '기록끼리 비교' },
      text: {
        en: 'The default pod against the two variants: sharing pid moves pid from container to pod; the host network moves net from pod to host. The same as the reconstructed myweb2, now from real captures.',
        ko: '기본 파드를 두 변형과 비교합니다. pid를 공유하면 pid가 컨테이너에서 파드로, 호스트 네트워크를 쓰면 net이 파드에서 호스트로 바뀝니다. 재구성한 myweb2와 같은 결과를 실제 캡처로 확인할 수 있습니다.',
      },
    },
    {
      src: 'podman-hostnet',
      types: ['net'],
      select: HOST_NET,
      title: { en: 'On the host network', ko: '호스트 네트워크에서' },
      text: {
        en: 'In the host-network pod every container, infra included, is in the node’s own net namespace: no net namespace of the pod’s own is left.',
        ko: '호스트 네트워크 파드에서는 infra를 포함한 모든 컨테이너가 노드의 net 네임스페이스에 있습니다. 파드만의 net 네임스페이스는 없습니다.',
      },
    },
  ],
};
