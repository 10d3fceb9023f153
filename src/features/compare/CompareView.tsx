import { useId, useMemo } from 'react';
import './compare.css';
import type { NsType } from '../../protocol/snapshot.ts';
import { useMessages } from '../../i18n/index.ts';
import { patchHash } from '../../state/useViewState.ts';
import { labelText } from '../matrix/labels.ts';
import { TypeMark } from '../table/TypeMark.tsx';
import { useEntityIndex } from '../workspace/EntityIndexContext.ts';
import {
  comparePicks,
  type CompareCell,
  type CompareRow,
  type Comparison,
  type Verdict,
} from './compare.ts';
import { compareText } from './messages.ts';
import { ComparePicker, PickName } from './ComparePicker.tsx';

interface Props {
  /** `compare=` keys: processes and containers. */
  picks: readonly string[];
  /** The type filter: one row per chosen type. */
  types: readonly NsType[];
}

/**
 * Processes and containers side by side, one row per namespace type (`view=compare`), each
 * row marked same or different in words and a symbol as well as colour, with a one-line
 * summary above: "Share net, ipc, uts; keep the host's user, time; differ in mnt, pid, cgroup".
 */
export function CompareView({ picks, types }: Props) {
  const t = useMessages(compareText);
  const index = useEntityIndex();
  const cmp = useMemo(() => comparePicks(index, picks, types), [index, picks, types]);
  const titleId = useId();
  return (
    <section
      className="compare"
      data-testid="compare"
      data-picks={cmp.picks.length}
      aria-labelledby={titleId}
    >
      <div className="section-head">
        <h2 id={titleId}>{t.title}</h2>
        {picks.length > 0 && (
          <button
            type="button"
            className="small-button"
            onClick={() => patchHash({ compare: undefined })}
          >
            {t.clear}
          </button>
        )}
      </div>
      <p className="muted compare-intro">{t.intro}</p>
      {cmp.picks.length >= 2 ? (
        <>
          <p className="compare-summary" data-testid="compare-summary" role="status">
            {t.summary(cmp.shared, cmp.host, cmp.differ)}
            {cmp.unknown.length > 0 && <> {t.unknownTypes(cmp.unknown)}</>}
          </p>
          <CompareTable cmp={cmp} />
        </>
      ) : (
        <p className="compare-empty" role="status">
          {t.needTwo(cmp.picks.length)}
        </p>
      )}
      {cmp.missing.length > 0 && <p className="muted">{t.missing(cmp.missing.length)}</p>}
      <ComparePicker picks={picks} />
    </section>
  );
}

const VERDICT_MARK: Readonly<Record<Verdict, string>> = {
  same: '=',
  different: '≠',
  partial: '≈',
  unknown: '?',
};

function CompareTable({ cmp }: { cmp: Comparison }) {
  const t = useMessages(compareText);
  return (
    <div className="table-scroll">
      <table className="compare-table" data-testid="compare-table">
        <caption className="visually-hidden">{t.caption(cmp.picks.length)}</caption>
        <thead>
          <tr>
            <th scope="col" className="cmp-type">
              {t.type}
            </th>
            {cmp.picks.map((p) => (
              <th scope="col" key={p.key} data-key={p.key} data-kind={p.kind} className="cmp-pick">
                <PickName entity={p} />
                <button
                  type="button"
                  className="remove"
                  aria-label={t.remove(p.label)}
                  title={t.remove(p.label)}
                  onClick={() =>
                    patchHash({ compare: cmp.picks.filter((x) => x !== p).map((x) => x.key) })
                  }
                >
                  ×
                </button>
              </th>
            ))}
            <th scope="col" className="cmp-verdict">
              {t.verdict}
            </th>
          </tr>
        </thead>
        <tbody>
          {cmp.rows.map((row) => (
            <Row key={row.type} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Adjacent picks in one namespace merge into one cell, as the matrix merges rows. */
function spans(cells: readonly (CompareCell | undefined)[]) {
  const out: { cell: CompareCell | undefined; span: number }[] = [];
  for (const cell of cells) {
    const last = out.at(-1);
    if (cell && last?.cell?.key === cell.key) last.span++;
    else out.push({ cell, span: 1 });
  }
  return out;
}

function Row({ row }: { row: CompareRow }) {
  const t = useMessages(compareText);
  const words = useMessages(labelText);
  return (
    <tr data-ns-type={row.type} data-verdict={row.verdict} className={`verdict-${row.verdict}`}>
      <th scope="row" className="cmp-type" title={words.isolates(row.type)}>
        <TypeMark type={row.type} />
      </th>
      {spans(row.cells).map(({ cell, span }, i) =>
        cell ? (
          <td
            key={i}
            colSpan={span}
            data-key={cell.key}
            data-kind="namespace"
            data-ns-type={row.type}
            data-inode={cell.inode}
            data-scope={cell.scope}
            className={`cmp-cell ns scope-${cell.scope ?? 'unattributed'}`}
            title={`${row.type}:[${cell.inode}]`}
          >
            <span className="inode">{cell.inode}</span>
            <span className="scope-word">
              {cell.scope ? words.scope(cell.scope) : words.unknown}
              {row.verdict === 'partial' && (
                <span className="group-tag"> · {String.fromCharCode(65 + cell.group)}</span>
              )}
            </span>
          </td>
        ) : (
          <td key={i} className="cmp-cell ns unknown" data-ns-type={row.type}>
            <span className="scope-word">{t.notKnown}</span>
          </td>
        ),
      )}
      <td className="verdict" data-testid="verdict">
        <span className="verdict-mark" aria-hidden="true">
          {VERDICT_MARK[row.verdict]}
        </span>{' '}
        {t[row.verdict]}
      </td>
    </tr>
  );
}
