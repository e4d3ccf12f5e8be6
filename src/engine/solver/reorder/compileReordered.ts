import type { ProductModel } from '../../model/types.ts';
import type { ConstraintSource } from '../constraintDiagrams.ts';
import { layLevels, type SolverAttribute } from '../encoding.ts';
import { FALSE, Mdd, TRUE, compact } from '../mdd.ts';
import { propagateDomains } from '../propagateDomains.ts';
import { SolverError } from '../SolverError.ts';
import { assemble, solverContext, type CompiledModel } from '../compile.ts';
import { BUDGET, ONE, SiftBdd, ZERO } from './SiftBdd.ts';
import { atomicSets, type AtomicSets } from './atomicSets.ts';

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

/**
 * Bounds of `compileReordered` (deterministic: no clock in the engine). The defaults give up on
 * Automotive01 after about 5 s of CPU (20 M nodes made), so the SAT fallback is not kept waiting.
 */
export interface ReorderLimits {
  /** Adjacent-level swaps over the whole compile (sifting's work). */
  maxSwaps: number;
  /** Nodes made over the whole compile, garbage included (the conjunctions' work). */
  maxMade?: number;
  /** Sifting runs once the store holds this many live nodes, then at twice the size after it. */
  firstSift: number;
  /** Variables moved per sifting (those with the most nodes first). */
  siftVars: number;
  /** Levels a variable moves up or down at most in one sifting. */
  siftDistance: number;
  /**
   * Nodes one conjunction step may make before it is put off (doubling at each retry, unbounded
   * after six); none by default. On Automotive01 a budget of 100,000 changed nothing: its steps
   * each add a little.
   */
  stepBudget?: number | undefined;
  /**
   * After conjoining a bucket whose variables lie more than this many levels apart (a cross-tree
   * constraint), sift those variables over the whole order (Automotive01: such clauses add half
   * the diagram each where the bounded sifting cannot bring their ends together). Off by default.
   */
  siftSpan?: number | undefined;
  /** ... and only when that step made at least this fraction of the live nodes (default 0). */
  spanMade?: number | undefined;
  /** The growth factor of that sifting (default 1.2). */
  spanGrowth?: number | undefined;
  /** Merge atomic sets before the conjunction (default true). */
  atomicSets?: boolean;
  /**
   * `deepest` (default): buckets of one top level, deepest first, sorted again after each
   * sifting; `model`: one constraint at a time in model order; `top`: nearest the root first.
   * Measured on Automotive01 (solver README): `deepest` gets furthest.
   */
  conjunction?: 'deepest' | 'model' | 'top';
  /** Called with the order reached (level → variable) when the compile gives up. */
  onGiveUp?: (order: readonly number[]) => void;
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
  maxMade: 20_000_000,
  firstSift: 20_000,
  siftVars: 200,
  siftDistance: 50,
};

