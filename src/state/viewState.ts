import { isNsType, NS_TYPES, type NsType } from '../protocol/snapshot.ts';

/**
 * The app's state as it lives in the URL hash (contract §5), typed. Everything a shared link
 * should reproduce is here: the source, the view, the type filter, the selection, embedding,
 * language, theme. Transient state (hover) lives in the zustand store instead.
 */
export const VIEWS = ['topology', 'matrix', 'table', 'compare', 'diff'] as const;
export type ViewName = (typeof VIEWS)[number];
export type Lang = 'en' | 'ko';
export type Theme = 'light' | 'dark';

export interface ViewState {
  src: string | undefined;
  view: ViewName;
  /** The namespace types shown; all eight when the hash has no `types`. */
  types: readonly NsType[];
  /** Contract §5 key of the selected entity. */
  select: string | undefined;
  /** Keys picked for the compare view (`compare=k1,k2`). */
  compare: readonly string[];
  /** Search text (`q=`). */
  query: string;
  embed: boolean;
  /** `bg=transparent` in embed mode. */
  transparent: boolean;
  lang: Lang;
  theme: Theme | undefined;
  /** Draw every host-namespace link instead of folding them into badges (`hostlinks=1`). */
  hostLinks: boolean;
  /** A pod shown alone (`focus=<pod key>`). */
  focus: string | undefined;
  /** Pods drawn collapsed (`collapsed=k1,k2`). */
  collapsed: readonly string[];
  /**
   * Containers listing all their processes (`expand=k1,k2`): in the topology instead of
   * "+N more", in the matrix as rows beneath the container.
   */
  expand: readonly string[];
  tour: string | undefined;
  step: number;
  /** Sources the diff view compares `src` with (`against=id1,id2`); fixture ids or URLs. */
  against: readonly string[];
}

export function readViewState(
  params: ReadonlyMap<string, string>,
  defaultLang: Lang = 'en',
): ViewState {
  const list = (key: string): string[] =>
    (params.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const typesParam = params.get('types');
  const types =
    typesParam === undefined ? [...NS_TYPES] : NS_TYPES.filter((t) => list('types').includes(t));
  const view = params.get('view');
  const lang = params.get('lang');
  const theme = params.get('theme');
  const step = Number(params.get('step') ?? '1');
  return {
    src: params.get('src'),
    view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'topology',
    types,
    select: params.get('select') || undefined,
    compare: list('compare'),
    query: params.get('q') ?? '',
    embed: params.get('embed') === '1',
    transparent: params.get('bg') === 'transparent',
    lang: lang === 'ko' || lang === 'en' ? lang : defaultLang,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    hostLinks: params.get('hostlinks') === '1',
    focus: params.get('focus') || undefined,
    collapsed: list('collapsed'),
    expand: list('expand'),
    tour: params.get('tour') || undefined,
    step: Number.isInteger(step) && step >= 1 ? step : 1,
    against: list('against'),
  };
}

/** A change to the hash: `undefined` removes a key. Lists are written comma-separated. */
export type HashPatch = Record<string, string | readonly string[] | undefined>;

/** `types` as written to the hash: absent when all eight are on. */
export function typesParam(types: readonly NsType[]): string | undefined {
  const valid = NS_TYPES.filter((t) => types.includes(t));
  return valid.length === NS_TYPES.length ? undefined : valid.join(',');
}

export { isNsType };
