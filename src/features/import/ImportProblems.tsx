import type { ShownWarning } from '../../api/types.ts';
import { useMessages } from '../../i18n/index.ts';
import { IssueMessage } from '../warnings/IssueMessage.tsx';
import { FailureText } from './FailureText.tsx';
import { importText } from './messages.ts';
import type { ImportOutcome } from './useImport.ts';

const SHOWN = 10;

/**
 * Why an import failed or was only partly read: each problem names its file and line and
 * shows the failing line. Everything here is React text: input is never rendered as HTML.
 */
export function ImportProblems({ outcome }: { outcome: ImportOutcome }) {
  const t = useMessages(importText);
  if (outcome.type === 'error') {
    return (
      <div role="alert" className="alert import-problems">
        <p>
          <strong>{t.errorTitle}</strong>
        </p>
        <p>
          <FailureText message={outcome.message} />
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="alert import-problems">
      <p>
        <strong>{outcome.type === 'failed' ? t.failed : t.partial}</strong>
      </p>
      {outcome.type === 'failed' && outcome.problems.length === 0 ? (
        <p>
          <strong className="where">{outcome.names.join(', ')}</strong>: {t.nothingFound}
        </p>
      ) : (
        <ProblemList problems={outcome.problems} />
      )}
    </div>
  );
}

/** Up to ten problems with file, line and the failing line; then how many more. */
export function ProblemList({ problems }: { problems: readonly ShownWarning[] }) {
  const t = useMessages(importText);
  return (
    <ul className="problem-list">
      {problems.slice(0, SHOWN).map((w, i) => (
        <li key={i}>
          <strong className="where">{t.where(w.source ?? t.input, w.line)}</strong>:{' '}
          <IssueMessage message={w.message} />
          {w.excerpt !== undefined && (
            <pre className="excerpt" aria-label={t.lineLabel(w.line)}>
              {w.line !== undefined && (
                <span className="line-no" aria-hidden="true">
                  {w.line}
                </span>
              )}
              {w.excerpt}
            </pre>
          )}
        </li>
      ))}
      {problems.length > SHOWN && <li>{t.more(problems.length - SHOWN)}</li>}
    </ul>
  );
}
