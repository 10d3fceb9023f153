import { useEntityIndex } from '../workspace/EntityIndexContext.ts';

/** The selected entity's facts. TODO(inspector): full detail per kind. */
export function Inspector({ selected }: { selected: string }) {
  const e = useEntityIndex().byKey.get(selected);
  if (!e) return null;
  return (
    <aside className="inspector" data-testid="inspector" aria-label={e.label}>
      <h2>{e.label}</h2>
    </aside>
  );
}
