import { useId, useMemo, useState } from 'react';
import { defineMessages, useMessages } from '../../i18n/index.ts';
import { searchEntities } from '../../model/entities.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';

const text = defineMessages({
  en: {
    label: 'Search',
    placeholder: 'PID, name, inode or IP',
    none: 'Nothing matches',
    results: (n: number) => `${n} match${n === 1 ? '' : 'es'}`,
  },
  ko: {
    label: '검색',
    placeholder: 'PID, 이름, inode, IP',
    none: '일치하는 항목 없음',
    results: (n: number) => `${n}개 일치`,
  },
});

/**
 * Search by PID, name, inode or IP (`q=` in the hash). Results are entities; choosing one
 * selects it, which opens the inspector and marks it in every view.
 */
export function SearchBox({ query }: { query: string }) {
  const t = useMessages(text);
  const index = useEntityIndex();
  const patch = usePatchHash();
  const [draft, setDraft] = useState(query);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results = useMemo(() => searchEntities(index, draft, 12), [index, draft]);
  const choose = (key: string) => {
    patch({ select: key, q: draft });
    setOpen(false);
  };
  return (
    <div className="search" role="search">
      <input
        type="search"
        data-testid="search"
        aria-label={t.label}
        placeholder={t.placeholder}
        value={draft}
        role="combobox"
        aria-expanded={open && draft !== ''}
        aria-controls={listId}
        onChange={(e) => {
          setDraft(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) choose(results[0].key);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && draft.trim() !== '' && (
        <ul
          id={listId}
          role="listbox"
          className="search-results"
          aria-label={t.results(results.length)}
        >
          {results.length === 0 ? (
            <li className="muted">{t.none}</li>
          ) : (
            results.map((e) => (
              <li
                key={e.key}
                role="option"
                aria-selected={false}
                data-testid="search-result"
                data-key={e.key}
                onMouseDown={(ev) => {
                  ev.preventDefault();
                  choose(e.key);
                }}
              >
                <span className={`kind kind-${e.kind}`}>{e.kind}</span> {e.label}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
