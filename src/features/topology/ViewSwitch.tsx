export type ViewName = 'matrix' | 'topology';

const VIEWS: readonly { id: ViewName; label: string }[] = [
  { id: 'matrix', label: 'Matrix' },
  { id: 'topology', label: 'Topology' },
];

/** `view=topology` in the hash, else the matrix (the default, as before). */
export const viewOf = (value: string | undefined): ViewName =>
  value === 'topology' ? 'topology' : 'matrix';

/** Matrix | Topology, as toggle buttons. */
export function ViewSwitch({
  view,
  onSelect,
}: {
  view: ViewName;
  onSelect: (v: ViewName) => void;
}) {
  return (
    <div className="view-switch" role="group" aria-label="View">
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          data-testid={`view-${v.id}`}
          aria-pressed={view === v.id}
          onClick={() => onSelect(v.id)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
