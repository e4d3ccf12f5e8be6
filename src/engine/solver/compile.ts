import type { ProductModel } from '../model/types.ts';
import { constraintSources, type ConstraintSource } from './constraintDiagrams.ts';
import { layLevels, solverAttributes, type Level, type SolverAttribute } from './encoding.ts';
import { FALSE, Mdd, TRUE, compact, reachable } from './mdd.ts';
import { SolverError } from './SolverError.ts';
import { propagateDomains } from './propagateDomains.ts';
import { support } from './support.ts';
import { depthFirstOrder, featureTreeOrder, variableOrder } from './variableOrder.ts';
import type { ReorderRequest } from './reorder/compileReordered.ts';

/** One constraint (explicit or implicit) with its own diagram, kept for explanations. */
export interface CompiledConstraint {
  id: string;
  message: string;
  /** Attribute ids the constraint mentions. */
  attributes: string[];
  /** Its diagram in the shared store. */
  root: number;
}

/**
 * A model compiled to one decision diagram of all its valid configurations (`root`), plus one
 * diagram per constraint. Made by `compile`, stored by `serializeCompiled`.
 */
export interface CompiledModel {
  model: ProductModel;
  /** Solver attributes (text attributes excluded) in model order. */
  attributes: SolverAttribute[];
  byId: ReadonlyMap<string, SolverAttribute>;
  /** The diagram's variables in order. */
  levels: Level[];
  mdd: Mdd;
  root: number;
  constraints: CompiledConstraint[];
  /** Nodes below `root`, children first. */
  nodes: Int32Array;
  /** Per level and value index: 1 when some valid configuration takes it. */
  baseSupport: Uint8Array[];
}

/** Options of `compile`. */
export interface CompileOptions {
  /** Stop with a `COMPILE_LIMIT` error past this many nodes alive in the store (intermediate ones between garbage collections included). */
  maxNodes?: number;
  /** A variable order to use instead of the heuristics: a permutation of the solver attributes' indices (model order, text attributes left out). */
  order?: readonly number[];
  /**
   * Stop with a `COMPILE_LIMIT` error once the compile (every order tried) has made this many
   * nodes, garbage included: a work budget, so a model whose diagram churns below the live limit
   * gives up in seconds too. The error's `details.work` says what every order tried made.
   */
  maxWork?: number;
  /**
   * A compile with dynamic variable reordering (`compileReordered` in `reorder/`), tried when every
   * static order passes the limits. An option, not an import, so the pages that only compile small
   * models do not carry it; the CLI and the benches pass it.
   */
  reorder?: (request: ReorderRequest) => CompiledModel | SolverError | undefined;
}

/**
 * The default node limit of `compile`: 1,000,000 live nodes. Every model here that compiles stays
 * below about 530,000 (BR4CP big's peak, garbage between collections included; its diagram has
 * 91,324), while the ones that do not (FinancialServices, Automotive01, Linux CDL, ea2468) pass any
 * limit; 4,000,000 only made them fail later (Automotive01: 106 s before the fallback answered).
 */
export const DEFAULT_MAX_NODES = 1_000_000;

/**
 * The default work budget of `compile` (`maxWork`): 8,000,000 nodes made over every order tried.
 * The models that compile make at most 1.9 M (uClinux-base, both orders); FinancialServices
 * made 36 M nodes (64 s of CPU) and Automotive01 14 M (18 s) before they stopped at the old
 * 4 M-node limit. Each cheap try gets a quarter of it, FORCE with the whole node limit the rest.
 */
export const DEFAULT_MAX_WORK = 8_000_000;

