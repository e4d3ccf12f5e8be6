import { FALSE, TRUE, type Mdd } from '../mdd.ts';

/**
 * Atomic sets of a two-valued model: variables equal (or opposite) in every valid configuration,
 * read off the strongly connected components of the implication graph of its binary clauses
 * (Aspvall, Plass and Tarjan). `rep[v]` is the class representative (`v` itself for one), and
 * `same[v]` is 1 when `v` equals it, 0 when `v` is its negation. Forced variables (`free[v]`
 * 0) stay alone. Undefined when some variable is equivalent to its own negation (the binary
 * clauses alone are unsatisfiable; the conjunction will say so).
 */
export interface AtomicSets {
  rep: Int32Array;
  same: Uint8Array;
  /** Variables that are not their class's representative. */
  dependents: number;
}

/**
 * The atomic sets of the constraint diagrams `roots` in `mdd`, whose level `l` is variable
 * `varOfLevel[l]` (two values each). A binary clause is a diagram that forbids exactly one pair
 * of values of two variables.
 *
 * @example
 * // x0 ⇒ x1 and x1 ⇒ x0: one class
 * atomicSets(mdd, [implies01, implies10], [0, 1], Uint8Array.of(1, 1)).rep; // [0, 0]
 */
export function atomicSets(
  mdd: Mdd,
  roots: readonly number[],
  varOfLevel: ArrayLike<number>,
  free: Uint8Array,
): AtomicSets | undefined {
  const n = free.length;
  // literal 2v + k: variable v takes value index k
  const adjacent: number[][] = Array.from({ length: 2 * n }, () => []);
  for (const r of roots) {
    const pair = forbiddenPair(mdd, r);
    if (!pair) continue;
    const [la, ka, lb, kb] = pair;
    const a = varOfLevel[la]!;
    const b = varOfLevel[lb]!;
    if (free[a] === 0 || free[b] === 0) continue;
    // not (a = ka and b = kb): a = ka ⇒ b = 1 − kb, b = kb ⇒ a = 1 − ka
    adjacent[2 * a + ka]!.push(2 * b + (1 - kb));
    adjacent[2 * b + kb]!.push(2 * a + (1 - ka));
  }
  const component = stronglyConnected(adjacent);
  const rep = new Int32Array(n);
  const same = new Uint8Array(n).fill(1);
  const firstOf = new Map<number, number>(); // component → literal of its first variable
  let dependents = 0;
  for (let v = 0; v < n; v++) {
    rep[v] = v;
    if (free[v] === 0) continue;
    const c1 = component[2 * v + 1]!;
    const c0 = component[2 * v]!;
    if (c1 === c0) return undefined;
    const seen = firstOf.get(c1);
    if (seen !== undefined) {
      // v = 1 ⇔ (seen's variable takes seen's value)
      rep[v] = seen >> 1;
      same[v] = seen & 1;
      dependents++;
    } else {
      firstOf.set(c1, 2 * v + 1);
      firstOf.set(c0, 2 * v);
    }
  }
  return { rep, same, dependents };
}

/** `[levelA, valueA, levelB, valueB]` when `root` is false exactly on that one pair. */
function forbiddenPair(mdd: Mdd, root: number): [number, number, number, number] | undefined {
  if (root <= TRUE || mdd.sizes[mdd.level[root]!] !== 2) return undefined;
  const k0 = mdd.kid(root, 0);
  const k1 = mdd.kid(root, 1);
  const ka = k0 === TRUE ? 1 : k1 === TRUE ? 0 : -1;
  if (ka === -1) return undefined;
  const inner = ka === 1 ? k1 : k0;
  if (inner <= TRUE || mdd.sizes[mdd.level[inner]!] !== 2) return undefined;
  const i0 = mdd.kid(inner, 0);
  const i1 = mdd.kid(inner, 1);
  if (i0 === FALSE && i1 === TRUE) return [mdd.level[root]!, ka, mdd.level[inner]!, 0];
  if (i0 === TRUE && i1 === FALSE) return [mdd.level[root]!, ka, mdd.level[inner]!, 1];
  return undefined;
}

/** Tarjan's strongly connected components, iteratively: the component id of every vertex. */
function stronglyConnected(adjacent: readonly (readonly number[])[]): Int32Array {
  const size = adjacent.length;
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const component = new Int32Array(size).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (let s = 0; s < size; s++) {
    if (index[s] !== -1) continue;
    const calls: [number, number][] = [[s, 0]];
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    while (calls.length > 0) {
      const frame = calls[calls.length - 1]!;
      const v = frame[0];
      const edges = adjacent[v]!;
      if (frame[1] < edges.length) {
        const w = edges[frame[1]++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          calls.push([w, 0]);
        } else if (onStack[w] === 1) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      calls.pop();
      if (calls.length > 0) {
        const parent = calls[calls.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}