/**
 * Compiles a model whose every attribute is one two-valued level (a feature model) in a
 * binary diagram store with dynamic reordering (`SiftBdd`: Rudell's sifting whenever the live
 * nodes double, as CUDD's automatic reordering), then copies the result into an ordinary `Mdd`
 * in the order sifting reached. Domains are propagated first (forced and dead values become
 * unit parts), atomic sets are merged (`atomicSets`) and expanded again in the copy, constraints
 * are conjoined in buckets of one top level, deepest first, like `compile` (sorted again in the
 * new order after each sifting). Returns `undefined` for a model it does not apply to, a
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

  const free = new Uint8Array(n);
  propagated.allowed.forEach((dom, l) => {
    if (dom[0] === 1 && dom[1] === 1) free[levels[l]!.attribute] = 1;
  });
  const found =
    limits.atomicSets === false
      ? undefined
      : atomicSets(
          first,
          propagated.roots,
          levels.map((l) => l.attribute),
          free,
        );
  const sets = found && found.dependents > 0 ? found : undefined;
  const bdd = new SiftBdd(n, request.order, 4 * maxNodes, limits.maxMade);
  let done = 0;
  let total = 0;
  const limit = (what: string) => {
    limits.onGiveUp?.(Array.from(bdd.invperm.subarray(0, n)));
    return new SolverError(
      'COMPILE_LIMIT',
      `the decision diagram ${what} (${bdd.live} nodes, ${n} variables, ${done} of ${total} parts conjoined, ${bdd.made} nodes made, ${bdd.swaps} swaps)`,
      `$.model(${model.id})`,
      {
        nodes: bdd.live,
        made: bdd.made,
        variables: n,
        swaps: bdd.swaps,
        constraintsDone: done,
      },
    );
  };
  let acc: number;
  try {
    const map = new Int32Array(first.nodeCount);
    map[1] = ONE;
    for (let u = 2; u < first.nodeCount; u++) {
      const v = levels[first.level[u]!]!.attribute;
      const lo = map[first.kid(u, 0)]!;
      const hi = map[first.kid(u, 1)]!;
      if (!sets) map[u] = bdd.mk(v, lo, hi);
      else {
        // a variable of an atomic set is its representative (or its negation); the children may
        // now read variables above it, so the node is built by apply
        const r = sets.rep[v]!;
        const negated = sets.same[v] === 0;
        const one = bdd.mk(r, ZERO, ONE);
        const zero = bdd.mk(r, ONE, ZERO);
        map[u] = bdd.or(bdd.and(one, negated ? lo : hi), bdd.and(zero, negated ? hi : lo));
      }
    }
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
      if (limits.conjunction === 'model') return;
      for (const i of order) {
        top[i] = bdd.levelOf(parts[i]!);
        deepest[i] = deepestLevel(bdd, parts[i]!);
      }
      if (limits.conjunction === 'top')
        order.sort((a, b) => top[a]! - top[b]! || deepest[a]! - deepest[b]!);
      else order.sort((a, b) => top[b]! - top[a]! || deepest[b]! - deepest[a]!);
    };
    sortPending();
    acc = ONE;
    bdd.ref(acc);
    let collectAt = limits.firstSift;
    let siftAt = limits.firstSift;
    let swapsLeft = limits.maxSwaps;
    total = parts.length;
    // a step that makes more than its budget of nodes is put off (kept as its bucket's
    // conjunction) until the rest is done, then tried again with twice the budget
    const deferred: { node: number; tries: number }[] = [];
    while (order.length > 0 || deferred.length > 0) {
      let bucket = ONE;
      let tries = 0;
      if (order.length > 0) {
        bdd.ref(bucket);
        let k = 0;
        for (
          ;
          k < order.length &&
          (k === 0 || (limits.conjunction !== 'model' && top[order[k]!] === top[order[0]!]));
          k++
        ) {
          const p = parts[order[k]!]!;
          const next = bdd.and(bucket, p);
          bdd.ref(next);
          bdd.deref(bucket);
          bdd.deref(p);
          bucket = next;
        }
        order = order.slice(k);
      } else ({ node: bucket, tries } = deferred.shift()!);
      const stepBudget = limits.stepBudget ?? Number.POSITIVE_INFINITY;
      bdd.stopAt = tries >= 6 ? Number.POSITIVE_INFINITY : bdd.made + stepBudget * 2 ** tries;
      let next: number;
      const madeBefore = bdd.made;
      const liveBefore = bdd.live;
      try {
        next = bdd.and(acc, bucket);
      } catch (error) {
        if (error !== BUDGET) throw error;
        bdd.stopAt = Number.POSITIVE_INFINITY;
        deferred.push({ node: bucket, tries: tries + 1 });
        bdd.collect();
        continue;
      }
      bdd.stopAt = Number.POSITIVE_INFINITY;
      done = total - order.length - deferred.length;
      // a constraint across many levels: its variables sifted over the whole order
      const span =
        limits.siftSpan !== undefined && bdd.live > limits.firstSift && swapsLeft > 0
          ? supportOf(bdd, bucket)
          : undefined;
      bdd.ref(next);
      bdd.deref(acc);
      bdd.deref(bucket);
      acc = next;
      if (acc === ZERO) break;
      if (
        span &&
        span.deepest - span.top > limits.siftSpan! &&
        bdd.made - madeBefore >= (limits.spanMade ?? 0) * liveBefore
      ) {
        const before = bdd.swaps;
        const size = bdd.live;
        bdd.sift(swapsLeft, limits.spanGrowth ?? 1.2, n, n, span.vars);
        swapsLeft -= bdd.swaps - before;
        limits.onSift?.({ before: size, after: bdd.live, swaps: bdd.swaps, done, of: total });
        sortPending();
      }
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
            done: total - order.length - deferred.length,
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
      return limit(
        bdd.made >= (limits.maxMade ?? Number.POSITIVE_INFINITY)
          ? 'passed its work budget while reordering'
          : 'passed its store while reordering',
      );
    throw error;
  }

  // the order sifting reached, as an ordinary diagram (each atomic set's variables right below
  // its representative)
  const { finalOrder, root: rootOf } = copyOut(bdd, acc, n, sets);
  const finalLevels = layLevels(attributes, finalOrder);
  const out = new Mdd(
    finalLevels.map((l) => l.size),
    Number.POSITIVE_INFINITY,
  );
  const root = rootOf(out);
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

/** The variables read by the diagram `root` (a small one) and its top and deepest levels. */
function supportOf(bdd: SiftBdd, root: number): { vars: number[]; top: number; deepest: number } {
  const vars = new Set<number>();
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u <= ONE || seen.has(u)) continue;
    seen.add(u);
    vars.add(bdd.varOf[u]!);
    stack.push(bdd.lo[u]!, bdd.hi[u]!);
  }
  const levels = [...vars].map((v) => bdd.perm[v]!);
  return {
    vars: [...vars],
    top: Math.min(bdd.vars, ...levels),
    deepest: Math.max(-1, ...levels),
  };
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

