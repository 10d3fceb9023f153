export { layoutTopology } from './topology.ts';
export type * from './scene.ts';
export { SCOPE_ORDER, SCOPE_STYLE, TYPE_STYLE, shapePath, type ShapeName } from './palette.ts';
export { sandboxBadge } from './cards.ts';
