import { Fragment, memo, type Ref } from 'react';
import type { Box, Scene, SceneChip, SceneLabel, SceneRect } from '../layout/index.ts';
import { TYPE_STYLE } from '../layout/index.ts';
import { NsChip } from './NsChip.tsx';
import { SceneText } from './SceneLabel.tsx';
import { TOPOLOGY_CSS } from './styles.ts';

interface Props {
  scene: Scene;
  /** Accessible name, e.g. the capture's title. */
  label: string;
  className?: string;
  /**
   * On screen: the SVG fills its box, the scene sits in a `<g data-layer="scene">` that a
   * pan/zoom controller moves, and every entity is focusable. Off (export, golden files): the
   * SVG is sized to the scene by its viewBox.
   */
  interactive?: boolean;
  /** Key of the selected entity, marked by a ring. */
  selected?: string | undefined;
  /** The `<g data-layer="scene">`, for the pan/zoom controller. */
  sceneRef?: Ref<SVGGElement>;
  svgRef?: Ref<SVGSVGElement>;
}

const RECT_CLASS: Readonly<Record<SceneRect['kind'], string>> = {
  node: 'topo-node',
  host: 'topo-host',
  pod: 'topo-pod',
  group: 'topo-group',
  container: 'topo-ctr',
};

/** `myweb2: 1 node, 1 pod, 3 containers, 19 namespaces`. */
export function sceneSummary(label: string, scene: Scene): string {
  const s = scene.stats;
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  return `${label}: ${n(s.nodes, 'node')}, ${n(s.pods, 'pod')}, ${n(s.containers, 'container')}, ${s.namespaces} namespaces`;
}

/**
 * Draws a topology scene as SVG, in reading order: each region with its text, then its process
 * lines and its namespace chips (so Tab walks pod → rail → container → processes → chips), the
 * links on top, then the selection ring. Every entity carries the contract §5 data attributes.
 * Untrusted text (names, commands) only ever goes in as React text.
 */
export function TopologySvg({
  scene,
  label,
  className,
  interactive = false,
  selected,
  sceneRef,
  svgRef,
}: Props) {
  const summary = sceneSummary(label, scene);
  const cls = className ? `topo ${className}` : 'topo';
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      data-testid="topology"
      role={interactive ? 'group' : 'img'}
      aria-label={summary}
      viewBox={interactive ? undefined : `0 0 ${scene.width} ${scene.height}`}
      width={interactive ? '100%' : scene.width}
      height={interactive ? '100%' : scene.height}
      preserveAspectRatio={interactive ? undefined : 'xMidYMin meet'}
      className={cls}
    >
      <title>{summary}</title>
      <style>{TOPOLOGY_CSS}</style>
      <g data-layer="scene" ref={sceneRef}>
        <g data-layer="body">
          <SceneBody scene={scene} interactive={interactive} />
        </g>
        {/* Copies of the hovered entities, drawn above the faded body (on screen only). */}
        {interactive && <g data-layer="overlay" pointerEvents="none" aria-hidden="true" />}
        {selected !== undefined && <SelectionRing scene={scene} selected={selected} />}
      </g>
    </svg>
  );
}

/** Everything but the selection: memoised, so selecting re-renders one ring, not the scene. */
const SceneBody = memo(function SceneBody({
  scene,
  interactive,
}: {
  scene: Scene;
  interactive: boolean;
}) {
  const labels = new Map<string, SceneLabel[]>();
  const procs = new Map<string, SceneLabel[]>();
  for (const l of scene.labels) {
    const into = l.process ? procs : labels;
    const list = into.get(l.owner);
    if (list) list.push(l);
    else into.set(l.owner, [l]);
  }
  const chips = new Map<string, SceneChip[]>();
  for (const c of scene.chips) {
    const list = chips.get(c.owner);
    if (list) list.push(c);
    else chips.set(c.owner, [c]);
  }
  const owned = new Set(scene.rects.map((r) => r.key));
  return (
    <>
      {scene.rects.map((r) => (
        <Fragment key={r.key}>
          <Region rect={r} labels={labels.get(r.key) ?? []} interactive={interactive} />
          {(procs.get(r.key) ?? []).map((l) => (
            <SceneText key={l.process!.key} label={l} interactive={interactive} />
          ))}
          {(chips.get(r.key) ?? []).map((c) => (
            <NsChip key={c.key} chip={c} interactive={interactive} />
          ))}
        </Fragment>
      ))}
      {scene.labels
        .filter((l) => !owned.has(l.owner))
        .map((l, i) => (
          <SceneText key={`${l.owner}:${i}`} label={l} interactive={interactive} />
        ))}
      {scene.chips
        .filter((c) => !owned.has(c.owner))
        .map((c) => (
          <NsChip key={c.key} chip={c} interactive={interactive} />
        ))}
      <g data-layer="links">
        {scene.links.map((l) => (
          <path
            key={l.key}
            d={l.path}
            className={`topo-link${l.scope === 'host' ? ' topo-link-host' : ''}`}
            data-from={l.from}
            data-to={l.to}
            data-scope={l.scope}
            stroke={TYPE_STYLE[l.nsType].color}
            strokeWidth={
              l.scope === 'cross-pod' ? 3 : l.held ? 3 : l.scope === 'host' ? 1.25 : 1.75
            }
            strokeDasharray={
              l.scope === 'cross-pod' ? '8 4' : l.scope === 'host' ? '3 4' : undefined
            }
          />
        ))}
      </g>
    </>
  );
});

/**
 * A framed region with its own text. Pods and containers are contract §5 entities; the
 * region's rest (processes, chips) follows it as siblings, so dimming never compounds.
 */
function Region({
  rect,
  labels,
  interactive,
}: {
  rect: SceneRect;
  labels: readonly SceneLabel[];
  interactive: boolean;
}) {
  const entity = rect.kind === 'pod' || rect.kind === 'container';
  const cls = `${RECT_CLASS[rect.kind]}${rect.sandbox ? ' topo-sandbox' : ''}${entity ? ' hit' : ''}`;
  return (
    <g
      data-kind={entity ? rect.kind : undefined}
      data-key={entity ? rect.key : undefined}
      data-region={entity ? undefined : rect.kind}
      data-sandbox={rect.sandbox ? 'true' : undefined}
      data-compact={rect.compact ? 'true' : undefined}
      className={entity ? 'topo-entity' : undefined}
      tabIndex={entity && interactive ? 0 : undefined}
      role={entity && interactive ? 'button' : undefined}
      aria-label={entity && interactive ? rect.title : undefined}
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
        <SceneText key={i} label={l} interactive={interactive} />
      ))}
    </g>
  );
}

/** The box of an entity in the scene: a pod or container, a chip or a process line. */
export function entityBox(scene: Scene, key: string): Box | undefined {
  return (
    scene.rects.find((r) => r.key === key) ??
    scene.chips.find((c) => c.key === key) ??
    scene.labels.find((l) => l.process?.key === key)
  );
}

/** A ring around the selected entity, drawn over everything (`state.select`). */
function SelectionRing({ scene, selected }: { scene: Scene; selected: string }) {
  const box = entityBox(scene, selected);
  if (!box) return null;
  const pad = 4;
  return (
    <rect
      className="topo-selection"
      data-selection-of={selected}
      x={box.x - pad}
      y={box.y - pad}
      width={box.w + 2 * pad}
      height={box.h + 2 * pad}
      rx={8}
    />
  );
}
