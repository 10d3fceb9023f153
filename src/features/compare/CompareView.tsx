/** TODO(compare): side by side per type. */
export function CompareView({ picks }: { picks: readonly string[] }) {
  return (
    <section className="compare" data-testid="compare">
      <p className="muted">{picks.length} picked</p>
    </section>
  );
}
