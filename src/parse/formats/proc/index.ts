import type { FormatParser } from '../../types.ts';

export const procFormats: readonly FormatParser[] = [];
