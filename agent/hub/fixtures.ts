/**
 * Snapshots for the hub's tests: the real test-bed recordings, parsed as the node a test names.
 */
import { readFileSync } from 'node:fs';
import { parseInputs } from '../../src/parse/index.ts';
import type { Snapshot } from '../../src/protocol/snapshot.ts';
import { dropStrayNodes } from '../sources/exec.ts';

export const RECORDINGS = [
  'unshare-default',
  'podman-default',
  'unshare-sharepid',
  'podman-hostnet',
] as const;

/** `fixtures/recordings/VARIANT/record.txt` as a snapshot of node NODE. */
export function recordingSnapshot(variant: (typeof RECORDINGS)[number], node: string): Snapshot {
  const url = new URL(`../../fixtures/recordings/${variant}/record.txt`, import.meta.url);
  const { snapshot } = parseInputs([{ name: variant, text: readFileSync(url, 'utf8') }], { node });
  dropStrayNodes(snapshot, node);
  return snapshot;
}
