import type { FormatParser } from '../../types.ts';
import { cgroupFormat } from './cgroup.ts';
import { ipJsonFormat, ipTextFormat } from './ip.ts';
import { lsFormat } from './ls.ts';
import { psFormat } from './ps.ts';
import { readlinkFormat } from './readlink.ts';
import { statFormat } from './stat.ts';
import { statusFormat } from './status.ts';

/**
 * Parsers for what people read straight from a node: `/proc/PID/ns` listings (`ls -l`,
 * `readlink`, `stat`), `/proc/PID/cgroup`, `/proc/PID/status`, `ps` and `ip addr`.
 */
export const procFormats: readonly FormatParser[] = [
  lsFormat,
  readlinkFormat,
  statFormat,
  cgroupFormat,
  statusFormat,
  psFormat,
  ipTextFormat,
  ipJsonFormat,
];

export {
  NET_INTERFACES_FIELD,
  netInterfacesOf,
  unplacedInterfaces,
  type ProcessWithInterfaces,
  type SnapshotWithInterfaces,
  type UnplacedInterfaces,
} from './interfaces.ts';
