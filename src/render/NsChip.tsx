import { memo } from 'react';
import { SCOPE_STYLE, shapePath, TYPE_STYLE, type SceneChip } from '../layout/index.ts';

const GLYPH = 12;

/** One namespace: a chip with its type's shape and colour, styled by scope (props in, SVG out). */
export const NsChip = memo(function NsChip({
  chip,
  interactive = false,
}: {
  chip: SceneChip;
  interactive?: boolean;
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
      <title>{chip.title}</title>
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
        d={shapePath(type.shape, GLYPH)}
        transform={`translate(${chip.x + 6 + GLYPH / 2},${cy})`}
        fill={filled ? type.ink : type.color}
        className={filled ? undefined : 'chip-glyph-edge'}
      />
      <text
        x={chip.x + 6 + GLYPH + 5}
        y={cy + 4}
        fontSize={12}
        className="mono chip-text"
        style={filled ? { fill: type.ink } : undefined}
      >
        {chip.text}
      </text>
    </g>
  );
});
