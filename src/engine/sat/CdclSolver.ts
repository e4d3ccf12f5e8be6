import { analyze, analyzeFinal } from './conflictAnalysis.ts';
import { flipModel } from './flipModel.ts';
import { lit, type Lit } from './literals.ts';
import { FALSE, Propagator, TRUE, UNDEF } from './Propagator.ts';

export { lit, negate, type Lit } from './literals.ts';

/** The outcome of `CdclSolver.solve`: a model, or unsatisfiable (under the assumptions given). */
export type SolveStatus = 'sat' | 'unsat';

/**
 * A conflict-driven clause-learning SAT solver: two watched literals, first-UIP learning with
 * clause minimisation by self-subsumption, VSIDS on a binary heap, phase saving, Luby restarts,
 * learned-clause reduction, and incremental solving under assumptions (MiniSat style: after an
 * `unsat` answer under assumptions, `failed` holds the assumptions that took part). Clauses can be
 * added between calls; learned clauses are kept. Pure: no clock, a conflict budget instead.
 *
 * @example
 * const s = new CdclSolver();
 * const [a, b] = [s.newVar(), s.newVar()];
 * s.addClause([lit(a), lit(b)]);
 * s.solve([lit(a, false)]); // 'sat', s.value(b) === true
 * s.solve([lit(a, false), lit(b, false)]); // 'unsat', s.failed = [lit(a,false), lit(b,false)]
 */
export class CdclSolver extends Propagator {
  private inconsistent = false;
  /** After `unsat` under assumptions: the assumptions (as given) that together fail. */
  failed: Lit[] = [];
  /** Conflicts so far (all calls). */
  conflicts = 0;

  /** The value of variable `v` in the last model (after `sat`). */
  value(v: number): boolean {
    return this.model[v] === 1;
  }

  /** The last model, per variable 1 (true) or 0. */
  model = new Uint8Array(0);

  /**
   * Adds a clause (at decision level 0). Returns false when the formula became unsatisfiable.
   * Literals of unknown variables are an error.
   */
  addClause(literals: readonly Lit[]): boolean {
    if (this.inconsistent) return false;
    this.cancelUntil(0);
    const out: Lit[] = [];
    for (const l of literals) {
      if (l >> 1 >= this.nVars || l < 0) throw new RangeError(`literal ${l} names no variable`);
      const val = this.litVal(l);
      if (val === TRUE || out.includes(l ^ 1)) return true;
      if (val === FALSE || out.includes(l)) continue;
      out.push(l);
    }
    if (out.length === 0) return !(this.inconsistent = true);
    if (out.length === 1) {
      this.enqueue(out[0]!, -1);
      if (this.propagate() >= 0) this.inconsistent = true;
      return !this.inconsistent;
    }
    this.attach(Int32Array.from(out), false);
    return true;
  }

  /**
   * Tries to answer `assumptions` without a search, from the last model: unit propagation of the
   * assumptions either fails (`'unsat'`: no model makes them all true), or its literals, written
   * over the last model, give an assignment; when every problem clause it touches stays true, it
   * is a model (learned clauses follow from the problem's, and level-0 facts hold in every model),
   * which becomes the last model (`'sat'`). Otherwise `undefined`: ask `solve`.
   */
  quickSolve(assumptions: readonly Lit[]): SolveStatus | undefined {
    if (this.inconsistent || this.model.length < this.nVars) return undefined;
    this.cancelUntil(0);
    if (this.propagate() >= 0) return undefined;
    const start = this.trail.length;
    for (const a of assumptions) {
      const val = this.litVal(a);
      if (val === TRUE) continue;
      if (val === FALSE) {
        this.cancelUntil(0);
        return 'unsat';
      }
      this.trailLim.push(this.trail.length);
      this.enqueue(a, -1);
      if (this.propagate() >= 0) {
        this.cancelUntil(0);
        return 'unsat';
      }
    }
    const flips = this.trail.slice(start);
    this.cancelUntil(0);
    return flipModel(this.model, this.occurs, this.clauses, flips) ? 'sat' : undefined;
  }

  /** Prefers `l` true when the search next decides its variable (a phase hint). */
  preferLit(l: Lit): void {
    this.phase[l >> 1] = l & 1 ? FALSE : TRUE;
  }

