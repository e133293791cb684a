/** Placeholder until this view is built. */
export function ActualsGrid() {
  return <p className="empty">Coming soon.</p>;
}
