import { NS_TYPES } from '../protocol/snapshot.ts';
import { SCOPE_ORDER, SCOPE_STYLE, shapePath, TYPE_STYLE } from '../layout/index.ts';

/** The key to the picture: each type's colour and shape, and how each scope is drawn. */
export function TopologyLegend() {
  return (
    <div className="topo-legend">
      <ul className="legend" aria-label="Namespace types">
        {NS_TYPES.map((type) => (
          <li key={type} data-ns-type={type}>
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <path
                d={shapePath(TYPE_STYLE[type].shape, 12)}
                fill={TYPE_STYLE[type].color}
                className="chip-glyph-edge"
              />
            </svg>{' '}
            <strong>{type}</strong>
          </li>
        ))}
      </ul>
      <ul className="legend" aria-label="Scopes">
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
              <strong>{s.label}</strong> {s.meaning}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