  /**
   * The literals true after unit propagation of `assumptions` (on top of the clauses), or
   * `undefined` when propagation alone reaches a conflict. Cheap: no search.
   */
  implied(assumptions: readonly Lit[]): Set<Lit> | undefined {
    if (this.inconsistent) return undefined;
    this.cancelUntil(0);
    if (this.propagate() >= 0) {
      this.inconsistent = true;
      return undefined;
    }
    let ok = true;
    for (const a of assumptions) {
      const val = this.litVal(a);
      if (val === TRUE) continue;
      if (val === FALSE) ok = false;
      else {
        this.trailLim.push(this.trail.length);
        this.enqueue(a, -1);
        ok = this.propagate() < 0;
      }
      if (!ok) break;
    }
    const out = ok ? new Set(this.trail) : undefined;
    this.cancelUntil(0);
    return out;
  }

  /**
   * Searches for a model that makes every assumption true. `maxConflicts` bounds the work
   * (then the answer is `undefined`). After `sat`, `value(v)` reads the model; after `unsat`,
   * `failed` lists the assumptions involved (empty when the clauses alone are unsatisfiable).
   */
  solve(assumptions: readonly Lit[] = [], maxConflicts = Infinity): SolveStatus | undefined {
    this.failed = [];
    if (this.inconsistent) return 'unsat';
    this.cancelUntil(0);
    if (this.propagate() >= 0) {
      this.inconsistent = true;
      return 'unsat';
    }
    for (const a of assumptions)
      if (a >> 1 >= this.nVars || a < 0) throw new RangeError(`assumption ${a} names no variable`);
    let budget = maxConflicts;
    for (let restart = 1; ; restart++) {
      const limit = 100 * luby(restart);
      const outcome = this.search(assumptions, Math.min(limit, budget));
      if (outcome !== undefined) {
        if (outcome === 'sat') {
          if (this.model.length < this.nVars) this.model = new Uint8Array(this.assigns.length);
          for (let v = 0; v < this.nVars; v++) this.model[v] = this.assigns[v] === TRUE ? 1 : 0;
        }
        this.cancelUntil(0);
        return outcome;
      }
      budget -= limit;
      if (budget <= 0) {
        this.cancelUntil(0);
        return undefined;
      }
    }
  }

  private search(assumptions: readonly Lit[], limit: number): SolveStatus | undefined {
    let conflictsHere = 0;
    for (;;) {
      const confl = this.propagate();
      if (confl >= 0) {
        this.conflicts++;
        conflictsHere++;
        if (this.trailLim.length === 0) {
          this.inconsistent = true;
          return 'unsat';
        }
        const [learnt, back] = analyze(this, confl);
        this.cancelUntil(back);
        if (learnt.length === 1) this.enqueue(learnt[0]!, -1);
        else this.enqueue(learnt[0]!, this.attach(Int32Array.from(learnt), true));
        this.order.decay(0.95);
        this.store.decay();
        continue;
      }
      if (conflictsHere >= limit) {
        this.cancelUntil(0);
        return undefined;
      }
      if (this.store.full(this.trail.length)) {
        const locked = new Set<number>();
        for (const l of this.trail) if (this.reason[l >> 1]! >= 0) locked.add(this.reason[l >> 1]!);
        this.store.reduce(locked);
      }
      let next = -1;
      while (this.trailLim.length < assumptions.length) {
        const a = assumptions[this.trailLim.length]!;
        const val = this.litVal(a);
        if (val === TRUE) this.trailLim.push(this.trail.length);
        else if (val === FALSE) {
          this.failed = analyzeFinal(this, a, assumptions);
          return 'unsat';
        } else {
          next = a;
          break;
        }
      }
      if (next < 0) {
        let v = -1;
        while (!this.order.empty) {
          const u = this.order.pop();
          if (this.assigns[u] === UNDEF) {
            v = u;
            break;
          }
        }
        if (v < 0) return 'sat';
        next = lit(v, this.phase[v] === TRUE);
      }
      this.trailLim.push(this.trail.length);
      this.enqueue(next, -1);
    }
  }
}

/** The Luby sequence (1, 1, 2, 1, 1, 2, 4, …), 1-based. */
function luby(i: number): number {
  for (;;) {
    let k = 1;
    while ((1 << k) - 1 < i) k++;
    if ((1 << k) - 1 === i) return 1 << (k - 1);
    i -= (1 << (k - 1)) - 1;
  }
}
