/**
 * A list whose items each have a remove button: once an item is removed its button is gone, and
 * the focus would fall to the page. It goes instead to the remove button of the item now in its
 * place (the next, else the previous), or, with the list empty, to the element marked
 * `data-focus-fallback` (the list's add control).
 *
 * Items carry `data-item-id`, their remove button `data-remove`; `scope` holds them all.
 */
import { useEffect, useRef, useState } from "react";

export function useFocusAfterRemoval<T extends HTMLElement>() {
  const scope = useRef<T>(null);
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (target === null) return;
    scope.current?.querySelector<HTMLElement>(target)?.focus();
    setTarget(null);
  });
  /** Call once `id` was removed from `ids` (the list as it was shown). */
  const removed = (ids: readonly string[], id: string) => {
    const i = ids.indexOf(id);
    const neighbour = ids[i + 1] ?? ids[i - 1];
    setTarget(neighbour ? `[data-item-id="${CSS.escape(neighbour)}"] [data-remove]` : "[data-focus-fallback]");
  };
  return { scope, removed };
}
