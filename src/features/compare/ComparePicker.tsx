import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { PodEntity } from '../../model/entities.ts';
import { useMessages } from '../../i18n/index.ts';
import { patchHash } from '../../state/useViewState.ts';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';
import { pickCandidates, togglePick, type Pickable } from './compare.ts';
import { compareText } from './messages.ts';

/** Shown per list; a search narrows longer lists (2,000 processes stay one short list). */
const LIST_LIMIT = 24;

/** A pick's name and what it belongs to: `pause · default/myweb2`, `PID 2903 nginx: · myweb2-nginx`. */
export function PickName({ entity }: { entity: Pickable }) {
  const t = useMessages(compareText);
  const index = useEntityIndex();
  const owner = entity.kind === 'process' ? entity.container : entity.pod;
  const ownerEntity = owner ? index.byKey.get(owner) : undefined;
  const ownerLabel =
    ownerEntity?.kind === 'container' && ownerEntity.sandbox
      ? t.pause
      : ownerEntity?.label.replace(/^pod /, '');
  const name = entity.kind === 'container' && entity.sandbox ? t.pause : entity.label;
  return (
    <span className="pick-name">
      <span className="pick-title">{name}</span>
      <span className="pick-sub">
        {entity.kind === 'container' ? t.container : t.process}
        {ownerLabel && <> · {ownerLabel}</>}
      </span>
    </span>
  );
}

/**
 * The compare picker: a search over containers and processes, each a toggle button (in
 * `compare=` or not), and one button per pod that picks all of its containers at once.
 */
export function ComparePicker({ picks }: { picks: readonly string[] }) {
  const t = useMessages(compareText);
  const index = useEntityIndex();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const searchId = useId();
  const candidates = useMemo(() => pickCandidates(index, deferred), [index, deferred]);
  const pods = useMemo(
    () =>
      [...index.byKey.values()].filter(
        (e): e is PodEntity => e.kind === 'pod' && e.containers.length >= 2,
      ),
    [index],
  );
  const containers = candidates.filter((c) => c.kind === 'container');
  const processes = candidates.filter((c) => c.kind === 'process');
  const toggle = (key: string) => patchHash({ compare: togglePick(picks, key) });

  return (
    <section className="compare-picker" aria-labelledby={`${searchId}-h`}>
      <h3 id={`${searchId}-h`}>{t.picker}</h3>
      {pods.length > 0 && (
        <div className="presets" role="group" aria-label={t.podPreset}>
          {pods.slice(0, 8).map((pod) => (
            <button
              key={pod.key}
              type="button"
              className="small-button"
              data-testid="compare-preset"
              data-key={pod.key}
              data-kind="pod"
              onClick={() => patchHash({ compare: pod.containers })}
            >
              {t.preset(pod.label.replace(/^pod /, ''))}
            </button>
          ))}
        </div>
      )}
      <input
        type="search"
        className="table-filter"
        data-testid="compare-search"
        aria-label={t.pickerSearch}
        placeholder={t.pickerSearch}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {candidates.length === 0 ? (
        <p className="muted">{t.nothing}</p>
      ) : (
        <div className="pick-lists">
          <PickList title={t.containers} items={containers} picks={picks} onToggle={toggle} />
          <PickList title={t.processes} items={processes} picks={picks} onToggle={toggle} />
        </div>
      )}
    </section>
  );
}

function PickList({
  title,
  items,
  picks,
  onToggle,
}: {
  title: string;
  items: readonly Pickable[];
  picks: readonly string[];
  onToggle: (key: string) => void;
}) {
  const t = useMessages(compareText);
  const id = useId();
  if (items.length === 0) return null;
  return (
    <div className="pick-list">
      <h4 id={id}>
        {title} <span className="muted">({items.length})</span>
      </h4>
      <ul aria-labelledby={id}>
        {items.slice(0, LIST_LIMIT).map((e) => (
          <li key={e.key}>
            <button
              type="button"
              className="pick"
              data-testid="compare-pick"
              data-key={e.key}
              data-kind={e.kind}
              aria-pressed={picks.includes(e.key)}
              onClick={() => onToggle(e.key)}
            >
              <span className="pick-check" aria-hidden="true">
                {picks.includes(e.key) ? '✓' : '+'}
              </span>
              <PickName entity={e} />
            </button>
          </li>
        ))}
      </ul>
      {items.length > LIST_LIMIT && <p className="muted">{t.more(items.length - LIST_LIMIT)}</p>}
    </div>
  );
}
