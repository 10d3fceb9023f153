import { SCOPE_ORDER, SCOPE_TEXT } from './labels.ts';

/** The scope colours, each with its word and meaning. */
export function ScopeLegend() {
  return (
    <ul className="legend" aria-label="Scope legend">
      {SCOPE_ORDER.map((scope) => (
        <li key={scope}>
          <span className={`swatch scope-${scope}`} aria-hidden="true" />
          <strong>{SCOPE_TEXT[scope].label}</strong> {SCOPE_TEXT[scope].meaning}
        </li>
      ))}
    </ul>
  );
}
