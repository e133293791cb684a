/** Placeholder until this view is built. */
export function ScorecardView() {
  return <p className="empty">Coming soon.</p>;
}
