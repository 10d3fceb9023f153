import { defineMessages, plural, useMessages } from '../../i18n/index.ts';
import type { ShownWarning } from '../fixtures/load.ts';

const LIMIT = 200;

const text = defineMessages({
  en: {
    title: 'Parse warnings',
    none: 'No warnings for this input.',
    count: (n: number) => plural(n, 'warning'),
    more: (n: number) => `… and ${n} more`,
    level: (level: ShownWarning['level']): string => level,
  },
  ko: {
    title: '분석 경고',
    none: '이 입력에는 경고가 없습니다.',
    count: (n: number) => `경고 ${n}개`,
    more: (n: number) => `… 외 ${n}개`,
    level: (level: ShownWarning['level']): string => (level === 'error' ? '오류' : '경고'),
  },
});

/**
 * Parse and model warnings with their source file and line. A polite live region, so a
 * screen reader hears when a newly opened capture has problems. Messages come from the parser
 * and stay in English; the frame around them follows the UI language.
 */
export function WarningList({ warnings }: { warnings: readonly ShownWarning[] }) {
  const t = useMessages(text);
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
                  <code className="where">
                    {w.source}
                    {w.line !== undefined && `:${w.line}`}
                  </code>
                )}{' '}
                <span className="message">{w.message}</span>
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
