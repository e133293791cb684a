/**
 * The strategy map's arrows form a DAG that only points upward (SPEC §1): a link may not close a
 * cycle, and may not point from a higher perspective (smaller order) to a lower one.
 */

export interface LinkEnds {
  fromId: string;
  toId: string;
}

/** Why a link from → to is not allowed, or null when it is. `perspectiveOrder` maps objective id → order. */
export function linkDirectionProblem(link: LinkEnds, perspectiveOrder: ReadonlyMap<string, number>): string | null {
  if (link.fromId === link.toId) return "a link cannot connect an objective to itself";
  const from = perspectiveOrder.get(link.fromId);
  const to = perspectiveOrder.get(link.toId);
  if (from === undefined || to === undefined) return null; // dangling ends are reported elsewhere
  if (from < to) return "a link cannot point from a higher perspective down to a lower one";
  return null;
}

/** Would adding `candidate` to `links` close a cycle? (Is `from` reachable from `to`?) */
export function closesCycle(candidate: LinkEnds, links: readonly LinkEnds[]): boolean {
  const next = adjacency(links);
  const seen = new Set<string>();
  const stack = [candidate.toId];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (node === candidate.fromId) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    for (const n of next.get(node) ?? []) stack.push(n);
  }
  return false;
}

/**
 * Topological order of `nodes` along `links` (causes before effects), by Kahn's algorithm with
 * ties broken by the given node order so the result is deterministic. Nodes on a cycle, or
 * downstream of one, are returned in `cyclic` instead.
 */
export function topologicalOrder(
  nodes: readonly string[],
  links: readonly LinkEnds[],
): { order: string[]; cyclic: string[] } {
  const known = new Set(nodes);
  const indegree = new Map<string, number>(nodes.map((n) => [n, 0]));
  const usable = links.filter((l) => known.has(l.fromId) && known.has(l.toId));
  for (const l of usable) indegree.set(l.toId, (indegree.get(l.toId) ?? 0) + 1);
  const next = adjacency(usable);
  const order: string[] = [];
  const ready = nodes.filter((n) => indegree.get(n) === 0);
  for (let i = 0; i < ready.length; i++) {
    const node = ready[i] as string;
    order.push(node);
    for (const n of next.get(node) ?? []) {
      const d = (indegree.get(n) ?? 0) - 1;
      indegree.set(n, d);
      if (d === 0) ready.push(n);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: nodes.filter((n) => !placed.has(n)) };
}

function adjacency(links: readonly LinkEnds[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const l of links) {
    const list = next.get(l.fromId);
    if (list) list.push(l.toId);
    else next.set(l.fromId, [l.toId]);
  }
  return next;
}
