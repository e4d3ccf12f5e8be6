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
  /** Whether the last model satisfies every clause added so far (`quickSolve` builds on it). */
  private modelHolds = false;

  /**
   * Adds a clause (at decision level 0). Returns false when the formula became unsatisfiable.
   * Literals of unknown variables are an error.
   */
  addClause(literals: readonly Lit[]): boolean {
    if (this.inconsistent) return false;
    this.cancelUntil(0);
    // the last model may not satisfy the new clause: quickSolve must not build on it
    if (this.modelHolds && !literals.some((l) => (this.model[l >> 1]! ^ (l & 1)) === 1))
      this.modelHolds = false;
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
   *
   * All assumptions but the last are a prefix kept propagated on the trail between calls: a caller
   * that checks many values under one selection (the selection first, the value last) propagates
   * the selection once. Unit propagation reaches the same closure (or a conflict) in any order, so
   * the answer is the one a propagation from scratch gives. Any other call (`solve`, `implied`,
   * `addClause`) starts from level 0 and so drops the prefix.
   */
  quickSolve(assumptions: readonly Lit[]): SolveStatus | undefined {
    if (this.inconsistent || !this.modelHolds || this.model.length < this.nVars) return undefined;
    const last = assumptions.length - 1;
    if (!this.keepsPrefix(assumptions)) {
      this.cancelUntil(0);
      if (this.propagate() >= 0) return undefined;
      this.prefixStart = this.trail.length;
      for (let k = 0; k < last; k++)
        if (!this.assume(assumptions[k]!)) {
          this.cancelUntil(0);
          return 'unsat';
        }
      this.prefix = assumptions.slice(0, Math.max(0, last));
      this.prefixLevel = this.trailLim.length;
    } else this.backToPrefix();
    if (last >= 0 && !this.assume(assumptions[last]!)) {
      this.backToPrefix();
      return 'unsat';
    }
    const flips = this.trail.slice(this.prefixStart);
    this.backToPrefix();
    return flipModel(this.model, this.occurs, this.clauses, flips) ? 'sat' : undefined;
  }

  /** `quickSolve`'s kept prefix (assumptions propagated at levels 1 to `prefixLevel`), if any. */
  private prefix: Lit[] | undefined;
  private prefixLevel = 0;
  /** The trail length at level 0 when the prefix was propagated. */
  private prefixStart = 0;

  /** Whether the kept prefix is still on the trail and equals all of `assumptions` but the last. */
  private keepsPrefix(assumptions: readonly Lit[]): boolean {
    const prefix = this.prefix;
    if (prefix === undefined || prefix.length !== assumptions.length - 1) return false;
    for (let k = 0; k < prefix.length; k++) if (prefix[k] !== assumptions[k]) return false;
    return true;
  }

  /** Makes `a` true at a new decision level and propagates; false on a conflict. */
  private assume(a: Lit): boolean {
    const val = this.litVal(a);
    if (val === TRUE) return true;
    if (val === FALSE) return false;
    this.trailLim.push(this.trail.length);
    this.enqueue(a, -1);
    return this.propagate() < 0;
  }

  /** Backtracks to the kept prefix (`quickSolve` only: it keeps the prefix). */
  private backToPrefix(): void {
    super.cancelUntil(this.prefixLevel);
  }

  /** Backtracks to `level`; this drops `quickSolve`'s kept prefix (every other path comes here). */
  override cancelUntil(level: number): void {
    this.prefix = undefined;
    this.prefixLevel = 0;
    super.cancelUntil(level);
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
          this.modelHolds = true;
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