/**
 * The final order (representatives in sifting's order, each followed by its set's other
 * variables) and a copy of the diagram `acc` into an `Mdd` laid out in it, with every atomic set
 * expanded: a set's other variables take their representative's value (or its negation), also
 * where the representative's level is skipped.
 */
function copyOut(
  bdd: SiftBdd,
  acc: number,
  n: number,
  sets: AtomicSets | undefined,
): { finalOrder: number[]; root: (out: Mdd) => number } {
  const members: number[][] = Array.from({ length: n }, () => []);
  if (sets) for (let v = 0; v < n; v++) if (sets.rep[v] !== v) members[sets.rep[v]!]!.push(v);
  const finalOrder: number[] = [];
  for (let p = 0; p < n; p++) {
    const v = bdd.invperm[p]!;
    if (sets && sets.rep[v] !== v) continue;
    finalOrder.push(v, ...members[v]!);
  }
  const finalLevel = new Int32Array(n);
  finalOrder.forEach((v, l) => (finalLevel[v] = l));
  // the first level at or below p whose variable has other members, per sifting level
  const nextSet = new Int32Array(n + 1).fill(n);
  for (let p = n - 1; p >= 0; p--)
    nextSet[p] = members[bdd.invperm[p]!]!.length > 0 ? p : nextSet[p + 1]!;
  return {
    finalOrder,
    root(out) {
      const copied = new Map<number, number>();
      const lifted = new Map<number, number>();
      // `target` with the other members of r's set forced to follow r = value
      const chain = (r: number, value: number, target: number): number => {
        if (target === FALSE) return FALSE;
        const list = members[r]!;
        let node = target;
        for (let i = list.length - 1; i >= 0; i--) {
          const d = list[i]!;
          const k = sets!.same[d] === 1 ? value : 1 - value;
          node = out.mk(finalLevel[d]!, k === 1 ? [FALSE, node] : [node, FALSE]);
        }
        return node;
      };
      // node c reached from above sifting level `from`: the sets of skipped levels expanded
      const lift = (c: number, from: number): number => {
        if (c === ZERO) return FALSE;
        const p = nextSet[from]!;
        if (p >= bdd.levelOf(c)) return copy(c);
        const key = c * (n + 1) + p;
        const known = lifted.get(key);
        if (known !== undefined) return known;
        const r = bdd.invperm[p]!;
        const inner = lift(c, p + 1);
        const node = out.mk(finalLevel[r]!, [chain(r, 0, inner), chain(r, 1, inner)]);
        lifted.set(key, node);
        return node;
      };
      const copy = (c: number): number => {
        if (c === ONE) return TRUE;
        const known = copied.get(c);
        if (known !== undefined) return known;
        const v = bdd.varOf[c]!;
        const p = bdd.levelOf(c);
        const lo = chain(v, 0, lift(bdd.lo[c]!, p + 1));
        const hi = chain(v, 1, lift(bdd.hi[c]!, p + 1));
        const node = out.mk(finalLevel[v]!, [lo, hi]);
        copied.set(c, node);
        return node;
      };
      return lift(acc, 0);
    },
  };
}