/**
 * Compiles every constraint of `model` (rules, tables, guards, relevance, required values,
 * multi cardinalities) into one reduced multi-valued decision diagram of its valid
 * configurations. Domains are propagated over the constraint diagrams first (`propagateDomains`):
 * forced attributes go on top and the conjunction starts from the cube of what is left. The other
 * variables follow a static order of the constraint graph (FORCE, else a depth-first walk: each
 * try gets a quarter of the node budget, then FORCE gets all of it; a feature model — two-valued
 * levels, `parent ∨ ¬child` clauses — gets its feature tree's pre-order before that; a big diagram
 * of a two-valued model gets one more try, FORCE from the depth-first walk, unless it came from
 * the feature tree); constraint diagrams are conjoined in buckets of one top level, deepest
 * first, with garbage collection of intermediate nodes (see `conjoinInLevelOrder`). Throws a
 * `SolverError` with code `COMPILE_LIMIT` when the store holds more than `maxNodes` live nodes.
 *
 * @example
 * const compiled = compile(parseModel(json));
 * count(compiled); // 42n
 */
export function compile(model: ProductModel, options: CompileOptions = {}): CompiledModel {
  const attributes = solverAttributes(model);
  const sources = constraintSources(model, attributes);
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxWork = options.maxWork ?? DEFAULT_MAX_WORK;
  const work = { left: maxWork };
  if (options.order) {
    const outcome = attempt(
      model,
      attributes,
      sources,
      [...options.order],
      maxNodes,
      work,
      work.left,
    );
    if (!(outcome instanceof SolverError)) return outcome;
    outcome.details['work'] = maxWork - work.left;
    throw outcome;
  }
  const { forced, scopes, implications } = prepass(attributes, sources);
  const free = attributes.map((_, i) => i).filter((i) => forced[i] === 0);
  const local = new Map(free.map((a, i) => [a, i] as const));
  const freeScopes = scopes.map((s) => s.flatMap((a) => local.get(a) ?? []));
  const ordered = (inner: (count: number, scopes: number[][]) => number[]) => () => [
    ...attributes.map((_, i) => i).filter((i) => forced[i] === 1),
    ...inner(free.length, freeScopes).map((i) => free[i]!),
  ];
  // No static order suits every model: FORCE is best on the Renault tables, a depth-first walk of
  // the constraint graph on some feature models. Cheap tries first, then FORCE with everything.
  const trial = Math.min(maxNodes, Math.max(100_000, Math.floor(maxNodes / 4)));
  const trialWork = Math.floor(work.left / 4);
  const attempts: { order: () => number[]; budget: number; share: number; tree?: true }[] = [
    { order: ordered(variableOrder), budget: trial, share: trialWork },
    { order: ordered(depthFirstOrder), budget: trial, share: trialWork },
    { order: ordered(variableOrder), budget: maxNodes, share: Number.POSITIVE_INFINITY },
  ];
  // A feature model (two-valued levels, a `parent ∨ ¬child` clause for most variables): its
  // feature tree after the cheap tries, with the whole node limit and a trial's work
  // (FinancialServices: 161k nodes, 350k live on the way, where FORCE and the depth-first walk
  // pass a million). Not first: on the KConfig models it passes a million where FORCE or the
  // depth-first walk compile in a second.
  if (implications.length * 2 >= attributes.length) {
    const tree = featureTreeOrder(attributes.length, implications);
    attempts.splice(2, 0, {
      order: () => [
        ...attributes.map((_, i) => i).filter((i) => forced[i] === 1),
        ...tree.filter((i) => forced[i] === 0),
      ],
      budget: maxNodes,
      share: trialWork,
      tree: true,
    });
  }
  let failure: SolverError | undefined;
  const tries = trial === maxNodes ? attempts.slice(0, -1) : attempts;
  const start = attempts.find((a) => a.tree) ?? attempts[0]!;
  for (const [i, { order, budget, share, tree }] of tries.entries()) {
    if (work.left <= 0) break;
    const last = i === tries.length - 1;
    const outcome = attempt(
      model,
      attributes,
      sources,
      order(),
      budget,
      work,
      last ? work.left : share,
    );
    // FORCE from the depth-first walk after the feature tree: FinancialServices, 1.4 s of CPU to
    // pass 646k nodes; no model here gets a smaller diagram from it.
    if (!(outcome instanceof SolverError)) return tree ? outcome : refine(outcome);
    failure = outcome;
  }
  if (options.reorder) {
    const outcome = options.reorder({ model, attributes, sources, order: start.order(), maxNodes });
    if (outcome instanceof SolverError) failure = outcome;
    else if (outcome) return outcome;
  }
  failure ??= new SolverError(
    'COMPILE_LIMIT',
    `a work budget of ${maxWork} nodes does nothing`,
    `$.model(${model.id})`,
  );
  // what every order tried made together (`details.made` is the last try's)
  failure.details['work'] = maxWork - work.left;
  throw failure;

  /**
   * On a model of two-valued levels only (a feature model: the depth-first walk follows its
   * feature tree), a diagram past `REFINE_ABOVE` nodes gets one more try: FORCE started from the
   * depth-first walk (BusyBox: 6,607 nodes against 73,958), within four times its size; the
   * smaller wins. Not on multi-valued models (BR4CP big: 3 s more for no gain).
   */
  function refine(first: CompiledModel): CompiledModel {
    const size = first.nodes.length;
    if (size <= REFINE_ABOVE || first.levels.some((l) => l.size > 2)) return first;
    const order = ordered((count, s) => variableOrder(count, s, depthFirstOrder(count, s)))();
    const budget = Math.min(maxNodes, Math.max(100_000, 4 * size));
    if (work.left <= 0) return first;
    const second = attempt(model, attributes, sources, order, budget, work, work.left);
    if (second instanceof SolverError || second.nodes.length >= size) {
      // `layLevels` wrote the second order into the shared attributes: put the first one back.
      layLevels(attributes, [...new Set(first.levels.map((l) => l.attribute))]);
      return first;
    }
    return second;
  }
}

