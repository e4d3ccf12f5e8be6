import { createRequire } from 'node:module';
import type { Expr, ProductModel, Selection } from '../../engine/index.ts';

/** The part of logic-solver's API the peer uses (the package ships no types). */
type Formula = unknown;
interface LogicSolution {
  getTrueVars: () => string[];
}
interface LogicSolver {
  require: (...formulas: Formula[]) => void;
  solveAssuming: (formula: Formula) => LogicSolution | null;
}
interface LogicApi {
  Solver: new () => LogicSolver;
  TRUE: Formula;
  FALSE: Formula;
  not: (f: Formula) => Formula;
  or: (...fs: Formula[]) => Formula;
  and: (...fs: Formula[]) => Formula;
  implies: (a: Formula, b: Formula) => Formula;
  equiv: (a: Formula, b: Formula) => Formula;
  exactlyOne: (...fs: Formula[]) => Formula;
}

const Logic = createRequire(import.meta.url)('logic-solver') as LogicApi;

/**
 * The benchmark's peer: valid domains answered by a SAT solver (logic-solver, MiniSat compiled to
 * JavaScript) on a CNF encoding of the model — one boolean per attribute value (plus "none" for
 * optional attributes) with exactly-one per attribute, tables as disjunctions of rows (allowed) or
 * negated rows (forbidden), rules as formulas. `availableValues` makes one SAT call per value not
 * already witnessed by a solution that satisfies the whole selection (the usual way to use a SAT
 * solver for configuration, and the strongest fair peer). Only choice and boolean attributes are
 * supported: anything else throws, and the benchmark reports the peer as not applicable.
 */
export class SatPeer {
  private readonly solver = new Logic.Solver();
  private readonly keys = new Map<string, string[]>();

  constructor(model: ProductModel) {
    for (const a of model.attributes) {
      if (a.relevance) throw new Error(`peer: relevantWhen on '${a.id}' is not encoded`);
      if (a.type === 'boolean') {
        this.keys.set(a.id, ['true', 'false']);
        continue;
      }
      if (a.type !== 'choice')
        throw new Error(`peer: ${a.type} attribute '${a.id}' is not encoded`);
      const keys = a.values.map((v) => v.id);
      this.keys.set(a.id, keys);
      const vars = keys.map((k) => this.lit(a.id, k));
      if (a.required === false) vars.push(`${a.id}#none`);
      this.solver.require(Logic.exactlyOne(...vars));
    }
    for (const c of model.constraints) {
      if (c.guard) throw new Error(`peer: guarded constraint '${c.id}' is not encoded`);
      if (c.kind === 'rule') {
        this.solver.require(this.formula(c.expr));
        continue;
      }
      const rows = c.rows.map((row) =>
        Logic.and(
          ...row.map((cell, k) => {
            const id = c.attributes[k]!;
            return cell === null ? `${id}#none` : this.lit(id, String(cell));
          }),
        ),
      );
      if (c.mode === 'allowed') this.solver.require(Logic.or(...rows));
      else for (const row of rows) this.solver.require(Logic.not(row));
    }
  }

  /** The literal "attribute has value key": booleans are one variable each. */
  private lit(id: string, key: string): Formula {
    if (this.keys.get(id)?.[0] === 'true') return key === 'true' ? id : Logic.not(id);
    return `${id}#${key}`;
  }

  private formula(e: Expr): Formula {
    switch (e.type) {
      case 'literal':
        if (typeof e.value === 'boolean') return e.value ? Logic.TRUE : Logic.FALSE;
        throw new Error(`peer: literal ${String(e.value)} outside a comparison`);
      case 'compare': {
        const [attr, lit] = e.left.type === 'attr' ? [e.left, e.right] : [e.right, e.left];
        if (attr.type !== 'attr' || lit.type !== 'literal' || (e.op !== '=' && e.op !== '!='))
          throw new Error(`peer: comparison at column ${e.column} is not encoded`);
        const f = this.lit(attr.id, String(lit.value));
        return e.op === '=' ? f : Logic.not(f);
      }
      case 'in':
        return Logic.or(...e.values.map((v) => this.lit(e.attribute, String(v))));
      case 'not':
        return Logic.not(this.formula(e.arg));
      case 'and':
        return Logic.and(...e.args.map((a) => this.formula(a)));
      case 'or':
        return Logic.or(...e.args.map((a) => this.formula(a)));
      case 'implies':
        return Logic.implies(this.formula(e.left), this.formula(e.right));
      case 'iff':
        return Logic.equiv(this.formula(e.left), this.formula(e.right));
      case 'attr':
      case 'count':
      case 'has':
      case 'arith':
        throw new Error(`peer: '${e.type}' at column ${e.column} is not encoded`);
      default:
        return e satisfies never;
    }
  }

  /**
   * The values that some valid configuration has together with every *other* selection (the
   * engine's `available` and `selected` values), as `attribute=key` strings. Also returns the
   * number of SAT calls made.
   */
  availableValues(selection: Selection): { available: Set<string>; calls: number } {
    const chosen = Object.entries(selection).map(([id, v]) => this.lit(id, String(v)));
    const available = new Set<string>();
    let calls = 0;
    const witness = (solution: LogicSolution | null): void => {
      if (!solution) return;
      const trueVars = new Set(solution.getTrueVars());
      for (const [id, keys] of this.keys)
        for (const key of keys) {
          const on =
            keys[0] === 'true'
              ? trueVars.has(id) === (key === 'true')
              : trueVars.has(`${id}#${key}`);
          if (on) available.add(`${id}=${key}`);
        }
    };
    calls++;
    const all = this.solver.solveAssuming(Logic.and(...chosen));
    if (!all && chosen.length === 0) return { available, calls };
    witness(all);
    for (const [id, keys] of this.keys) {
      const others = Object.entries(selection)
        .filter(([a]) => a !== id)
        .map(([a, v]) => this.lit(a, String(v)));
      for (const key of keys) {
        if (available.has(`${id}=${key}`)) continue;
        calls++;
        const solution = this.solver.solveAssuming(Logic.and(...others, this.lit(id, key)));
        if (!solution) continue;
        available.add(`${id}=${key}`);
        if (!(id in selection)) witness(solution);
      }
    }
    return { available, calls };
  }
}
