import { useMessages } from '../../i18n/index.ts';
import type { ShownWarning } from '../fixtures/load.ts';
import { IssueMessage } from './IssueMessage.tsx';
import { warningText } from './messages.ts';

const LIMIT = 200;

/**
 * Parse and model warnings with their source file and line. A polite live region, so a
 * screen reader hears when a newly opened capture has problems. The parser's messages are in
 * English; the common ones are shown in the UI's language (IssueMessage).
 */
export function WarningList({ warnings }: { warnings: readonly ShownWarning[] }) {
  const t = useMessages(warningText);
  const shown = warnings.slice(0, LIMIT);
  return (
    <section className="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title">
        {t.title} <span className="count">{warnings.length}</span>
      </h2>
      <div role="status" data-testid="warnings">
        {warnings.length === 0 ? (
          <p className="muted">{t.none}</p>
        ) : (
          // Focusable because it scrolls when long: keyboard users can scroll it too.
          <ul tabIndex={0} aria-label={t.count(warnings.length)}>
            {shown.map((w, i) => (
              <li key={i} className={`warning level-${w.level}`}>
                <span className="level">{t.level(w.level)}</span>{' '}
                {w.source !== undefined && (
                  <code
                    className="where"
                    title={w.line !== undefined ? t.where(w.source, w.line) : undefined}
                  >
                    {w.source}
                    {w.line !== undefined && `:${w.line}`}
                  </code>
                )}{' '}
                <IssueMessage message={w.message} />
              </li>
            ))}
            {warnings.length > LIMIT && (
              <li className="muted">{t.more(warnings.length - LIMIT)}</li>
            )}
          </ul>
        )}
      </div>
    </section>
  );
}