/**
 * Builds every constraint diagram once in model order and propagates domains over them: which
 * attributes are forced (one value left on each of their levels) and, per constraint, the
 * attributes its restricted diagram still reads (entailed constraints read none).
 */
function prepass(
  attributes: SolverAttribute[],
  sources: readonly ConstraintSource[],
): { forced: Uint8Array; scopes: number[][]; implications: [number, number][] } {
  const levels = layLevels(
    attributes,
    attributes.map((_, i) => i),
  );
  const mdd = new Mdd(levels.map((l) => l.size));
  const ctx = solverContext(mdd, attributes);
  const roots = sources.map((s) => s.build(ctx));
  const implications: [number, number][] = [];
  if (levels.every((l) => l.size === 2))
    for (const r of roots) {
      const pair = implicationOf(mdd, r);
      if (pair) implications.push([levels[pair[0]]!.attribute, levels[pair[1]]!.attribute]);
    }
  const propagated = propagateDomains(mdd, roots);
  const forced = new Uint8Array(attributes.length).fill(1);
  levels.forEach((l, i) => {
    let left = 0;
    for (const v of propagated.allowed[i]!) left += v;
    if (left > 1) forced[l.attribute] = 0;
  });
  const scopes = propagated.scopes.map((s) => [...new Set(s.map((l) => levels[l]!.attribute))]);
  return { forced, scopes, implications };
}

/**
 * `[a, b]` when the diagram `root`, over two-valued levels, is exactly `a = 1 ⇒ b = 1` (the
 * clause `b ∨ ¬a` of a boolean `a` and `b`: `a` is a child feature of `b`); undefined otherwise.
 */
