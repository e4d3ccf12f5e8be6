import { ActivityHeap } from './ActivityHeap.ts';
import { ClauseStore } from './ClauseStore.ts';
import { lit, type Lit } from './literals.ts';

export { lit, negate, type Lit } from './literals.ts';

/** The outcome of `CdclSolver.solve`: a model, or unsatisfiable (under the assumptions given). */
export type SolveStatus = 'sat' | 'unsat';

const UNDEF = 0;
const TRUE = 1;
const FALSE = -1;

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
export class CdclSolver {
  private readonly store = new ClauseStore();
  private readonly clauses = this.store.clauses;
  private watches: number[][] = [];
  private assigns = new Int8Array(0);
  private levelOf = new Int32Array(0);
  private reason = new Int32Array(0);
  private phase = new Int8Array(0);
  private readonly order = new ActivityHeap();
  private seen = new Uint8Array(0);
  private trail: number[] = [];
  private trailLim: number[] = [];
  private qhead = 0;
  private nVars = 0;
  private inconsistent = false;
  /** After `unsat` under assumptions: the assumptions (as given) that together fail. */
  failed: Lit[] = [];
  /** Conflicts so far (all calls). */
  conflicts = 0;

  /** The number of variables. */
  get numVars(): number {
    return this.nVars;
  }

  /** Adds a variable and returns its index. */
  newVar(): number {
    const v = this.nVars++;
    if (v >= this.assigns.length) this.grow(Math.max(16, 2 * this.assigns.length));
    this.watches.push([], []);
    this.reason[v] = -1;
    this.phase[v] = FALSE;
    this.order.insert(v);
    return v;
  }

  private grow(size: number): void {
    const grown = <T extends { set(a: ArrayLike<number>): void }>(
      from: ArrayLike<number>,
      to: T,
    ): T => {
      to.set(from);
      return to;
    };
    this.assigns = grown(this.assigns, new Int8Array(size));
    this.levelOf = grown(this.levelOf, new Int32Array(size));
    this.reason = grown(this.reason, new Int32Array(size));
    this.phase = grown(this.phase, new Int8Array(size));
    this.seen = grown(this.seen, new Uint8Array(size));
    this.order.grow(size);
  }

  /** The value of a literal in the current assignment (after `sat`: the model). */
  litValue(l: Lit): boolean | undefined {
    const a = this.assigns[l >> 1]! * (l & 1 ? -1 : 1);
    return a === UNDEF ? undefined : a === TRUE;
  }

  /** The value of variable `v` in the last model (after `sat`). */
  value(v: number): boolean {
    return this.model[v] === 1;
  }

  /** The last model, per variable 1 (true) or 0. */
  model = new Uint8Array(0);

  private litVal(l: Lit): number {
    return this.assigns[l >> 1]! * (l & 1 ? -1 : 1);
  }

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

  private attach(c: Int32Array, learnt: boolean): number {
    const id = this.store.add(c, learnt);
    this.watches[c[0]! ^ 1]!.push(id);
    this.watches[c[1]! ^ 1]!.push(id);
    return id;
  }

  private enqueue(l: Lit, from: number): void {
    const v = l >> 1;
    this.assigns[v] = l & 1 ? FALSE : TRUE;
    this.levelOf[v] = this.trailLim.length;
    this.reason[v] = from;
    this.trail.push(l);
  }

  /** Unit propagation; returns the conflicting clause or -1. */
  private propagate(): number {
    while (this.qhead < this.trail.length) {
      const p = this.trail[this.qhead++]!;
      const falseLit = p ^ 1;
      const ws = this.watches[p]!;
      let i = 0;
      let j = 0;
      for (; i < ws.length; i++) {
        const id = ws[i]!;
        const c = this.clauses[id]!;
        if (c.length === 0) continue; // deleted
        if (c[0] === falseLit) {
          c[0] = c[1]!;
          c[1] = falseLit;
        }
        if (this.litVal(c[0]!) === TRUE) {
          ws[j++] = id;
          continue;
        }
        let moved = false;
        for (let k = 2; k < c.length; k++)
          if (this.litVal(c[k]!) !== FALSE) {
            c[1] = c[k]!;
            c[k] = falseLit;
            this.watches[c[1] ^ 1]!.push(id);
            moved = true;
            break;
          }
        if (moved) continue;
        ws[j++] = id;
        if (this.litVal(c[0]!) === FALSE) {
          for (i++; i < ws.length; i++) ws[j++] = ws[i]!;
          ws.length = j;
          this.qhead = this.trail.length;
          return id;
        }
        this.enqueue(c[0]!, id);
      }
      ws.length = j;
    }
    return -1;
  }

