/**
 * Container-runtime outputs: crictl, podman, docker and lxkns. Each parser turns one output
 * into containers, pods and, where the output has them, processes and namespace memberships.
 */
import type { FormatParser } from '../../types.ts';
import { crictlInspect } from './crictl-inspect.ts';
import { crictlPodsJson, crictlPsJson } from './crictl-lists.ts';
import { crictlPodsTable, crictlPsTable } from './crictl-tables.ts';
import { dockerInspect, podmanInspect } from './engine-inspect.ts';
import { lxknsDiscovery } from './lxkns.ts';
import { podmanPodInspect } from './podman-pod-inspect.ts';
import { podmanPs } from './podman-ps.ts';

export const runtimeFormats: readonly FormatParser[] = [
  crictlPsTable,
  crictlPodsTable,
  crictlPsJson,
  crictlPodsJson,
  crictlInspect,
  podmanPs,
  podmanPodInspect,
  podmanInspect,
  dockerInspect,
  lxknsDiscovery,
];
