import type { FormatParser } from '../../types.ts';

export const lsnsFormats: readonly FormatParser[] = [];
