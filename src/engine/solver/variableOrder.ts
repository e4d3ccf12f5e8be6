/**
 * A static variable order from the constraint hypergraph by the FORCE heuristic (Aloul, Markov
 * and Sakallah): each variable moves to the mean centre of gravity of the constraints it is in,
 * repeated; the order with the smallest total span (sum over constraints of last − first
 * position) wins. Variables sharing constraints end up close, which keeps the diagram small.
 * Returns a permutation of `0..count-1`.
 *
 * @example
 * variableOrder(4, [[0, 3], [3, 1]]); // e.g. [2, 0, 3, 1]: 0, 3 and 1 now sit together
 */
export function variableOrder(
  count: number,
  scopes: readonly (readonly number[])[],
  initial: readonly number[] = Array.from({ length: count }, (_, i) => i),
): number[] {
  const edges = scopes.filter((s) => s.length > 1);
  const memberOf: number[][] = Array.from({ length: count }, () => []);
  edges.forEach((e, i) => {
    for (const v of e) memberOf[v]!.push(i);
  });
  const spanOf = (order: readonly number[]): number => {
    const pos = positions(order);
    let total = 0;
    for (const e of edges) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of e) {
        lo = Math.min(lo, pos[v]!);
        hi = Math.max(hi, pos[v]!);
      }
      total += hi - lo;
    }
    return total;
  };

  let best = [...initial];
  let bestSpan = spanOf(best);
  let order = best;
  for (let iteration = 0; iteration < 40; iteration++) {
    const pos = positions(order);
    const cog = edges.map((e) => e.reduce((s, v) => s + pos[v]!, 0) / e.length);
    const target = memberOf.map((es, v) =>
      es.length === 0 ? pos[v]! : es.reduce((s, e) => s + cog[e]!, 0) / es.length,
    );
    order = [...order].sort((a, b) => target[a]! - target[b]! || pos[a]! - pos[b]!);
    const span = spanOf(order);
    if (span < bestSpan) {
      best = order;
      bestSpan = span;
    }
  }
  return best;
}

function positions(order: readonly number[]): number[] {
  const pos = new Array<number>(order.length);
  order.forEach((v, i) => (pos[v] = i));
  return pos;
}

/**
 * A depth-first walk of the constraint graph (variables sharing a constraint are neighbours),
 * starting from the best-connected variable and visiting better-connected neighbours first. On
 * feature models, whose constraints follow a feature tree, this keeps each subtree together.
 *
 * @example
 * depthFirstOrder(4, [[0, 3], [3, 1]]); // [3, 0, 1, 2]
 */
export function depthFirstOrder(count: number, scopes: readonly (readonly number[])[]): number[] {
  const adjacent: Set<number>[] = Array.from({ length: count }, () => new Set());
  for (const scope of scopes)
    for (const a of scope) for (const b of scope) if (a !== b) adjacent[a]!.add(b);
  const degree = (v: number) => adjacent[v]!.size;
  const neighbours = (v: number) =>
    [...adjacent[v]!].sort((a, b) => degree(b) - degree(a) || a - b);
  const seen = new Uint8Array(count);
  const order: number[] = [];
  const starts = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => degree(b) - degree(a) || a - b,
  );
  for (const start of starts) {
    if (seen[start] === 1) continue;
    seen[start] = 1;
    order.push(start);
    const stack: { next: number[]; i: number }[] = [{ next: neighbours(start), i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.next.length) {
        stack.pop();
        continue;
      }
      const v = top.next[top.i++]!;
      if (seen[v] === 1) continue;
      seen[v] = 1;
      order.push(v);
      stack.push({ next: neighbours(v), i: 0 });
    }
  }
  return order;
}

/**
 * A pre-order walk of the feature tree a feature model's CNF spells out as `parent ∨ ¬child`
 * clauses (FeatureIDE exports write the tree first, then the cross-tree constraints): each
 * variable's parent is the target of its first implication (`[child, parent]`, in constraint
 * order) that closes no cycle; roots are visited in index order, children in the order of their
 * implications. A subtree — an alternative group with what hangs below it — stays together, with
 * its parent on top. On FinancialServices this is the order that compiles (161k nodes; FORCE and
 * the depth-first walk pass a million).
 *
 * @example
 * featureTreeOrder(4, [[1, 0], [3, 2], [2, 0]]); // [0, 1, 2, 3]
 */
export function featureTreeOrder(
  count: number,
  implications: readonly (readonly [number, number])[],
): number[] {
  const parent = new Int32Array(count).fill(-1);
  const children: number[][] = Array.from({ length: count }, () => []);
  const isAncestor = (a: number, of: number) => {
    for (let x = of; x !== -1; x = parent[x]!) if (x === a) return true;
    return false;
  };
  for (const [child, p] of implications) {
    if (parent[child] !== -1 || isAncestor(child, p)) continue;
    parent[child] = p;
    children[p]!.push(child);
  }
  const order: number[] = [];
  for (let root = 0; root < count; root++) {
    if (parent[root] !== -1) continue;
    const stack = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      order.push(v);
      const kids = children[v]!;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return order;
}
