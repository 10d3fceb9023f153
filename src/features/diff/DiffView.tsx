import { useMemo } from 'react';
import './diff.css';
import type { ParsedSource } from '../../api/types.ts';
import { useMessages } from '../../i18n/index.ts';
import { diffSnapshots } from '../../model/diff.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import type { ViewState } from '../../state/viewState.ts';
import { gallery } from '../fixtures/gallery.ts';
import { FailureText } from '../import/FailureText.tsx';
import { defaultAgainst } from './defaultAgainst.ts';
import { DiffPair } from './DiffPair.tsx';
import { diffText } from './messages.ts';
import { useAgainst, type AgainstSource } from './useAgainst.ts';

interface Props {
  /** The shown source: the older side of every comparison. */
  src: string;
  data: ParsedSource;
  state: ViewState;
}

/**
 * `view=diff` (contract §5): the shown capture against one or more others (`against=`,
 * defaulting to the same pod's variant), each as a comparison of what changed per container
 * and namespace type, then per namespace type and entity.
 */
export function DiffView({ src, data, state }: Props) {
  const t = useMessages(diffText);
  const ids = gallery.entries.map((e) => e.id);
  const fallback = defaultAgainst(src, ids);
  const against = state.against.length > 0 ? state.against : fallback ? [fallback] : [];
  const others = useAgainst(against);
  return (
    <section
      className="diff"
      data-testid="diff"
      data-src={src}
      data-against={against.join(',')}
      aria-labelledby="diff-title"
    >
      <div className="section-head">
        <h2 id="diff-title">{t.title}</h2>
        <AgainstPicker src={src} ids={ids} against={against} />
      </div>
      {others.map((o) => (
        <Other key={o.id} src={src} data={data} other={o} types={state.types} />
      ))}
    </section>
  );
}

function Other({
  src,
  data,
  other,
  types,
}: {
  src: string;
  data: ParsedSource;
  other: AgainstSource;
  types: ViewState['types'];
}) {
  const t = useMessages(diffText);
  const after = other.status === 'ready' ? other.data : undefined;
  const diff = useMemo(() => (after ? diffSnapshots(data, after) : undefined), [data, after]);
  if (other.status === 'error') {
    return (
      <p role="alert" className="alert">
        {other.message === 'unknown' ? (
          t.unknown(other.id)
        ) : (
          <>
            {other.id}: <FailureText message={other.message} />
          </>
        )}
      </p>
    );
  }
  if (!diff) return <p className="muted">{t.loading(other.id)}</p>;
  return <DiffPair from={src} to={other.id} toTitle={other.title} diff={diff} types={types} />;
}

/** One toggle per bundled capture: which ones the shown capture is compared with. */
function AgainstPicker({
  src,
  ids,
  against,
}: {
  src: string;
  ids: readonly string[];
  against: readonly string[];
}) {
  const t = useMessages(diffText);
  const patch = usePatchHash();
  const toggle = (id: string) => {
    const next = against.includes(id) ? against.filter((x) => x !== id) : [...against, id];
    // Never none: the last one stays until another is picked.
    if (next.length > 0) patch({ against: next });
  };
  return (
    <div
      className="diff-against"
      role="group"
      aria-label={`${t.against}: ${t.againstHint}`}
      data-testid="diff-against"
    >
      <span className="diff-against-label">{t.against}</span>
      {ids
        .filter((id) => id !== src)
        .map((id) => (
          <button
            key={id}
            type="button"
            className="chip"
            data-against-id={id}
            aria-pressed={against.includes(id)}
            onClick={() => toggle(id)}
          >
            {id}
          </button>
        ))}
    </div>
  );
}
