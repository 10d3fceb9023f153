import { useViewState } from '../state/useViewState.ts';
import type { Lang } from '../state/viewState.ts';

/**
 * English and Korean UI text. Each feature keeps its own catalog next to its components (so
 * features never edit one shared file), shaped by its English half: the Korean half must have
 * every key, with the same parameters, or the build fails.
 */
export type MessageValue = string | ((...args: never[]) => string);
export type Catalog<M extends Record<string, MessageValue>> = Readonly<Record<Lang, M>>;

/** A catalog's shape without the English literals: any string, functions with the same parameters. */
export type Widen<M> = {
  [K in keyof M]: M[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export function defineMessages<M extends Record<string, MessageValue>>(catalog: {
  en: M;
  ko: Widen<M>;
}): Catalog<Widen<M>> {
  // Sound: every English value is a string or a string-returning function, which Widen<M> is.
  return catalog as unknown as Catalog<Widen<M>>;
}

/** The catalog's half for the current `lang=`. */
export function useMessages<M extends Record<string, MessageValue>>(catalog: Catalog<M>): M {
  return catalog[useViewState().lang];
}

/** `plural(3, 'pod')` → `'3 pods'`; Korean has no plural, so callers pass one word there. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
