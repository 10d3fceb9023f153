import type { Tour } from '../types.ts';

const SHARED_PID = 'ns:k8s-w1:4026532339';
const HOST_NET = 'ns:k8s-w1:4026531833';

/** shareProcessNamespace and hostNetwork: the pod spec fields that move a namespace's scope. */
export const podOptionsTour: Tour = {
  id: 'pod-options',
  title: {
    en: 'shareProcessNamespace and hostNetwork',
    ko: 'shareProcessNamespace와 hostNetwork',
  },
  summary: {
    en: 'Two pod settings that change which namespaces are shared, and the diff that shows it.',
    ko: '어떤 네임스페이스를 공유할지 바꾸는 파드 설정 두 가지와, 그 차이를 보여 주는 비교.',
  },
  steps: [
    {
      src: 'myweb2-sharepid',
      types: ['pid'],
      select: SHARED_PID,
      title: {
        en: 'shareProcessNamespace makes pid pod-shared',
        ko: 'shareProcessNamespace로 pid를 파드가 공유',
      },
      text: {
        en: 'With shareProcessNamespace: true every container joins the pause container’s pid namespace. pause becomes PID 1 of the pod and reaps zombie processes, and ps -ef in netshoot now shows nginx.',
        ko: 'shareProcessNamespace: true로 설정하면 모든 컨테이너가 pause 컨테이너의 pid 네임스페이스에 들어갑니다. pause가 파드의 PID 1(Init 프로세스)이 되어 좀비 프로세스를 정리하고, 이제 netshoot에서 ps -ef를 하면 nginx가 보입니다.',
      },
    },
    {
      src: 'myweb2',
      view: 'diff',
      against: ['myweb2-sharepid'],
      types: ['mnt', 'pid'],
      title: { en: 'The diff: pid from container to pod', ko: '차이: pid가 컨테이너에서 파드로' },
      text: {
        en: 'Compared with plain myweb2, pid changes scope from container to pod in all three containers, while mnt stays each container’s own. (The pod was created again, so every namespace is new: only the scopes tell the story.)',
        ko: '기본 myweb2와 비교하면 세 컨테이너 모두 pid의 범위가 컨테이너에서 파드로 바뀌고, mnt는 여전히 컨테이너마다 따로입니다. (파드를 다시 만들었으므로 네임스페이스는 모두 새것이고, 의미 있는 것은 범위의 변화입니다.)',
      },
    },
    {
      src: 'myweb2-hostnet',
      types: ['net', 'uts'],
      select: HOST_NET,
      title: {
        en: 'hostNetwork puts the pod in the host’s net namespace',
        ko: 'hostNetwork면 파드가 호스트의 net 네임스페이스를 사용',
      },
      text: {
        en: 'With hostNetwork: true the pod uses the node’s net namespace, and its uts too, so it sees the node’s interfaces and hostname. ipc is still the pod’s own, created by pause; mnt and pid stay per container.',
        ko: 'hostNetwork: true로 설정하면 파드가 노드의 net 네임스페이스를 그대로 쓰고, uts도 호스트 것을 쓰므로 노드의 인터페이스와 호스트 이름이 보입니다. ipc는 여전히 pause가 만든 파드 전용이고, mnt와 pid는 컨테이너마다 따로입니다.',
      },
    },
    {
      src: 'myweb2',
      view: 'diff',
      against: ['myweb2-hostnet'],
      types: ['net', 'ipc', 'uts'],
      title: {
        en: 'The diff: net and uts become the host’s',
        ko: '차이: net과 uts가 호스트 것으로',
      },
      text: {
        en: 'Compared with plain myweb2: net and uts change scope from pod to host, ipc stays shared in the pod.',
        ko: '기본 myweb2와 비교하면 net과 uts의 범위가 파드에서 호스트로 바뀌고, ipc는 그대로 파드 안에서 공유됩니다.',
      },
    },
  ],
};