  private cancelUntil(level: number): void {
    if (this.trailLim.length <= level) return;
    const to = this.trailLim[level]!;
    for (let k = this.trail.length - 1; k >= to; k--) {
      const v = this.trail[k]! >> 1;
      this.phase[v] = this.assigns[v]!;
      this.assigns[v] = UNDEF;
      this.reason[v] = -1;
      this.order.insert(v);
    }
    this.trail.length = to;
    this.trailLim.length = level;
    this.qhead = to;
  }

  /** First-UIP analysis: the learned clause (asserting literal first) and the backjump level. */
  private analyze(confl: number): [Lit[], number] {
    const out: Lit[] = [0];
    let pathC = 0;
    let p = -1;
    let index = this.trail.length - 1;
    const level = this.trailLim.length;
    const toClear: number[] = [];
    do {
      const c = this.clauses[confl]!;
      this.store.bump(confl);
      for (let k = p === -1 ? 0 : 1; k < c.length; k++) {
        const q = c[k]!;
        const v = q >> 1;
        if (this.seen[v] || this.levelOf[v] === 0) continue;
        this.seen[v] = 1;
        toClear.push(v);
        this.order.bump(v);
        if (this.levelOf[v]! >= level) pathC++;
        else out.push(q);
      }
      while (!this.seen[this.trail[index]! >> 1]) index--;
      p = this.trail[index--]!;
      confl = this.reason[p >> 1]!;
      this.seen[p >> 1] = 0;
      pathC--;
      if (pathC > 0) {
        // the reason clause keeps its implied literal first
        const c2 = this.clauses[confl]!;
        if (c2[0] !== p) {
          const at = c2.indexOf(p);
          c2[at] = c2[0]!;
          c2[0] = p;
        }
      }
    } while (pathC > 0);
    out[0] = p ^ 1;
    // minimisation: drop literals whose reason is subsumed by the clause
    const kept = [out[0]!];
    for (let k = 1; k < out.length; k++) {
      const v = out[k]! >> 1;
      const r = this.reason[v]!;
      if (r < 0) kept.push(out[k]!);
      else {
        const c = this.clauses[r]!;
        let redundant = true;
        for (let m = 0; m < c.length; m++) {
          const u = c[m]! >> 1;
          if (u !== v && !this.seen[u] && this.levelOf[u]! > 0) {
            redundant = false;
            break;
          }
        }
        if (!redundant) kept.push(out[k]!);
      }
    }
    for (const v of toClear) this.seen[v] = 0;
    let back = 0;
    if (kept.length > 1) {
      let max = 1;
      for (let k = 2; k < kept.length; k++)
        if (this.levelOf[kept[k]! >> 1]! > this.levelOf[kept[max]! >> 1]!) max = k;
      [kept[1], kept[max]] = [kept[max]!, kept[1]!];
      back = this.levelOf[kept[1]! >> 1]!;
    }
    return [kept, back];
  }

  /** The assumptions responsible for `p` being false (MiniSat's analyzeFinal). */
  private analyzeFinal(a: Lit, assumptions: readonly Lit[]): Lit[] {
    const p = a ^ 1;
    const assumed = new Set(assumptions);
    const out = new Set<Lit>([a]);
    if (this.trailLim.length === 0) return [...out];
    this.seen[p >> 1] = 1;
    for (let k = this.trail.length - 1; k >= this.trailLim[0]!; k--) {
      const v = this.trail[k]! >> 1;
      if (!this.seen[v]) continue;
      const r = this.reason[v]!;
      if (r < 0) {
        if (this.levelOf[v]! > 0 && assumed.has(this.trail[k]!)) out.add(this.trail[k]!);
      } else {
        const c = this.clauses[r]!;
        for (let m = 1; m < c.length; m++)
          if (this.levelOf[c[m]! >> 1]! > 0) this.seen[c[m]! >> 1] = 1;
      }
      this.seen[v] = 0;
    }
    this.seen[p >> 1] = 0;
    return [...out];
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
        const [learnt, back] = this.analyze(confl);
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
          this.failed = this.analyzeFinal(a, assumptions);
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
