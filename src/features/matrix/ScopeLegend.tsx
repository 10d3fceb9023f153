import { useMessages } from '../../i18n/index.ts';
import { labelText, SCOPE_ORDER } from './labels.ts';

/** The scope colours, each with its word and meaning. */
export function ScopeLegend() {
  const t = useMessages(labelText);
  return (
    <ul className="legend" aria-label={t.scopeLegend}>
      {SCOPE_ORDER.map((scope) => (
        <li key={scope}>
          <span className={`swatch scope-${scope}`} aria-hidden="true" />
          <strong>{t.scope(scope)}</strong> {t.meaning(scope)}
        </li>
      ))}
    </ul>
  );
}
