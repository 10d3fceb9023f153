import { useContext, useRef } from 'react';
import './topology.css';
import { useMessages } from '../../i18n/index.ts';
import type { Snapshot, Summary } from '../../protocol/snapshot.ts';
import { LEGEND_TEXT } from '../../render/legendText.ts';
import { TopologyLegend } from '../../render/TopologyLegend.tsx';
import { TopologySvg } from '../../render/TopologySvg.tsx';
import { patchHash } from '../../state/useViewState.ts';
import type { ViewState } from '../../state/viewState.ts';
import { EntityIndexContext } from '../workspace/EntityIndexContext.ts';
import { topologyText } from './messages.ts';
import { useTopologyInteraction } from './useTopologyInteraction.ts';
import { useTopologyScene } from './useTopologyScene.ts';

interface Props {
  /** Id of the shown source, so tests and embedders can tell which capture is drawn. */
  src: string;
  title: string;
  snapshot: Snapshot;
  summary: Summary;
  /** The hash's view state: type filter, host links, focus, collapsed pods, expanded lists. */
  state: ViewState;
}

/**
 * The linked-cluster view (contract §5 `[data-testid=topology]`): the legend, a small toolbar
 * (fit, zoom, host links, leaving a focused pod) and the picture, which pans and zooms and
 * fits the screen on load and on resize.
 */
export function TopologyView({ src, title, snapshot, summary, state }: Props) {
  const t = useMessages(topologyText);
  const index = useContext(EntityIndexContext);
  const scene = useTopologyScene(snapshot, summary, state);
  const viewport = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const layer = useRef<SVGGElement>(null);
  const { fit, zoomBy, shown } = useTopologyInteraction(
    { viewport, svg, layer },
    scene,
    state,
    index,
  );
  const focused = state.focus !== undefined && scene.rects.some((r) => r.key === state.focus);
  const focusName = focused ? (index?.byKey.get(state.focus ?? '')?.label ?? '') : '';
  return (
    <section className="topology" data-src={src} aria-labelledby="topology-title">
      <div className="topo-head">
        <h2 id="topology-title">{t.heading}</h2>
        <div className="topo-toolbar" role="toolbar" aria-label={t.controls}>
          <button type="button" data-testid="topology-fit" aria-label={t.fitLabel} onClick={fit}>
            {t.fit}
          </button>
          <button
            type="button"
            data-testid="topology-zoom-in"
            aria-label={t.zoomIn}
            title={t.zoomIn}
            onClick={() => zoomBy(1.25)}
          >
            +
          </button>
          <button
            type="button"
            data-testid="topology-zoom-out"
            aria-label={t.zoomOut}
            title={t.zoomOut}
            onClick={() => zoomBy(0.8)}
          >
            −
          </button>
          <button
            type="button"
            data-testid="topology-hostlinks"
            aria-pressed={state.hostLinks}
            title={t.hostLinksLabel}
            onClick={() => patchHash({ hostlinks: state.hostLinks ? undefined : '1' })}
          >
            {t.hostLinks}
          </button>
          {focused && (
            <>
              <button
                type="button"
                data-testid="topology-unfocus"
                aria-label={t.allPodsLabel}
                onClick={() => patchHash({ focus: undefined })}
              >
                {t.allPods}
              </button>
              <span className="topo-focused">{t.focused(focusName)}</span>
            </>
          )}
        </div>
      </div>
      <TopologyLegend text={LEGEND_TEXT[state.lang]} types={state.types} />
      <div
        ref={viewport}
        className="topo-viewport"
        style={{ aspectRatio: `${scene.width} / ${scene.height}` }}
      >
        <TopologySvg
          scene={scene}
          label={t.canvas(title)}
          interactive
          detail={shown.detail}
          detailBox={shown.box}
          selected={state.select}
          sceneRef={layer}
          svgRef={svg}
        />
        <p className="topo-help">{t.help}</p>
      </div>
    </section>
  );
}
