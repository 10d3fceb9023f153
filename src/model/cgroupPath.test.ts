import { describe, expect, it } from 'vitest';
import { attributeCgroupPath } from './cgroupPath.ts';

const ID = 'a'.repeat(60) + '1234';
const POD = 'b'.repeat(64);
const UID = '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
const UID_ = UID.replace(/-/g, '_');

describe('attributeCgroupPath', () => {
  it.each([
    [
      `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID_}.slice/cri-containerd-${ID}.scope`,
      'containerd',
      UID,
      'besteffort',
    ],
    [
      `/kubepods.slice/kubepods-pod${UID_}.slice/cri-containerd-${ID}.scope`,
      'containerd',
      UID,
      'guaranteed',
    ],
    [
      `/kubelet.slice/kubelet-kubepods.slice/kubelet-kubepods-burstable.slice/kubelet-kubepods-burstable-pod${UID_}.slice/cri-containerd-${ID}.scope`,
      'containerd',
      UID,
      'burstable',
    ],
    [
      `/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod${UID_}.slice/crio-${ID}.scope`,
      'cri-o',
      UID,
      'burstable',
    ],
    [
      `/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod${UID_}.slice/docker-${ID}.scope`,
      'docker',
      UID,
      'besteffort',
    ],
    [`/kubepods/besteffort/pod${UID}/${ID}`, 'unknown', UID, 'besteffort'],
    [`/kubepods/pod${UID}/${ID}/kube-proxy`, 'unknown', UID, 'guaranteed'],
    [
      `/system.slice/containerd.service/kubepods-besteffort-pod${UID_}.slice:cri-containerd:${ID}`,
      'containerd',
      UID,
      'besteffort',
    ],
    [`/docker/${POD}/kubepods/besteffort/pod${UID}/${ID}`, 'unknown', UID, 'besteffort'],
  ])('%s', (path, runtime, uid, qos) => {
    expect(attributeCgroupPath(path)).toEqual({ containerId: ID, runtime, podUid: uid, qos });
  });

  it('reads plain docker and podman paths', () => {
    expect(attributeCgroupPath(`/docker/${ID}`)).toEqual({ containerId: ID, runtime: 'docker' });
    expect(attributeCgroupPath(`/system.slice/docker-${ID}.scope`)).toEqual({
      containerId: ID,
      runtime: 'docker',
    });
    expect(attributeCgroupPath(`/libpod_parent/${POD}/libpod-${ID}`)).toEqual({
      containerId: ID,
      runtime: 'podman',
      podmanPodId: POD,
    });
    expect(
      attributeCgroupPath(`/machine.slice/machine-libpod_pod_${POD}.slice/libpod-${ID}.scope`),
    ).toEqual({
      containerId: ID,
      runtime: 'podman',
      podmanPodId: POD,
    });
  });

  it('ignores host services and runtime helpers', () => {
    expect(attributeCgroupPath('/system.slice/cron.service')).toBeUndefined();
    expect(attributeCgroupPath('/')).toBeUndefined();
    expect(attributeCgroupPath(`/machine.slice/libpod-conmon-${ID}.scope`)).toBeUndefined();
    expect(attributeCgroupPath(`/kubepods.slice/crio-conmon-${ID}.scope`)).toBeUndefined();
  });
});
