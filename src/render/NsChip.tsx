import { memo } from 'react';
import { NS_TYPES, type NsType } from '../protocol/snapshot.ts';
import { SCOPE_STYLE, shapePath, TYPE_STYLE, type SceneChip } from '../layout/index.ts';
import type { SceneDetail } from './detail.ts';

const GLYPH = 12;

/** Each type's glyph, computed once (a large scene has a thousand chips and eight shapes). */
const GLYPH_PATH = Object.fromEntries(
  NS_TYPES.map((t) => [t, shapePath(TYPE_STYLE[t].shape, GLYPH)]),
) as Record<NsType, string>;

/**
 * One namespace: a chip with its type's shape and colour, styled by scope (props in, SVG out).
 * On screen its tooltip is its `aria-label` (the view adds a `<title>` on hover); at low detail
 * the short inode, unreadable at that zoom, is left out.
 */
export const NsChip = memo(function NsChip({
  chip,
  interactive = false,
  detail = 'full',
}: {
  chip: SceneChip;
  interactive?: boolean;
  detail?: SceneDetail;
}) {
  const type = TYPE_STYLE[chip.nsType];
  const scope = SCOPE_STYLE[chip.scope];
  const filled = scope.fill === 'type';
  const cy = chip.y + chip.h / 2;
  return (
    <g
      data-kind="namespace"
      data-key={chip.key}
      data-ns-type={chip.nsType}
      data-scope={chip.scope}
      data-inode={chip.inode}
      className="topo-entity"
      tabIndex={interactive ? 0 : undefined}
      role={interactive ? 'button' : undefined}
      aria-label={interactive ? chip.title : undefined}
    >
      {!interactive && <title>{chip.title}</title>}
      <rect
        x={chip.x}
        y={chip.y}
        width={chip.w}
        height={chip.h}
        rx={scope.fill === 'grey' ? 4 : 11}
        className={`hit ${
          filled ? 'chip-fill' : scope.fill === 'grey' ? 'chip-grey chip-host-edge' : 'chip-panel'
        }`}
        fill={filled ? type.color : undefined}
        stroke={scope.fill === 'grey' ? undefined : type.color}
        strokeWidth={scope.strokeWidth}
        strokeDasharray={scope.dash ? '4 3' : undefined}
      />
      <path
        d={GLYPH_PATH[chip.nsType]}
        transform={`translate(${chip.x + 6 + GLYPH / 2},${cy})`}
        fill={filled ? type.ink : type.color}
        className={filled ? undefined : 'chip-glyph-edge'}
      />
      {detail === 'full' && (
        <text
          x={chip.x + 6 + GLYPH + 5}
          y={cy + 4}
          fontSize={12}
          className="mono chip-text"
          style={filled ? { fill: type.ink } : undefined}
        >
          {chip.text}
        </text>
      )}
    </g>
  );
});
