import { Fragment, memo, useMemo } from 'react';
import type { Box, Scene, SceneChip, SceneLabel, SceneRect } from '../layout/index.ts';
import { TYPE_STYLE } from '../layout/index.ts';
import type { SceneDetail } from './detail.ts';
import { NsChip } from './NsChip.tsx';
import { SceneText } from './SceneLabel.tsx';

const RECT_CLASS: Readonly<Record<SceneRect['kind'], string>> = {
  node: 'topo-node',
  host: 'topo-host',
  pod: 'topo-pod',
  group: 'topo-group',
  container: 'topo-ctr',
};

/** A region with what is drawn right after it: its text, its process lines, its chips. */
interface Part {
  rect: SceneRect;
  labels: SceneLabel[];
  procs: SceneLabel[];
  chips: SceneChip[];
}

/** A region and the containers inside it (a pod and its containers): drawn and detailed as one. */
interface Block {
  key: string;
  box: Box;
  parts: Part[];
}

/** The scene grouped for drawing, once per scene. */
function sceneBlocks(scene: Scene): {
  blocks: Block[];
  looseLabels: SceneLabel[];
  looseChips: SceneChip[];
} {
  const parts = new Map<string, Part>();
  for (const rect of scene.rects) parts.set(rect.key, { rect, labels: [], procs: [], chips: [] });
  const looseLabels: SceneLabel[] = [];
  const looseChips: SceneChip[] = [];
  for (const l of scene.labels) {
    const part = parts.get(l.owner);
    if (!part) looseLabels.push(l);
    else if (l.process) part.procs.push(l);
    else part.labels.push(l);
  }
  for (const c of scene.chips) {
    const part = parts.get(c.owner);
    if (part) part.chips.push(c);
    else looseChips.push(c);
  }
  const blocks: Block[] = [];
  for (const rect of scene.rects) {
    const part = parts.get(rect.key)!;
    const last = blocks[blocks.length - 1];
    if (rect.kind === 'container' && last) last.parts.push(part);
    else blocks.push({ key: rect.key, box: rect, parts: [part] });
  }
  return { blocks, looseLabels, looseChips };
}

const meets = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Everything but the selection, in reading order: each region with its text, then its process
 * lines and its namespace chips, then the links on top. Memoised, so selecting re-renders one
 * ring, not the scene. With a `detailBox`, only the pods that meet it are drawn in full; the
 * others at low detail (a pan re-renders the pods that enter or leave it, nothing else).
 */
export const SceneBody = memo(function SceneBody({
  scene,
  interactive,
  detail,
  detailBox,
}: {
  scene: Scene;
  interactive: boolean;
  detail: Exclude<SceneDetail, 'none'>;
  detailBox?: Box | undefined;
}) {
  const { blocks, looseLabels, looseChips } = useMemo(() => sceneBlocks(scene), [scene]);
  return (
    <>
      {blocks.map((b) => (
        <BlockView
          key={b.key}
          block={b}
          interactive={interactive}
          detail={detail === 'full' && (!detailBox || meets(b.box, detailBox)) ? 'full' : 'low'}
        />
      ))}
      {looseLabels.map((l, i) => (
        <SceneText key={`${l.owner}:${i}`} label={l} interactive={interactive} detail={detail} />
      ))}
      {looseChips.map((c) => (
        <NsChip key={c.key} chip={c} interactive={interactive} detail={detail} />
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

const BlockView = memo(function BlockView({
  block,
  interactive,
  detail,
}: {
  block: Block;
  interactive: boolean;
  detail: SceneDetail;
}) {
  return block.parts.map(({ rect, labels, procs, chips }) => (
    <Fragment key={rect.key}>
      <Region rect={rect} labels={labels} interactive={interactive} detail={detail} />
      {procs.map((l) => (
        <SceneText key={l.process!.key} label={l} interactive={interactive} detail={detail} />
      ))}
      {chips.map((c) => (
        <NsChip key={c.key} chip={c} interactive={interactive} detail={detail} />
      ))}
    </Fragment>
  ));
});

/**
 * A framed region with its own text. Pods and containers are contract §5 entities; the
 * region's rest (processes, chips) follows it as siblings, so dimming never compounds. On
 * screen its name and tooltip are an `aria-label` (the view adds the `<title>` on hover).
 */
function Region({
  rect,
  labels,
  interactive,
  detail,
}: {
  rect: SceneRect;
  labels: readonly SceneLabel[];
  interactive: boolean;
  detail: SceneDetail;
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
      aria-label={interactive ? rect.title : undefined}
    >
      {!interactive && <title>{rect.title}</title>}
      <rect
        x={rect.x}
        y={rect.y}
        width={rect.w}
        height={rect.h}
        rx={rect.kind === 'container' ? 6 : 10}
        className={cls}
      />
      {labels.map((l, i) => (
        <SceneText key={i} label={l} interactive={interactive} detail={detail} />
      ))}
    </g>
  );
}
