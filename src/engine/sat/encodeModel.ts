import type { ProductModel } from '../model/types.ts';
import { constraintSources } from '../solver/constraintDiagrams.ts';
import {
  layLevels,
  solverAttributes,
  type Level,
  type SolverAttribute,
} from '../solver/encoding.ts';
import { FALSE, Mdd, TRUE } from '../solver/mdd.ts';
import { SolverError } from '../solver/SolverError.ts';
import { CdclSolver, lit, negate, type Lit } from './CdclSolver.ts';

/**
 * A product model as clauses for `CdclSolver`, with the same variables as the decision diagram
 * (`encoding.ts`): one level per choice/number/boolean attribute (its values, then "none" when
 * optional or conditional) and one two-valued level per value of a multi attribute.
 */
export interface SatEncoding {
  model: ProductModel;
  attributes: SolverAttribute[];
  byId: ReadonlyMap<string, SolverAttribute>;
  levels: Level[];
  solver: CdclSolver;
  /** Per level, the literal of each value index. */
  literals: Lit[][];
  /** Every constraint, explicit and implicit, in the diagram compiler's order (`constraintSources`). */
  constraints: { id: string; message: string; attributes: string[] }[];
  /**
   * With `guarded`: per constraint, a literal that switches it on (its clauses hold only when the
   * literal is assumed true), for explanations. Empty otherwise.
   */
  activators: Lit[];
}

/** Options of `encodeModel`. */
export interface EncodeOptions {
  /** Give every constraint an activation literal (`SatEncoding.activators`). */
  guarded?: boolean;
}

/** The node budget of the per-constraint diagrams (each is small; the budget bounds a bad rule). */
const MAX_CONSTRAINT_NODES = 8_000_000;

/** At-most-one by pairs up to this many values, else by a sequential counter. */
const PAIRWISE_UP_TO = 6;

/**
 * Encodes `model` as clauses. A two-valued level is one variable; a larger one is one variable per
 * value with exactly-one (pairwise at-most-one for few values, a sequential counter beyond). Each
 * constraint (rule, table, guard, and the implicit relevance, required and cardinality ones) is
 * first built as its own small diagram, exactly as `compile` builds it (`constraintSources`), and
 * that diagram is written as clauses: a variable per node, the root asserted, and for every node
 * `u` at level `l` and value `j`: `u ∧ l=j → child_j` (`→ false` for the FALSE leaf). A
 * satisfying assignment follows one path of every constraint's diagram to TRUE, so the answers
 * are those of the conjoined diagram without ever building it. With `guarded`, each constraint's
 * clauses hold only under its activation literal (for explanations). Throws `COMPILE_LIMIT` when one
 * constraint's own diagram passes the node budget.
 *
 * @example
 * const enc = encodeModel(parseModel(json));
 * enc.solver.solve(); // 'sat' unless the model has no valid configuration
 */
export function encodeModel(model: ProductModel, options: EncodeOptions = {}): SatEncoding {
  const attributes = solverAttributes(model);
  const levels = layLevels(
    attributes,
    attributes.map((_, i) => i),
  );
  const solver = new CdclSolver();
  const literals = levels.map((level) => levelLiterals(solver, level.size));
  const mdd = new Mdd(
    levels.map((l) => l.size),
    MAX_CONSTRAINT_NODES,
  );
  const byId = new Map(attributes.map((a) => [a.id, a] as const));
  const ctx = {
    mdd,
    attribute: (id: string) => {
      const found = byId.get(id);
      if (!found)
        throw new SolverError('UNKNOWN_ATTRIBUTE', `unknown solver attribute '${id}'`, id);
      return found;
    },
  };
  const nodeVar = new Map<number, number>();
  const varOf = (u: number): number => {
    let v = nodeVar.get(u);
    if (v !== undefined) return v;
    v = solver.newVar();
    nodeVar.set(u, v);
    const level = mdd.level[u]!;
    for (let j = 0; j < levels[level]!.size; j++) {
      const child = mdd.kid(u, j);
      if (child === TRUE) continue;
      const clause = [lit(v, false), negate(literals[level]![j]!)];
      if (child !== FALSE) clause.push(lit(varOf(child)));
      solver.addClause(clause);
    }
    return v;
  };
  const sources = constraintSources(model, attributes);
  const activators = options.guarded ? sources.map(() => lit(solver.newVar())) : [];
  sources.forEach((source, i) => {
    const root = source.build(ctx);
    if (root === TRUE) return;
    const clause =
      root === FALSE ? [] : (asClause(mdd, levels, literals, root) ?? [lit(varOf(root))]);
    solver.addClause(options.guarded ? [negate(activators[i]!), ...clause] : clause);
  });
  const constraints = sources.map(({ id, message, attributes }) => ({ id, message, attributes }));
  return { model, attributes, byId, levels, solver, literals, constraints, activators };
}

/**
 * The clause a diagram stands for when it is a chain in which every node sends all its values but
 * one to TRUE (a feature model's clause: `l1 ≠ j1 ∨ l2 ≠ j2 ∨ …`), else `undefined`. Written
 * directly, such a constraint needs no node variables.
 */
function asClause(mdd: Mdd, levels: Level[], literals: Lit[][], root: number): Lit[] | undefined {
  const out: Lit[] = [];
  for (let u = root; u !== FALSE;) {
    const level = mdd.level[u]!;
    let next = -1;
    for (let j = 0; j < levels[level]!.size; j++) {
      const child = mdd.kid(u, j);
      if (child === TRUE) continue;
      if (next >= 0) return undefined;
      next = child;
      out.push(negate(literals[level]![j]!));
    }
    if (next < 0) return undefined;
    u = next;
  }
  return out;
}

/** The literals of one level's values, with their exactly-one clauses. */
function levelLiterals(solver: CdclSolver, size: number): Lit[] {
  if (size === 2) {
    const v = solver.newVar();
    return [lit(v, false), lit(v)];
  }
  const xs = Array.from({ length: size }, () => lit(solver.newVar()));
  solver.addClause(xs);
  if (size <= PAIRWISE_UP_TO) {
    for (let a = 0; a < size; a++)
      for (let b = a + 1; b < size; b++) solver.addClause([negate(xs[a]!), negate(xs[b]!)]);
    return xs;
  }
  // sequential counter: s_i = "some of x_0..x_i is true"
  const s = Array.from({ length: size - 1 }, () => lit(solver.newVar()));
  for (let i = 0; i < size - 1; i++) {
    solver.addClause([negate(xs[i]!), s[i]!]);
    solver.addClause([negate(s[i]!), negate(xs[i + 1]!)]);
    if (i + 1 < size - 1) solver.addClause([negate(s[i]!), s[i + 1]!]);
  }
  return xs;
}

/** The value index of every level in the solver's last model. */
export function modelValues(enc: SatEncoding): Int32Array {
  const out = new Int32Array(enc.levels.length);
  enc.literals.forEach((lits, level) => {
    out[level] = lits.findIndex((l) => enc.solver.value(l >> 1) === ((l & 1) === 0));
  });
  return out;
}
