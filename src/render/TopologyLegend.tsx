import { NS_TYPES, type NsType } from '../protocol/snapshot.ts';
import { SCOPE_ORDER, SCOPE_STYLE, shapePath, TYPE_STYLE } from '../layout/index.ts';
import { LEGEND_TEXT, type LegendText } from './legendText.ts';

interface Props {
  /** The words, in the UI language (`LEGEND_TEXT[lang]`). Default English. */
  text?: LegendText;
  /** Types currently drawn; the others are shown struck through. Default all. */
  types?: readonly NsType[];
}

/**
 * The key to the picture: each type's colour, shape and what it isolates; how each scope is
 * drawn; the sandbox and the links. Props in, HTML out.
 */
export function TopologyLegend({ text = LEGEND_TEXT.en, types = NS_TYPES }: Props) {
  return (
    <div className="topo-legend" data-testid="topology-legend">
      <ul className="legend" aria-label={text.types}>
        {NS_TYPES.map((type) => (
          <li
            key={type}
            data-ns-type={type}
            className={types.includes(type) ? undefined : 'legend-off'}
          >
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <path
                d={shapePath(TYPE_STYLE[type].shape, 12)}
                fill={TYPE_STYLE[type].color}
                className="chip-glyph-edge"
              />
            </svg>{' '}
            <strong>{type}</strong> <span className="legend-note">{text.isolates[type]}</span>
          </li>
        ))}
      </ul>
      <ul className="legend" aria-label={text.scopes}>
        {SCOPE_ORDER.map((scope) => {
          const s = SCOPE_STYLE[scope];
          return (
            <li key={scope} data-scope={scope}>
              <svg width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">
                <rect
                  x={1.5}
                  y={1.5}
                  width={23}
                  height={11}
                  rx={s.fill === 'grey' ? 2 : 5.5}
                  className={
                    s.fill === 'type'
                      ? undefined
                      : s.fill === 'grey'
                        ? 'chip-grey chip-host-edge'
                        : 'chip-panel'
                  }
                  fill={s.fill === 'type' ? TYPE_STYLE.net.color : undefined}
                  stroke={s.fill === 'grey' ? undefined : TYPE_STYLE.net.color}
                  strokeWidth={Math.min(3, s.strokeWidth)}
                  strokeDasharray={s.dash ? '3 2' : undefined}
                />
              </svg>{' '}
              <strong>{text.scopeName[scope]}</strong>{' '}
              <span className="legend-note">{text.scopeMeaning[scope]}</span>
            </li>
          );
        })}
        <li data-legend="sandbox">
          <svg width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">
            <rect
              x={1.5}
              y={1.5}
              width={23}
              height={11}
              rx={2}
              className="chip-panel legend-sandbox"
            />
          </svg>{' '}
          <strong>{text.sandbox}</strong> <span className="legend-note">{text.sandboxMeaning}</span>
        </li>
        <li data-legend="link">
          <svg width="26" height="14" viewBox="0 0 26 14" aria-hidden="true">
            <path
              d="M2,2 C2,9 24,5 24,12"
              fill="none"
              stroke={TYPE_STYLE.net.color}
              strokeWidth={2}
            />
          </svg>{' '}
          <strong>{text.link}</strong> <span className="legend-note">{text.linkMeaning}</span>
        </li>
      </ul>
    </div>
  );
}