function implicationOf(mdd: Mdd, root: number): [number, number] | undefined {
  if (root <= TRUE) return undefined;
  const top = mdd.level[root]!;
  const kids = [mdd.kid(root, 0), mdd.kid(root, 1)];
  // one child is TRUE, the other a single-level node with one FALSE and one TRUE child
  const inner = kids[0] === TRUE ? kids[1]! : kids[1] === TRUE ? kids[0]! : -1;
  if (inner <= TRUE) return undefined;
  const innerKids = [mdd.kid(inner, 0), mdd.kid(inner, 1)];
  if (!innerKids.includes(TRUE) || !innerKids.includes(FALSE)) return undefined;
  const below = mdd.level[inner]!;
  const topForbidden = kids[0] === TRUE ? 1 : 0; // the top value that leads to the inner test
  const belowForbidden = innerKids[0] === FALSE ? 0 : 1;
  // forbidden: top = topForbidden and below = belowForbidden
  if (topForbidden === 1 && belowForbidden === 0) return [top, below];
  if (topForbidden === 0 && belowForbidden === 1) return [below, top];
  return undefined;
}

/** The context constraint sources build their diagrams in (`ConstraintSource.build`). */
export function solverContext(mdd: Mdd, attributes: readonly SolverAttribute[]) {
  const attrById = new Map(attributes.map((a) => [a.id, a] as const));
  return {
    mdd,
    attribute: (id: string) => {
      const found = attrById.get(id);
      if (!found)
        throw new SolverError('UNKNOWN_ATTRIBUTE', `unknown solver attribute '${id}'`, id);
      return found;
    },
  };
}

/**
 * One compilation with a given attribute order, within `maxNodes` live nodes and `share` of the
 * work left (`work.left`, nodes made; what it made is taken off); a `COMPILE_LIMIT` error is
 * returned, not thrown.
 */
function attempt(
  model: ProductModel,
  attributes: SolverAttribute[],
  sources: readonly ConstraintSource[],
  order: number[],
  maxNodes: number,
  work: { left: number },
  share: number,
): CompiledModel | SolverError {
  const levels = layLevels(attributes, order);
  const mdd = new Mdd(
    levels.map((l) => l.size),
    maxNodes,
    Math.min(share, work.left),
  );
  try {
    return build();
  } finally {
    work.left -= mdd.madeCount;
  }

  function build(): CompiledModel | SolverError {
    const ctx = solverContext(mdd, attributes);

    let done = 0;
    let root: number;
    let roots: number[] = [];
    try {
      for (const s of sources) roots.push(s.build(ctx));
      const propagated = propagateDomains(mdd, roots);
      if (propagated.consistent) {
        const cube = domainCube(mdd, propagated.allowed);
        [root, roots] = conjoinInLevelOrder(mdd, cube, propagated.roots, roots, () => done++);
      } else root = FALSE;
    } catch (error) {
      if (error instanceof SolverError && error.code === 'COMPILE_LIMIT')
        return new SolverError(
          'COMPILE_LIMIT',
          mdd.madeCount >= mdd.maxMade
            ? `the decision diagram's construction passed its work budget (${mdd.madeCount} nodes made, ${mdd.nodeCount} held, ${levels.length} variables, ${done} of ${sources.length} constraints done)`
            : `the decision diagram grew past ${maxNodes} nodes (${mdd.nodeCount} nodes, ${levels.length} variables, ${done} of ${sources.length} constraints done)`,
          `$.model(${model.id})`,
          {
            nodes: mdd.nodeCount,
            made: mdd.madeCount,
            variables: levels.length,
            constraintsDone: done,
          },
        );
      throw error;
    }

    const packed = compact(mdd, [root, ...roots]);
    const constraints = sources.map((s, i) => ({
      id: s.id,
      message: s.message,
      attributes: s.attributes,
      root: packed.roots[i + 1]!,
    }));
    return assemble(model, attributes, levels, packed.mdd, packed.roots[0]!, constraints);
  }
}

/** Builds the compiled form's derived parts (node list, unconstrained support). */
export function assemble(
  model: ProductModel,
  attributes: SolverAttribute[],
  levels: Level[],
  mdd: Mdd,
  root: number,
  constraints: CompiledConstraint[],
): CompiledModel {
  const nodes = reachable(mdd, root);
  const baseSupport = support(mdd, nodes, root, []).supported;
  return {
    model,
    attributes,
    byId: new Map(attributes.map((a) => [a.id, a] as const)),
    levels,
    mdd,
    root,
    constraints,
    nodes,
    baseSupport,
  };
}

