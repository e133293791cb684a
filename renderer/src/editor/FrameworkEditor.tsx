/** Placeholder until this view is built. */
export function FrameworkEditor() {
  return <p className="empty">Coming soon.</p>;
}
