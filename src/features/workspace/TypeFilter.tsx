import { NS_TYPES, type NsType } from '../../protocol/snapshot.ts';
import { shapePath, TYPE_STYLE } from '../../layout/index.ts';
import { useMessages } from '../../i18n/index.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import { typesParam } from '../../state/viewState.ts';
import { workspaceText } from './messages.ts';

/** The type's colour for the chip's underline; black (time) would vanish on the dark theme. */
const chipColor = (type: NsType): string =>
  type === 'time' ? 'var(--fg)' : TYPE_STYLE[type].color;

/** One chip per namespace type (`types=` in the hash); every view shows only the chosen types. */
export function TypeFilter({ types }: { types: readonly NsType[] }) {
  const t = useMessages(workspaceText);
  const patch = usePatchHash();
  const toggle = (type: NsType) => {
    const next = types.includes(type) ? types.filter((x) => x !== type) : [...types, type];
    patch({ types: next.length === 0 ? 'none' : typesParam(next) });
  };
  const all = types.length === NS_TYPES.length;
  return (
    <div className="type-filter" role="group" aria-label={t.types} data-testid="type-filter">
      <button
        type="button"
        className="chip"
        aria-pressed={all}
        onClick={() => patch({ types: all ? 'none' : undefined })}
      >
        {t.allTypes}
      </button>
      {NS_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          className="chip type-chip"
          data-ns-type={type}
          aria-pressed={types.includes(type)}
          style={{ ['--chip-color' as string]: chipColor(type) }}
          onClick={() => toggle(type)}
        >
          <svg width="12" height="12" viewBox="-7 -7 14 14" aria-hidden="true">
            <path d={shapePath(TYPE_STYLE[type].shape, 12)} fill={TYPE_STYLE[type].color} />
          </svg>
          {type}
        </button>
      ))}
    </div>
  );
}
