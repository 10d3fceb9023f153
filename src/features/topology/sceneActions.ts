import type { SceneAction } from '../../layout/index.ts';
import type { HashPatch, ViewState } from '../../state/viewState.ts';

const add = (list: readonly string[], key: string): string[] =>
  list.includes(key) ? [...list] : [...list, key];
const drop = (list: readonly string[], key: string): string[] => list.filter((k) => k !== key);

/**
 * The hash change a scene control asks for: `+N more` lists a container's processes
 * (`expand=`), a pod's `−` draws it compact (`collapsed=`), `focus` shows it alone (`focus=`).
 * `actionPatch({ type: 'expand', target: 'ctr:n:1' }, state)` → `{ expand: ['ctr:n:1'] }`.
 */
export function actionPatch(action: SceneAction, state: ViewState): HashPatch {
  switch (action.type) {
    case 'expand':
      return { expand: add(state.expand, action.target) };
    case 'fold':
      return { expand: drop(state.expand, action.target) };
    case 'collapse-pod':
      return { collapsed: add(state.collapsed, action.target) };
    case 'expand-pod':
      return { collapsed: drop(state.collapsed, action.target) };
    case 'focus':
      return { focus: action.target };
    case 'unfocus':
      return { focus: undefined };
  }
}

const TYPES: ReadonlySet<string> = new Set<SceneAction['type']>([
  'expand',
  'fold',
  'collapse-pod',
  'expand-pod',
  'focus',
  'unfocus',
]);

/** The action of a control element (`data-action`, `data-target`), if it is one. */
export function actionOf(el: Element): SceneAction | undefined {
  const type = el.getAttribute('data-action');
  const target = el.getAttribute('data-target');
  if (type === null || target === null || !TYPES.has(type)) return undefined;
  return { type: type as SceneAction['type'], target };
}
