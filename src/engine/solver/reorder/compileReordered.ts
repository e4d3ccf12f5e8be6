import type { ProductModel } from '../../model/types.ts';
import type { ConstraintSource } from '../constraintDiagrams.ts';
import { layLevels, type SolverAttribute } from '../encoding.ts';
import { Mdd, compact } from '../mdd.ts';
import { propagateDomains } from '../propagateDomains.ts';
import { SolverError } from '../SolverError.ts';
import { assemble, solverContext, type CompiledModel } from '../compile.ts';
import { ONE, SiftBdd, ZERO } from './SiftBdd.ts';

/** What `compile` hands to a reordering compile (`CompileOptions.reorder`). */
export interface ReorderRequest {
  model: ProductModel;
  attributes: SolverAttribute[];
  sources: readonly ConstraintSource[];
  /** The static order to start from (attribute indices). */
  order: readonly number[];
  /** `COMPILE_LIMIT` when more than this many nodes are alive after a garbage collection. */
  maxNodes: number;
}

/** Bounds of `compileReordered` (deterministic: no clock in the engine). */
export interface ReorderLimits {
  /** Adjacent-level swaps over the whole compile (sifting's work). */
  maxSwaps: number;
  /** Sifting runs once the store holds this many live nodes, then at twice the size after it. */
  firstSift: number;
  /** Variables moved per sifting (those with the most nodes first). */
  siftVars: number;
  /** Levels a variable moves up or down at most in one sifting. */
  siftDistance: number;
  /** Called after each sifting (for benches and traces). */
  onSift?: (info: {
    before: number;
    after: number;
    swaps: number;
    done: number;
    of: number;
  }) => void;
}

export const DEFAULT_REORDER_LIMITS: ReorderLimits = {
  maxSwaps: 2_000_000,
  firstSift: 20_000,
  siftVars: 200,
  siftDistance: 50,
};

/**
 * Compiles a model whose every attribute is one two-valued level (a feature model) in a
 * binary diagram store with dynamic reordering (`SiftBdd`: Rudell's sifting whenever the live
 * nodes double, as CUDD's automatic reordering), then copies the result into an ordinary `Mdd`
 * in the order sifting reached. Domains are propagated first (forced and dead values become
 * unit parts), constraints are conjoined in buckets of one top level of the starting order,
 * deepest first, like `compile`. Returns `undefined` for a model it does not apply to, a
 * `COMPILE_LIMIT` error when the live nodes pass `maxNodes`. Kept out of `compile.ts` so the
 * pages that compile small models do not carry it: the CLI and the benches pass it in
 * (`CompileOptions.reorder`).
 *
 * @example
 * compile(model, { reorder: compileReordered });
 */
