/** TODO(diff): what changed between two or more snapshots. */
export function DiffView() {
  return (
    <section className="diff" data-testid="diff">
      <p className="muted">Diff</p>
    </section>
  );
}
