import { useMemo } from 'react';
import { layoutTopology } from '../../layout/index.ts';
import type { Snapshot, Summary } from '../../protocol/snapshot.ts';
import type { ViewState } from '../../state/viewState.ts';
import { TopologyLegend } from '../../render/TopologyLegend.tsx';
import { TopologySvg } from '../../render/TopologySvg.tsx';

interface Props {
  /** Id of the shown source, so tests and embedders can tell which capture is drawn. */
  src: string;
  title: string;
  snapshot: Snapshot;
  summary: Summary;
  /** The hash's view state: type filter, host links, focus, collapsed pods. */
  state: ViewState;
}

/**
 * The linked-cluster view (contract §5 `[data-testid=topology]`), fitted to the screen by its
 * viewBox. TODO(topology zoom): d3-zoom pan/zoom and fit-on-resize in one controller.
 */
export function TopologyView({ src, title, snapshot, summary }: Props) {
  const scene = useMemo(() => layoutTopology(snapshot, summary), [snapshot, summary]);
  return (
    <section className="topology" data-src={src} aria-labelledby="topology-title">
      <div className="section-head">
        <h2 id="topology-title">Who shares which namespace</h2>
        <TopologyLegend />
      </div>
      <div className="topology-canvas">
        <TopologySvg scene={scene} label={`Namespace topology of ${title}`} />
      </div>
    </section>
  );
}
