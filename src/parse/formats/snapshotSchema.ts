import * as v from 'valibot';
import { NS_TYPES, SNAPSHOT_SCHEMA } from '../../protocol/snapshot.ts';

// Lenient on input (missing optional fields and unknown extra keys are fine, so newer writers
// stay readable), strict on types (an inode that is a string is an error, not a guess).
const inode = v.pipe(v.number(), v.integer(), v.minValue(0));
const nsType = v.picklist(NS_TYPES);
const nsMap = v.partial(
  v.object(
    Object.fromEntries(NS_TYPES.map((t) => [t, inode])) as Record<
      (typeof NS_TYPES)[number],
      typeof inode
    >,
  ),
);
const str = v.string();
const opt = <T extends v.GenericSchema>(s: T) => v.optional(s);

const iface = v.looseObject({ name: str, mac: opt(str), addresses: v.optional(v.array(str), []) });

export const SnapshotSchema = v.looseObject({
  schema: v.literal(SNAPSHOT_SCHEMA),
  capturedAt: opt(str),
  sources: v.optional(v.array(v.looseObject({ format: str, name: opt(str), tool: opt(str) })), []),
  nodes: v.optional(
    v.array(v.looseObject({ name: str, kernel: opt(str), hostname: opt(str) })),
    [],
  ),
  namespaces: v.optional(
    v.array(
      v.looseObject({
        node: str,
        type: nsType,
        inode,
        nprocs: opt(inode),
        owner: opt(inode),
        parent: opt(inode),
        nsfs: opt(v.array(str)),
        hostname: opt(str),
        interfaces: opt(v.array(iface)),
        netnsid: opt(str),
      }),
    ),
    [],
  ),
  processes: v.optional(
    v.array(
      v.looseObject({
        node: str,
        pid: inode,
        ppid: opt(inode),
        command: opt(str),
        user: opt(str),
        uid: opt(inode),
        namespaces: v.optional(nsMap, {}),
        cgroup: opt(str),
        container: opt(str),
        forChildren: opt(v.partial(v.object({ pid: inode, time: inode }))),
        startTime: opt(inode),
        nsPid: opt(inode),
      }),
    ),
    [],
  ),
  containers: v.optional(
    v.array(
      v.looseObject({
        node: str,
        id: str,
        name: opt(str),
        pod: opt(str),
        sandbox: opt(v.boolean()),
        runtime: opt(str),
        image: opt(str),
        pid: opt(inode),
        state: opt(str),
      }),
    ),
    [],
  ),
  pods: v.optional(
    v.array(
      v.looseObject({
        node: str,
        key: str,
        uid: opt(str),
        name: opt(str),
        namespace: opt(str),
        qos: opt(str),
        ips: opt(v.array(str)),
        sandboxId: opt(str),
      }),
    ),
    [],
  ),
  warnings: v.optional(
    v.array(v.looseObject({ source: opt(str), line: opt(inode), message: str })),
    [],
  ),
});
