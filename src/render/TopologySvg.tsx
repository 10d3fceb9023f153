import type { Ref } from 'react';
import type { Box, Scene } from '../layout/index.ts';
import type { SceneDetail } from './detail.ts';
import { SceneBody } from './SceneBody.tsx';
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
  /**
   * Level of detail (`detail.ts`): default `full`. The screen draws `low` while zoomed out and
   * `none` before it knows its size.
   */
  detail?: SceneDetail;
  /**
   * With `detail="full"`: only the regions that meet this box (the part of the scene on
   * screen, in scene coordinates, with a margin) are drawn in full, the rest at low detail.
   */
  detailBox?: Box | undefined;
  /** Key of the selected entity, marked by a ring. */
  selected?: string | undefined;
  /** The `<g data-layer="scene">`, for the pan/zoom controller. */
  sceneRef?: Ref<SVGGElement>;
  svgRef?: Ref<SVGSVGElement>;
}

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
  detail = 'full',
  detailBox,
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
          {detail !== 'none' && (
            <SceneBody
              scene={scene}
              interactive={interactive}
              detail={detail}
              detailBox={detailBox}
            />
          )}
        </g>
        {/* Copies of the hovered entities, drawn above the faded body (on screen only). */}
        {interactive && <g data-layer="overlay" pointerEvents="none" aria-hidden="true" />}
        {selected !== undefined && <SelectionRing scene={scene} selected={selected} />}
      </g>
    </svg>
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
