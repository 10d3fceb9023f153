import { useEffect, useId } from 'react';
import './inspector.css';
import type { Entity, EntityIndex } from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { patchHash } from '../../state/useViewState.ts';
import { togglePick } from '../compare/compare.ts';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';
import { inspectorText } from './messages.ts';
import { linkLabel } from './parts.tsx';
import { NamespaceFacts, PodFacts } from './PodNamespace.tsx';
import { ContainerFacts, ProcessFacts } from './ProcessContainer.tsx';

interface Props {
  /** Contract §5 key of the selected entity (`select=`). */
  selected: string;
  /** `compare=` keys, for the Compare toggle. */
  compare?: readonly string[];
}

const close = () => patchHash({ select: undefined });

/**
 * The selected entity's facts beside the view (`[data-testid=inspector]`): everything the
 * snapshot knows about it, related entities as buttons that select them (and light up in the
 * views while hovered), a Compare toggle for processes and containers. × or Escape closes it.
 * Text from inputs (commands, paths, names) is rendered as text, never as HTML.
 */
export function Inspector({ selected, compare = [] }: Props) {
  const t = useMessages(inspectorText);
  const index = useEntityIndex();
  const e = index.byKey.get(selected);
  const titleId = useId();

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape' || ev.defaultPrevented) return;
      const target = ev.target;
      // Escape in a text field belongs to that field (the search closes its list).
      if (target instanceof HTMLElement && target.closest('input, textarea, select')) return;
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <aside
      className="inspector"
      data-testid="inspector"
      data-kind={e?.kind}
      data-selected={selected}
      aria-labelledby={titleId}
    >
      <header className="inspector-head">
        <div className="inspector-title">
          {e && <span className={`kind-badge kind-${e.kind}`}>{t.kind(e.kind)}</span>}
          <h2 id={titleId}>
            <span className="visually-hidden">{t.label('')}</span>
            {e ? linkLabel(e) : selected}
          </h2>
        </div>
        <button
          type="button"
          className="close"
          data-testid="inspector-close"
          aria-label={t.close}
          title={t.close}
          onClick={close}
        >
          ×
        </button>
      </header>
      {e ? (
        <>
          {(e.kind === 'process' || e.kind === 'container') && (
            <CompareToggle entityKey={e.key} compare={compare} />
          )}
          <Body e={e} index={index} />
        </>
      ) : (
        <p className="muted">{t.notFound(selected)}</p>
      )}
    </aside>
  );
}

function Body({ e, index }: { e: Entity; index: EntityIndex }) {
  switch (e.kind) {
    case 'process':
      return <ProcessFacts e={e} index={index} />;
    case 'container':
      return <ContainerFacts e={e} index={index} />;
    case 'pod':
      return <PodFacts e={e} index={index} />;
    case 'namespace':
      return <NamespaceFacts e={e} />;
  }
}

function CompareToggle({ entityKey, compare }: { entityKey: string; compare: readonly string[] }) {
  const t = useMessages(inspectorText);
  const picked = compare.includes(entityKey);
  return (
    <div className="inspector-actions">
      <button
        type="button"
        className="small-button"
        data-testid="compare-toggle"
        aria-pressed={picked}
        title={t.compareHint}
        onClick={() => patchHash({ compare: togglePick(compare, entityKey) })}
      >
        {picked ? '✓ ' : '+ '}
        {t.compare}
      </button>
      {compare.length >= 2 && (
        <button
          type="button"
          className="small-button"
          data-testid="open-compare"
          onClick={() => patchHash({ view: 'compare' })}
        >
          {t.openCompare(compare.length)}
        </button>
      )}
    </div>
  );
}
