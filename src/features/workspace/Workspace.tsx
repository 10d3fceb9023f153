import { lazy, Suspense, useRef, type ReactNode } from 'react';
import './workspace.css';
import type { ParsedSource, ShownWarning } from '../../api/types.ts';
import { useMessages } from '../../i18n/index.ts';
import type { ViewState } from '../../state/viewState.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { MatrixView } from '../matrix/MatrixView.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { TopologyView } from '../topology/TopologyView.tsx';
import { WarningList } from '../warnings/WarningList.tsx';
import { EntityIndexContext } from './EntityIndexContext.ts';
import { workspaceText } from './messages.ts';
import { TypeFilter } from './TypeFilter.tsx';
import { useHighlight } from './useHighlight.ts';
import { useLazyEntityIndex } from './useLazyEntityIndex.ts';
import { useSelectOnClick } from './useSelectOnClick.ts';
import { ViewSwitch } from './ViewSwitch.tsx';

// The views a page opens on (topology, matrix) are in the entry chunk; the others load when
// first shown, which keeps the initial JS small and the first picture fast.
const CompareView = lazy(() =>
  import('../compare/CompareView.tsx').then((m) => ({ default: m.CompareView })),
);
const DiffView = lazy(() => import('../diff/DiffView.tsx').then((m) => ({ default: m.DiffView })));
const NsTable = lazy(() => import('../table/NsTable.tsx').then((m) => ({ default: m.NsTable })));
const Inspector = lazy(() =>
  import('../inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })),
);

interface Props {
  /** Id of the shown source (`myweb2`, `paste`, a URL), as the views' `data-src`. */
  src: string;
  title: string;
  data: ParsedSource;
  state: ViewState;
  /** What the source is (fixture provenance, input files), shown below the view. */
  info?: ReactNode;
  extraWarnings?: readonly ShownWarning[];
}

/**
 * One parsed source on screen: the toolbar (views, type filter, search, export), the chosen
 * view with the inspector beside it, then what the source is and its warnings. In embed mode
 * (`embed=1`) only the view is drawn.
 */
export function Workspace({ src, title, data, state, info, extraWarnings = [] }: Props) {
  const t = useMessages(workspaceText);
  const { snapshot, summary } = data;
  const index = useLazyEntityIndex(snapshot, summary);
  const root = useRef<HTMLDivElement>(null);
  useHighlight(root, index);
  useSelectOnClick(root, index);

  const view = (() => {
    switch (state.view) {
      case 'topology':
        return (
          <TopologyView
            src={src}
            title={title}
            snapshot={snapshot}
            summary={summary}
            state={state}
          />
        );
      case 'matrix':
        return (
          <MatrixView
            src={src}
            snapshot={snapshot}
            summary={summary}
            types={state.types}
            expand={state.expand}
          />
        );
      case 'table':
        return <NsTable snapshot={snapshot} summary={summary} types={state.types} />;
      case 'compare':
        return <CompareView picks={state.compare} types={state.types} />;
      case 'diff':
        return <DiffView src={src} data={data} state={state} />;
    }
  })();

  return (
    <EntityIndexContext.Provider value={index}>
      <div
        ref={root}
        className={`workspace${state.embed ? ' embedded' : ''}`}
        data-testid="workspace"
        data-view={state.view}
      >
        {!state.embed && (
          <div className="toolbar" role="toolbar" aria-label={t.toolbar}>
            <ViewSwitch view={state.view} />
            <TypeFilter types={state.types} />
            <SearchBox key={src} query={state.query} />
            <ExportMenu src={src} title={title} data={data} />
          </div>
        )}
        <div className={`stage${state.select && !state.embed ? ' with-inspector' : ''}`}>
          <div className="view-area">
            <Suspense fallback={<p className="muted">…</p>}>{view}</Suspense>
          </div>
          {state.select && !state.embed && (
            <Suspense fallback={null}>
              <Inspector selected={state.select} compare={state.compare} />
            </Suspense>
          )}
        </div>
        {!state.embed && (
          <>
            {info}
            <WarningList warnings={[...extraWarnings, ...data.warnings]} />
          </>
        )}
      </div>
    </EntityIndexContext.Provider>
  );
}
