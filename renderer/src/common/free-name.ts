/**
 * The first name of a numbered series that is not taken yet ("Scenario 4", "Copy of X (2)").
 * Names are compared trimmed and without regard to case: two scenarios that differ only in case
 * ("Copy of X", "copy of X") would look like one in a list.
 */

/** The first `candidate(n)`, n = first, first + 1, …, that none of `taken` equals. */
export function firstFreeName(taken: Iterable<string>, candidate: (n: number) => string, first = 1): string {
  const key = (name: string) => name.trim().toLowerCase();
  const names = new Set(Array.from(taken, key));
  for (let n = first; ; n++) {
    const name = candidate(n);
    if (!names.has(key(name))) return name;
  }
}
