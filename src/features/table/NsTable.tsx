import { useDeferredValue, useId, useMemo, useState } from 'react';
import './table.css';
import type { NsType, Snapshot, Summary } from '../../protocol/snapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import { useHashParam } from '../../state/useHashParam.ts';
import { useHashText } from '../../state/useHashText.ts';
import { patchHash } from '../../state/useViewState.ts';
import { tableText } from './messages.ts';
import {
  COLUMNS,
  filterRows,
  nextSort,
  nsTableRows,
  readSort,
  sortRows,
  writeSort,
  type Column,
  type Member,
  type NsTableRow,
} from './rows.ts';
import { ScopePill, TypeMark } from './TypeMark.tsx';

interface Props {
  snapshot: Snapshot;
  summary: Summary;
  /** The type filter: only these types are listed. */
  types: readonly NsType[];
}

/** Rows per page: thousands of namespaces stay fast, and hover stays one cheap DOM query. */
export const PAGE_SIZE = 100;

/**
 * Every namespace, like `lsns` but complete (contract §5 `[data-testid=ns-table]`): sortable by
 * each column (`sort=` in the hash), filtered by text (`filter=`) and the type chips, paged.
 * The screen-reader mirror of the pictures: a caption, column and row headers, aria-sort.
 */
export function NsTable({ snapshot, summary, types }: Props) {
  const t = useMessages(tableText);
  const [sortParam] = useHashParam('sort');
  const [page, setPage] = useState(0);
  // `filter=` follows the field as it is typed; one history entry per edit (see hashTextWriter).
  const filter = useHashText('filter', () => setPage(0));
  const query = useDeferredValue(filter.text);
  const sort = readSort(sortParam);
  const filterId = useId();

  const all = useMemo(() => nsTableRows(snapshot, summary), [snapshot, summary]);
  const shown = useMemo(
    () => sortRows(filterRows(all, query, types), readSort(sortParam)),
    [all, query, types, sortParam],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  const sortBy = (column: Column) => {
    patchHash({ sort: writeSort(nextSort(sort, column)) }, true);
    setPage(0);
  };

  return (
    <section className="ns-table-view" aria-labelledby={`${filterId}-title`}>
      <div className="section-head">
        <h2 id={`${filterId}-title`}>{t.title}</h2>
        <div className="table-tools">
          <input
            type="search"
            id={filterId}
            className="table-filter"
            data-testid="ns-table-filter"
            aria-label={t.filter}
            placeholder={t.filterPlaceholder}
            value={filter.text}
            onChange={(e) => {
              filter.change(e.target.value);
              setPage(0);
            }}
            onBlur={filter.commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') filter.commit();
            }}
          />
          <span className="muted" role="status" data-testid="ns-table-count">
            {t.count(shown.length, all.length)}
          </span>
        </div>
      </div>
      <div className="table-scroll">
        <table
          className="ns-table"
          data-testid="ns-table"
          data-rows={shown.length}
          data-sort={`${sort.descending ? '-' : ''}${sort.column}`}
        >
          <caption>
            {t.caption(all.length)} {t.sortedBy(sort.column, sort.descending)}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={`col-${column}`}
                  data-column={column}
                  aria-sort={
                    sort.column === column
                      ? sort.descending
                        ? 'descending'
                        : 'ascending'
                      : undefined
                  }
                >
                  <button type="button" title={t.sortBy(column)} onClick={() => sortBy(column)}>
                    {t.column(column)}
                    <span className="sort-mark" aria-hidden="true">
                      {sort.column === column ? (sort.descending ? '▼' : '▲') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length} className="empty">
                  {t.none}
                </td>
              </tr>
            ) : (
              rows.map((row) => <Row key={row.key} row={row} />)
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label={t.pages}>
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t.previous}
          </button>
          <span data-testid="ns-table-range">
            {t.range(
              current * PAGE_SIZE + 1,
              Math.min(shown.length, (current + 1) * PAGE_SIZE),
              shown.length,
            )}
          </span>
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            {t.next}
          </button>
        </nav>
      )}
    </section>
  );
}

function Row({ row }: { row: NsTableRow }) {
  const t = useMessages(tableText);
  const pids = row.pids.slice(0, 6);
  return (
    <tr
      data-key={row.key}
      data-kind="namespace"
      data-ns-type={row.type}
      data-inode={row.inode}
      data-scope={row.scope}
      tabIndex={0}
    >
      <td className="col-type">
        <TypeMark type={row.type} />
      </td>
      <th scope="row" className="col-inode inode">
        {row.inode}
      </th>
      <td className="col-scope">
        <ScopePill scope={row.scope} />
      </td>
      <td className="col-nprocs num">{row.nprocs}</td>
      <td className="col-pids inode" title={row.pids.length > 6 ? row.pids.join(' ') : undefined}>
        {pids.join(' ')}
        {row.pids.length > pids.length && (
          <span className="muted"> {t.more(row.pids.length - pids.length)}</span>
        )}
      </td>
      <td className="col-containers">
        <Members members={row.containers} kind="container" />
      </td>
      <td className="col-pods">
        <Members members={row.pods} kind="pod" />
      </td>
      <td className="col-node">{row.node}</td>
    </tr>
  );
}

/** Member names, each hoverable (data-key) so it lights up in every view; long lists fold. */
function Members({ members, kind }: { members: readonly Member[]; kind: 'container' | 'pod' }) {
  const t = useMessages(tableText);
  const first = members.slice(0, 4);
  return (
    <>
      {first.map((m, i) => (
        <span key={m.key}>
          {i > 0 && ', '}
          <span className="member" data-key={m.key} data-kind={kind}>
            {m.name}
          </span>
        </span>
      ))}
      {members.length > first.length && (
        <span className="muted" title={members.map((m) => m.name).join(', ')}>
          {' '}
          {t.more(members.length - first.length)}
        </span>
      )}
    </>
  );
}
