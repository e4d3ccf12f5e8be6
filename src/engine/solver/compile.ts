import type { ProductModel } from '../model/types.ts';
import { constraintSources, type ConstraintSource } from './constraintDiagrams.ts';
import { layLevels, solverAttributes, type Level, type SolverAttribute } from './encoding.ts';
import { FALSE, Mdd, compact, reachable } from './mdd.ts';
import { SolverError } from './SolverError.ts';
import { support } from './support.ts';
import { depthFirstOrder, variableOrder } from './variableOrder.ts';

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
  /** Stop with a `COMPILE_LIMIT` error past this many nodes (intermediate ones included). */
  maxNodes?: number;
}

/** The default node limit of `compile`. */
export const DEFAULT_MAX_NODES = 4_000_000;

/**
 * Compiles every constraint of `model` (rules, tables, guards, relevance, required values,
 * multi cardinalities) into one reduced multi-valued decision diagram of its valid
 * configurations. Variables follow a static order of the constraint graph (FORCE, else a
 * depth-first walk: each try gets a quarter of the node budget, then FORCE gets all of it);
 * constraint diagrams are conjoined as a balanced tree in order of their position, which keeps
 * intermediate diagrams small. Throws a `SolverError` with code `COMPILE_LIMIT` past `maxNodes`.
 *
 * @example
 * const compiled = compile(parseModel(json));
 * count(compiled); // 42n
 */
export function compile(model: ProductModel, options: CompileOptions = {}): CompiledModel {
  const attributes = solverAttributes(model);
  const byId = new Map(attributes.map((a, i) => [a.id, i] as const));
  const sources = constraintSources(model, attributes);
  const scopes = sources.map((s) =>
    s.attributes.map((id) => byId.get(id)).filter((i): i is number => i !== undefined),
  );
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  // No static order suits every model: FORCE is best on the Renault tables, a depth-first walk of
  // the constraint graph on some feature models. Cheap tries first, then FORCE with everything.
  const trial = Math.min(maxNodes, Math.max(100_000, Math.floor(maxNodes / 4)));
  const attempts: { order: () => number[]; budget: number }[] = [
    { order: () => variableOrder(attributes.length, scopes), budget: trial },
    { order: () => depthFirstOrder(attributes.length, scopes), budget: trial },
    { order: () => variableOrder(attributes.length, scopes), budget: maxNodes },
  ];
  let failure: SolverError | undefined;
  for (const { order, budget } of trial === maxNodes ? attempts.slice(0, 2) : attempts) {
    const outcome = attempt(model, attributes, sources, order(), budget);
    if (!(outcome instanceof SolverError)) return outcome;
    failure = outcome;
  }
  throw failure!;
}

/** One compilation with a given attribute order; a `COMPILE_LIMIT` error is returned, not thrown. */
function attempt(
  model: ProductModel,
  attributes: SolverAttribute[],
  sources: readonly ConstraintSource[],
  order: number[],
  maxNodes: number,
): CompiledModel | SolverError {
  const levels = layLevels(attributes, order);
  const mdd = new Mdd(
    levels.map((l) => l.size),
    maxNodes,
  );
  const attrById = new Map(attributes.map((a) => [a.id, a] as const));
  const ctx = {
    mdd,
    attribute: (id: string) => {
      const found = attrById.get(id);
      if (!found)
        throw new SolverError('UNKNOWN_ATTRIBUTE', `unknown solver attribute '${id}'`, id);
      return found;
    },
  };

  let done = 0;
  let root: number;
  const roots: number[] = [];
  try {
    for (const s of sources) roots.push(s.build(ctx));
    root = conjoinByPosition(mdd, roots, () => done++);
  } catch (error) {
    if (error instanceof SolverError && error.code === 'COMPILE_LIMIT')
      return new SolverError(
        'COMPILE_LIMIT',
        `the decision diagram grew past ${maxNodes} nodes (${mdd.nodeCount} nodes, ${levels.length} variables, ${done} of ${sources.length} constraints done)`,
        `$.model(${model.id})`,
        { nodes: mdd.nodeCount, variables: levels.length, constraintsDone: done },
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

/**
 * Conjoins constraint diagrams as a balanced tree, after sorting them by the span of levels they
 * touch (deepest first), so neighbours in the tree share variables.
 */
function conjoinByPosition(mdd: Mdd, roots: readonly number[], step: () => void): number {
  const keyed = roots.map((r) => ({ r, top: mdd.level[r]! }));
  keyed.sort((a, b) => b.top - a.top);
  let layer = keyed.map((k) => k.r);
  if (layer.length === 0) return 1;
  while (layer.length > 1) {
    const next: number[] = [];
    for (let i = 0; i < layer.length; i += 2) {
      if (i + 1 < layer.length) {
        next.push(mdd.and(layer[i]!, layer[i + 1]!));
        step();
      } else next.push(layer[i]!);
    }
    layer = next;
    if (layer.includes(FALSE)) return FALSE;
  }
  return layer[0]!;
}
