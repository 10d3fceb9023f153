import type { FormatParser } from '../../types.ts';

export const runtimeFormats: readonly FormatParser[] = [];
