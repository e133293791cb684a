/** The name "Save as scenario…" suggests. */

/** "Scenario 4": the first such name the file does not use yet. */
export function suggestedScenarioName(names: readonly string[]): string {
  const taken = new Set(names.map((n) => n.trim().toLowerCase()));
  for (let n = names.length + 1; ; n++) if (!taken.has(`scenario ${n}`)) return `Scenario ${n}`;
}
