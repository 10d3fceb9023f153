import { useId, useMemo, useState } from 'react';
import { defineMessages, useMessages } from '../../i18n/index.ts';
import { searchEntities, type EntityKind } from '../../model/entities.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';

const KIND_KO: Readonly<Record<EntityKind, string>> = {
  pod: '파드',
  container: '컨테이너',
  process: '프로세스',
  namespace: '네임스페이스',
};

const text = defineMessages({
  en: {
    label: 'Search',
    placeholder: 'PID, name, inode, IP',
    none: 'Nothing matches',
    results: (n: number) => `${n} match${n === 1 ? '' : 'es'}`,
    kind: (k: EntityKind): string => k,
  },
  ko: {
    label: '검색',
    placeholder: 'PID, 이름, inode, IP',
    none: '일치하는 항목 없음',
    results: (n: number) => `${n}개 일치`,
    kind: (k: EntityKind): string => KIND_KO[k],
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
  // The result Arrow keys moved to; Enter chooses it (the first when none).
  const [active, setActive] = useState(-1);
  const listId = useId();
  const results = useMemo(() => searchEntities(index, draft, 12), [index, draft]);
  const shown = open && draft.trim() !== '';
  const activeResult = shown ? results[active] : undefined;
  const optionId = (i: number) => `${listId}-${i}`;
  const choose = (key: string) => {
    patch({ select: key, q: draft });
    setOpen(false);
    setActive(-1);
  };
  const move = (down: boolean) => {
    const n = results.length;
    if (n === 0) return;
    setOpen(true);
    setActive((a) => (down ? (a < n - 1 ? a + 1 : 0) : a > 0 ? a - 1 : n - 1));
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
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeResult ? optionId(active) : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown');
          }
          const chosen = activeResult ?? results[0];
          if (e.key === 'Enter' && chosen) choose(chosen.key);
          // Escape closes the list first; a second Escape is the browser's (clears the field).
          if (e.key === 'Escape' && shown) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      {shown && (
        <ul
          id={listId}
          role="listbox"
          className="search-results"
          aria-label={t.results(results.length)}
        >
          {results.length === 0 ? (
            <li className="muted">{t.none}</li>
          ) : (
            results.map((e, i) => (
              <li
                key={e.key}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                data-testid="search-result"
                data-key={e.key}
                onMouseDown={(ev) => {
                  ev.preventDefault();
                  choose(e.key);
                }}
              >
                <span className={`kind kind-${e.kind}`}>{t.kind(e.kind)}</span> {e.label}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
