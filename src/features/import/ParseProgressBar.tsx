import type { ParseProgress } from '../../api/types.ts';
import { useMessages } from '../../i18n/index.ts';
import { importText } from './messages.ts';

/**
 * Where a parse is. Determinate while inputs are counted (input i of n, bytes downloaded),
 * indeterminate otherwise; the text says the step, and screen readers hear it.
 */
export function ParseProgressBar({ progress }: { progress: ParseProgress | undefined }) {
  const t = useMessages(importText);
  const text = progress ? t.progress(progress) : t.starting;
  const ratio = progress ? fraction(progress) : undefined;
  return (
    <div
      className="parse-progress"
      data-testid="import-progress"
      data-phase={progress?.phase ?? 'start'}
    >
      <progress
        max={1}
        {...(ratio === undefined ? {} : { value: ratio })}
        aria-label={t.progressLabel}
      />
      <span aria-live="polite">{text}</span>
    </div>
  );
}

function fraction(p: ParseProgress): number | undefined {
  switch (p.phase) {
    case 'fetching':
      return p.total ? p.loaded / p.total : undefined;
    case 'reading':
    case 'parsing':
      // Reading is the first fifth of the way, parsing the rest (it is the slow part).
      return p.phase === 'reading'
        ? (0.2 * (p.index - 1)) / p.total
        : 0.2 + (0.7 * (p.index - 1)) / p.total;
    case 'classifying':
      return 0.9;
    case 'done':
      return 1;
  }
}
