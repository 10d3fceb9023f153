export { layoutTopology } from './topology.ts';
export type * from './scene.ts';
export { SCOPE_ORDER, SCOPE_STYLE, TYPE_STYLE, shapePath, type ShapeName } from './palette.ts';
export { sandboxBadge } from './cards.ts';
export { LARGE_PROCESSES } from './topology.ts';
export { neighbour, navItems, type Direction, type NavItem } from './navigate.ts';
export { EN_WORDS, KO_WORDS, SCENE_WORDS, type SceneWords } from './words.ts';
