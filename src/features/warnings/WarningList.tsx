import type { ShownWarning } from '../fixtures/load.ts';

const LIMIT = 200;

/**
 * Parse and model warnings with their source file and line. A polite live region, so a
 * screen reader hears when a newly opened capture has problems.
 */
export function WarningList({ warnings }: { warnings: readonly ShownWarning[] }) {
  const shown = warnings.slice(0, LIMIT);
  return (
    <section className="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title">
        Parse warnings <span className="count">{warnings.length}</span>
      </h2>
      <div role="status" data-testid="warnings">
        {warnings.length === 0 ? (
          <p className="muted">No warnings for this input.</p>
        ) : (
          // Focusable because it scrolls when long: keyboard users can scroll it too.
          <ul tabIndex={0} aria-label={`${warnings.length} warnings`}>
            {shown.map((w, i) => (
              <li key={i} className={`warning level-${w.level}`}>
                <span className="level">{w.level}</span>{' '}
                {w.source !== undefined && (
                  <code className="where">
                    {w.source}
                    {w.line !== undefined && `:${w.line}`}
                  </code>
                )}{' '}
                <span className="message">{w.message}</span>
              </li>
            ))}
            {warnings.length > LIMIT && (
              <li className="muted">… and {warnings.length - LIMIT} more</li>
            )}
          </ul>
        )}
      </div>
    </section>
  );
}