/** A compiled diagram bigger than this gets one more try with another order (`compile`). */
const REFINE_ABOVE = 20_000;

/** Garbage collection during compile starts once the store holds this many nodes. */
const GC_FLOOR = 500_000;

/** The deepest level of a node reachable from `root` (a small constraint diagram). */
function deepestLevel(mdd: Mdd, root: number): number {
  let deepest = mdd.level[root]!;
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u <= TRUE || seen.has(u)) continue;
    seen.add(u);
    const l = mdd.level[u]!;
    if (l > deepest) deepest = l;
    for (let k = 0; k < mdd.sizes[l]!; k++) stack.push(mdd.kid(u, k));
  }
  return deepest;
}

/** The conjunction of every level's allowed values (levels with all values allowed skipped). */
function domainCube(mdd: Mdd, allowed: readonly Uint8Array[]): number {
  let node = TRUE;
  for (let l = allowed.length - 1; l >= 0; l--) {
    const dom = allowed[l]!;
    if (!dom.includes(0)) continue;
    node = mdd.mk(
      l,
      Array.from(dom, (v) => (v === 1 ? node : FALSE)),
    );
  }
  return node;
}

/**
 * Conjoins the constraint diagrams into one diagram, starting from `start` (the cube of the
 * propagated domains), deepest first (sorted by the level of their root, then of their deepest
 * node, both descending): the partial conjunction grows from the bottom levels up, so each step
 * only rebuilds the levels above the new constraint's deepest variable and never multiplies
 * unrelated parts. Constraints with the same top level form a bucket, conjoined on their own
 * first (small diagrams) and then into the partial conjunction in one step: each step walks the
 * partial conjunction from its root down to the bucket's deepest level, so one walk per top level
 * instead of one per constraint (FinancialServices, 7,241 clauses on 749 free levels, feature-tree
 * order: 2.4–2.7 s instead of 23 s of CPU in a prototype, same diagram). `parts` are the diagrams conjoined (equivalent to `kept`
 * under `start`); `kept` are the constraint diagrams kept for explanations. Intermediate nodes
 * are garbage-collected whenever the store doubles past `GC_FLOOR`; returns the conjunction and
 * the ids of `kept` after the last collection.
 */
function conjoinInLevelOrder(
  mdd: Mdd,
  start: number,
  parts: readonly number[],
  kept: readonly number[],
  step: () => void,
): [number, number[]] {
  let roots = [...parts, ...kept];
  const n = parts.length;
  const deepest = parts.map((r) => deepestLevel(mdd, r));
  const top = parts.map((r) => mdd.level[r]!);
  const order = parts.map((_, i) => i);
  order.sort((a, b) => top[b]! - top[a]! || deepest[b]! - deepest[a]!);
  // Collect when the store doubles past the floor, and at the latest halfway between the live
  // nodes and the limit: the limit is on live nodes, not on garbage.
  const floor = Math.min(GC_FLOOR, Math.floor(mdd.maxNodes / 2));
  const nextCollection = (live: number) =>
    Math.max(floor, Math.min(2 * live, live + Math.floor((mdd.maxNodes - live) / 2)));
  let acc = start;
  let gcAt = nextCollection(mdd.nodeCount);
  for (let j = 0; j < order.length && acc !== FALSE;) {
    let bucket = TRUE;
    let k = j;
    for (; k < order.length && top[order[k]!] === top[order[j]!]; k++) {
      bucket = mdd.and(bucket, roots[order[k]!]!);
      step();
    }
    j = k;
    acc = mdd.and(acc, bucket);
    if (acc === FALSE) break;
    if (mdd.nodeCount > gcAt) {
      const collected = mdd.collect([acc, ...roots]);
      acc = collected[0]!;
      roots = collected.slice(1);
      gcAt = nextCollection(mdd.nodeCount);
    }
  }
  return [acc, roots.slice(n)];
}
