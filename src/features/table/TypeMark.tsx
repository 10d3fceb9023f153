import type { NsType, Scope } from '../../protocol/snapshot.ts';
import { shapePath, TYPE_STYLE } from '../../layout/index.ts';
import { useMessages } from '../../i18n/index.ts';
import { labelText } from '../matrix/labels.ts';

/** A namespace type as the legend draws it: its Okabe–Ito colour *and* shape, then its name. */
export function TypeMark({ type }: { type: NsType }) {
  const style = TYPE_STYLE[type];
  return (
    <span className="type-mark" data-ns-type={type}>
      <svg width="12" height="12" viewBox="-6.5 -6.5 13 13" aria-hidden="true">
        <path d={shapePath(style.shape, 11)} fill={style.color} className="chip-glyph-edge" />
      </svg>
      {type}
    </span>
  );
}

/** A scope as a word on its scope colour, with its meaning on hover. */
export function ScopePill({ scope }: { scope: Scope }) {
  const t = useMessages(labelText);
  return (
    <span className={`scope-pill scope-${scope}`} title={t.meaning(scope)}>
      {t.scope(scope)}
    </span>
  );
}
