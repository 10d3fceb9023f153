import { useMessages } from '../../i18n/index.ts';
import { usePatchHash } from '../../state/useViewState.ts';
import { VIEWS, type ViewName } from '../../state/viewState.ts';
import { workspaceText } from './messages.ts';

/** Topology | Matrix | Table | Compare | Diff, as toggle buttons writing `view=`. */
export function ViewSwitch({ view }: { view: ViewName }) {
  const t = useMessages(workspaceText);
  const patch = usePatchHash();
  return (
    <div className="view-switch" role="group" aria-label={t.views}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          data-testid={`view-${v}`}
          aria-pressed={view === v}
          onClick={() => patch({ view: v })}
        >
          {t[v]}
        </button>
      ))}
    </div>
  );
}
