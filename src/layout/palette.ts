import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';
import type { NsType, Scope } from '../protocol/snapshot.ts';

/**
 * The one namespace-type encoding of nsviz: an Okabe–Ito colour (colour-blind safe, eight
 * colours for eight types) *and* a shape, so the picture survives grey-scale print. Legend,
 * topology and export all read it from here.
 */
export interface TypeStyle {
  /** Okabe–Ito colour. */
  color: string;
  /** Text colour readable on `color` (for filled, pod-shared chips). */
  ink: string;
  shape: ShapeName;
}

export type ShapeName =
  'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross' | 'wye' | 'hexagon';

export const TYPE_STYLE: Readonly<Record<NsType, TypeStyle>> = {
  net: { color: '#0072B2', ink: '#ffffff', shape: 'circle' },
  ipc: { color: '#E69F00', ink: '#000000', shape: 'square' },
  uts: { color: '#009E73', ink: '#ffffff', shape: 'triangle' },
  mnt: { color: '#D55E00', ink: '#ffffff', shape: 'diamond' },
  pid: { color: '#CC79A7', ink: '#000000', shape: 'star' },
  cgroup: { color: '#56B4E9', ink: '#000000', shape: 'cross' },
  user: { color: '#F0E442', ink: '#000000', shape: 'wye' },
  time: { color: '#000000', ink: '#ffffff', shape: 'hexagon' },
};

/**
 * How each scope is drawn, the second channel after type. `fill`: chip filled with the type
 * colour; `dash`: dashed outline; `double`: a heavier outline for bridges between pods.
 */
export interface ScopeStyle {
  label: string;
  meaning: string;
  fill: 'type' | 'panel' | 'grey';
  dash: boolean;
  strokeWidth: number;
}

export const SCOPE_STYLE: Readonly<Record<Scope, ScopeStyle>> = {
  pod: { label: 'pod', meaning: 'shared in one pod', fill: 'type', dash: false, strokeWidth: 2 },
  container: {
    label: 'container',
    meaning: "one container's own",
    fill: 'panel',
    dash: false,
    strokeWidth: 2,
  },
  host: { label: 'host', meaning: "the node's own", fill: 'grey', dash: false, strokeWidth: 1 },
  'cross-pod': {
    label: 'cross-pod',
    meaning: 'shared across pods',
    fill: 'type',
    dash: false,
    strokeWidth: 4,
  },
  unattributed: {
    label: 'unattributed',
    meaning: 'a member is in no known container',
    fill: 'panel',
    dash: true,
    strokeWidth: 2,
  },
};

export const SCOPE_ORDER: readonly Scope[] = [
  'pod',
  'container',
  'host',
  'cross-pod',
  'unattributed',
];

const D3_SYMBOL: Readonly<Record<Exclude<ShapeName, 'hexagon'>, SymbolType>> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar,
  cross: symbolCross,
  wye: symbolWye,
};

/**
 * SVG path of a shape centred on (0, 0) with about `size` pixels across; numbers rounded to
 * 0.01 so the path is the same string on every platform. `shapePath('circle', 12)` → `M6,0A6,…`.
 */
export function shapePath(shape: ShapeName, size: number): string {
  if (shape === 'hexagon') {
    const r = size / 2;
    const pts = [0, 1, 2, 3, 4, 5].map((i) => {
      const a = (Math.PI / 3) * i;
      return `${round2(r * Math.cos(a))},${round2(r * Math.sin(a))}`;
    });
    return `M${pts.join('L')}Z`;
  }
  // d3 symbol sizes are areas; 0.6·size² keeps the shapes of similar visual weight.
  const area = shape === 'circle' ? (Math.PI * size * size) / 4 : 0.62 * size * size;
  const d = symbol(D3_SYMBOL[shape], area)() ?? '';
  return d.replace(/-?\d+\.?\d*(?:e-?\d+)?/g, (n) => String(round2(Number(n))));
}

function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}
