import { lsnsFormats } from './formats/lsns/index.ts';
import { procFormats } from './formats/proc/index.ts';
import { runtimeFormats } from './formats/runtime/index.ts';
import { snapshotJsonFormat } from './formats/snapshotJson.ts';
import type { FormatParser } from './types.ts';

/** Every format a single command's output can be in (transcripts route their blocks here). */
export const COMMAND_FORMATS: readonly FormatParser[] = [
  snapshotJsonFormat,
  ...lsnsFormats,
  ...procFormats,
  ...runtimeFormats,
];
