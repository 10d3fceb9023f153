import type { Scene, SceneLabel, SceneRect } from '../layout/index.ts';
import { TYPE_STYLE } from '../layout/index.ts';
import { NsChip } from './NsChip.tsx';
import { SceneText } from './SceneLabel.tsx';
import { TOPOLOGY_CSS } from './styles.ts';

interface Props {
  scene: Scene;
  /** Accessible name, e.g. the capture's title. */
  label: string;
  className?: string;
}

const RECT_CLASS: Readonly<Record<SceneRect['kind'], string>> = {
  node: 'topo-node',
  host: 'topo-host',
  pod: 'topo-pod',
  group: 'topo-group',
  container: 'topo-ctr',
};

/**
 * Draws a topology scene as SVG: regions, pods and containers with their text, the links, then
 * the namespace chips on top. Every entity carries the contract §5 data attributes. Untrusted
 * text (names, commands) only ever goes in as React text.
 */
export function TopologySvg({ scene, label, className }: Props) {
  const byOwner = new Map<string, SceneLabel[]>();
  for (const l of scene.labels) {
    const list = byOwner.get(l.owner);
    if (list) list.push(l);
    else byOwner.set(l.owner, [l]);
  }
  const owned = new Set(scene.rects.map((r) => r.key));
  const orphans = scene.labels.filter((l) => !owned.has(l.owner));
  const s = scene.stats;
  const summary = `${label}: ${s.nodes} node${s.nodes === 1 ? '' : 's'}, ${s.pods} pod${s.pods === 1 ? '' : 's'}, ${s.containers} container${s.containers === 1 ? '' : 's'}, ${s.namespaces} namespaces`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      data-testid="topology"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      width={scene.width}
      height={scene.height}
      preserveAspectRatio="xMidYMin meet"
      className={className ? `topo ${className}` : 'topo'}
    >
      <title>{summary}</title>
      <style>{TOPOLOGY_CSS}</style>
      {scene.rects.map((r) => (
        <Region key={r.key} rect={r} labels={byOwner.get(r.key) ?? []} />
      ))}
      {orphans.map((l, i) => (
        <SceneText key={`${l.owner}:${i}`} label={l} />
      ))}
      <g data-layer="links">
        {scene.links.map((l) => (
          <path
            key={l.key}
            d={l.path}
            className="topo-link"
            data-from={l.from}
            data-to={l.to}
            data-scope={l.scope}
            stroke={TYPE_STYLE[l.nsType].color}
            strokeWidth={l.scope === 'cross-pod' ? 3 : l.held ? 2.5 : 1.75}
            strokeDasharray={l.scope === 'cross-pod' ? '8 4' : undefined}
          />
        ))}
      </g>
      <g data-layer="namespaces">
        {scene.chips.map((c) => (
          <NsChip key={c.key} chip={c} />
        ))}
      </g>
    </svg>
  );
}

/** A framed region with its own text. Pods and containers are contract §5 entities. */
function Region({ rect, labels }: { rect: SceneRect; labels: readonly SceneLabel[] }) {
  const entity = rect.kind === 'pod' || rect.kind === 'container';
  const cls = `${RECT_CLASS[rect.kind]}${rect.sandbox ? ' topo-sandbox' : ''}`;
  return (
    <g
      data-kind={entity ? rect.kind : undefined}
      data-key={entity ? rect.key : undefined}
      data-region={entity ? undefined : rect.kind}
      data-sandbox={rect.sandbox ? 'true' : undefined}
    >
      <title>{rect.title}</title>
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={rect.kind === 'container' ? 6 : 10}
        className={cls}
      />
      {labels.map((l, i) => (
        <SceneText key={i} label={l} />
      ))}
    </g>
  );
}
