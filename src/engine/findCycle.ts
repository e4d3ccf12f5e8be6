/**
 * The first cycle of a directed graph, as the path of ids that closes on itself (`['a', 'b',
 * 'a']`), or undefined when there is none. Iterative (a chain of 100,000 nodes cannot overflow
 * the stack); `next` gives a node's successors, and successors that are not nodes are ignored.
 *
 * @example
 * findCycle(['a', 'b'], (id) => (id === 'a' ? ['b'] : ['a'])) // ['a', 'b', 'a']
 * findCycle(['a', 'b'], (id) => (id === 'a' ? ['b'] : [])) // undefined
 */
export function findCycle(
  nodes: readonly string[],
  next: (id: string) => readonly string[],
): string[] | undefined {
  const known = new Set(nodes);
  const state = new Map<string, 'open' | 'done'>();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const todo: (readonly string[])[] = [next(start)];
    const at: number[] = [0];
    state.set(start, 'open');
    while (path.length > 0) {
      const depth = path.length - 1;
      const successors = todo[depth]!;
      const i = at[depth]!;
      if (i >= successors.length) {
        state.set(path.pop()!, 'done');
        todo.pop();
        at.pop();
        continue;
      }
      at[depth] = i + 1;
      const id = successors[i]!;
      if (!known.has(id)) continue;
      const s = state.get(id);
      if (s === 'open') return [...path.slice(path.indexOf(id)), id];
      if (s === 'done') continue;
      state.set(id, 'open');
      path.push(id);
      todo.push(next(id));
      at.push(0);
    }
  }
  return undefined;
}

/**
 * The ids that occur more than once in `ids`, each with the index of its second occurrence.
 *
 * @example
 * duplicates(['a', 'b', 'a']) // [{ id: 'a', index: 2, first: 0 }]
 */
export function duplicates(ids: readonly string[]): { id: string; index: number; first: number }[] {
  const seen = new Map<string, number>();
  const out: { id: string; index: number; first: number }[] = [];
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else out.push({ id, index, first });
  });
  return out;
}