export function compileReordered(
  request: ReorderRequest,
  limits: ReorderLimits = DEFAULT_REORDER_LIMITS,
): CompiledModel | SolverError | undefined {
  const { model, attributes, sources, maxNodes } = request;
  const n = attributes.length;
  // the constraint diagrams in the starting order, so they copy into the store node by node
  const levels = layLevels(attributes, request.order);
  if (levels.length !== n || levels.some((l) => l.size !== 2)) return undefined;
  const first = new Mdd(levels.map((l) => l.size));
  const built = sources.map((s) => s.build(solverContext(first, attributes)));
  const propagated = propagateDomains(first, built);
  // (an inconsistent model has a FALSE among the restricted roots: the conjunction is FALSE)

  const bdd = new SiftBdd(n, request.order, 4 * maxNodes);
  const limit = (what: string) =>
    new SolverError(
      'COMPILE_LIMIT',
      `the decision diagram ${what} (${bdd.live} nodes, ${n} variables, ${bdd.swaps} swaps)`,
      `$.model(${model.id})`,
      { nodes: bdd.live, made: bdd.made, variables: n, swaps: bdd.swaps },
    );
  let acc: number;
  try {
    const map = new Int32Array(first.nodeCount);
    map[1] = ONE;
    for (let u = 2; u < first.nodeCount; u++)
      map[u] = bdd.mk(
        levels[first.level[u]!]!.attribute,
        map[first.kid(u, 0)]!,
        map[first.kid(u, 1)]!,
      );
    const parts = propagated.roots.map((r) => map[r]!);
    propagated.allowed.forEach((dom, l) => {
      const v = levels[l]!.attribute;
      if (dom[0] === 0 || dom[1] === 0)
        parts.push(bdd.mk(v, dom[0] ? ONE : ZERO, dom[1] ? ONE : ZERO));
    });
    for (const p of parts) bdd.ref(p);
    // deepest first in the current order (sorted again after every sifting)
    const top = new Int32Array(parts.length);
    const deepest = new Int32Array(parts.length);
    let order = parts.map((_, i) => i);
    const sortPending = () => {
      for (const i of order) {
        top[i] = bdd.levelOf(parts[i]!);
        deepest[i] = deepestLevel(bdd, parts[i]!);
      }
      order.sort((a, b) => top[b]! - top[a]! || deepest[b]! - deepest[a]!);
    };
    sortPending();
    acc = ONE;
    bdd.ref(acc);
    let collectAt = limits.firstSift;
    let siftAt = limits.firstSift;
    let swapsLeft = limits.maxSwaps;
    const total = parts.length;
    while (order.length > 0) {
      let bucket = ONE;
      bdd.ref(bucket);
      let k = 0;
      for (; k < order.length && top[order[k]!] === top[order[0]!]; k++) {
        const p = parts[order[k]!]!;
        const next = bdd.and(bucket, p);
        bdd.ref(next);
        bdd.deref(bucket);
        bdd.deref(p);
        bucket = next;
      }
      order = order.slice(k);
      const next = bdd.and(acc, bucket);
      bdd.ref(next);
      bdd.deref(acc);
      bdd.deref(bucket);
      acc = next;
      if (acc === ZERO) break;
      if (bdd.live > collectAt) {
        bdd.collect();
        if (bdd.live > maxNodes) return limit(`grew past ${maxNodes} nodes`);
        if (bdd.live > siftAt && swapsLeft > 0) {
          const before = bdd.swaps;
          const size = bdd.live;
          bdd.sift(swapsLeft, 1.2, limits.siftVars, limits.siftDistance);
          swapsLeft -= bdd.swaps - before;
          limits.onSift?.({
            before: size,
            after: bdd.live,
            swaps: bdd.swaps,
            done: total - order.length,
            of: total,
          });
          siftAt = 2 * bdd.live;
          sortPending();
        }
        collectAt = Math.max(collectAt, 2 * bdd.live);
      }
    }
    bdd.collect();
    if (bdd.live > maxNodes) return limit(`grew past ${maxNodes} nodes`);
  } catch (error) {
    if (error instanceof SolverError && error.code === 'COMPILE_LIMIT')
      return limit('passed its store while reordering');
    throw error;
  }

  // the order sifting reached, as an ordinary diagram
  const finalOrder = Array.from(bdd.invperm.subarray(0, n));
  const finalLevels = layLevels(attributes, finalOrder);
  const out = new Mdd(
    finalLevels.map((l) => l.size),
    Number.POSITIVE_INFINITY,
  );
  const copied = new Map<number, number>([
    [ZERO, 0],
    [ONE, 1],
  ]);
  const stack = [acc];
  while (stack.length > 0) {
    const u = stack[stack.length - 1]!;
    if (copied.has(u)) {
      stack.pop();
      continue;
    }
    const lo = bdd.lo[u]!;
    const hi = bdd.hi[u]!;
    const cl = copied.get(lo);
    const ch = copied.get(hi);
    if (cl === undefined) stack.push(lo);
    if (ch === undefined) stack.push(hi);
    if (cl === undefined || ch === undefined) continue;
    stack.pop();
    copied.set(u, out.mk(bdd.levelOf(u), [cl, ch]));
  }
  const root = copied.get(acc)!;
  const ctx = solverContext(out, attributes);
  const kept = sources.map((s) => s.build(ctx));
  const packed = compact(out, [root, ...kept]);
  const constraints = sources.map((s, i) => ({
    id: s.id,
    message: s.message,
    attributes: s.attributes,
    root: packed.roots[i + 1]!,
  }));
  return assemble(model, attributes, finalLevels, packed.mdd, packed.roots[0]!, constraints);
}

/** The deepest level read by the diagram `root` (a small constraint diagram). */
function deepestLevel(bdd: SiftBdd, root: number): number {
  let deepest = bdd.levelOf(root);
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u <= ONE || seen.has(u)) continue;
    seen.add(u);
    deepest = Math.max(deepest, bdd.levelOf(u));
    stack.push(bdd.lo[u]!, bdd.hi[u]!);
  }
  return deepest;
}
