import type { ShownWarning } from '../../api/types.ts';
import type { ImportOutcome } from './useImport.ts';

const SHOWN = 10;

/**
 * Why an import failed or was only partly read: each problem names its file and line and
 * shows the failing line. Everything here is React text: input is never rendered as HTML.
 */
export function ImportProblems({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.type === 'error') {
    return (
      <div role="alert" className="alert import-problems">
        <p>{outcome.message}</p>
      </div>
    );
  }
  const { problems } = outcome;
  return (
    <div role="alert" className="alert import-problems">
      <p>
        {outcome.type === 'failed'
          ? 'Nothing could be read from this input; the shown capture is unchanged.'
          : 'Shown, but parts of the input could not be read:'}
      </p>
      <ul>
        {problems.slice(0, SHOWN).map((w, i) => (
          <Problem key={i} problem={w} />
        ))}
        {problems.length > SHOWN && <li>… and {problems.length - SHOWN} more</li>}
      </ul>
    </div>
  );
}

function Problem({ problem: w }: { problem: ShownWarning }) {
  return (
    <li>
      <strong className="where">
        {w.source ?? 'input'}
        {w.line !== undefined && `, line ${w.line}`}
      </strong>
      : <span className="message">{w.message}</span>
      {w.excerpt !== undefined && (
        <pre className="excerpt" aria-label={`line ${w.line ?? ''}`}>
          {w.line !== undefined && <span className="line-no">{w.line}</span>}
          {w.excerpt}
        </pre>
      )}
    </li>
  );
}
