import { ActivityHeap } from './ActivityHeap.ts';
import { ClauseStore } from './ClauseStore.ts';
import type { Lit } from './literals.ts';

/** Values of a variable in `assigns` (a literal's value is its variable's, negated for `¬v`). */
export const UNDEF = 0;
export const TRUE = 1;
export const FALSE = -1;

/**
 * The assignment half of the CDCL solver (`CdclSolver` extends it): variables, the trail of
 * assigned literals with their decision levels and reasons, the clauses with two watched literals,
 * and unit propagation over them. Its fields are shared with `conflictAnalysis.ts` and the
 * solver; nothing outside `src/engine/sat/` uses them.
 *
 * @example
 * class MySolver extends Propagator {}
 * const s = new MySolver();
 * const v = s.newVar();
 */
export class Propagator {
  readonly store = new ClauseStore();
  readonly clauses = this.store.clauses;
  watches: number[][] = [];
  assigns = new Int8Array(0);
  levelOf = new Int32Array(0);
  /** Per variable, the clause that implied it, or -1 (a decision, an assumption, a fact). */
  reason = new Int32Array(0);
  phase = new Int8Array(0);
  readonly order = new ActivityHeap();
  /** Per literal, the problem clauses (not learned) that contain it. */
  readonly occurs: number[][] = [];
  seen = new Uint8Array(0);
  trail: number[] = [];
  trailLim: number[] = [];
  qhead = 0;
  nVars = 0;

  /** The number of variables. */
  get numVars(): number {
    return this.nVars;
  }

  /** Adds a variable and returns its index. */
  newVar(): number {
    const v = this.nVars++;
    if (v >= this.assigns.length) this.grow(Math.max(16, 2 * this.assigns.length));
    this.watches.push([], []);
    this.occurs.push([], []);
    this.reason[v] = -1;
    this.phase[v] = FALSE;
    this.order.insert(v);
    return v;
  }

  grow(size: number): void {
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

  /** The literal's value: TRUE, FALSE or UNDEF. */
  litVal(l: Lit): number {
    return this.assigns[l >> 1]! * (l & 1 ? -1 : 1);
  }

  attach(c: Int32Array, learnt: boolean): number {
    const id = this.store.add(c, learnt);
    if (!learnt) for (const l of c) this.occurs[l]!.push(id);
    this.watches[c[0]! ^ 1]!.push(id);
    this.watches[c[1]! ^ 1]!.push(id);
    return id;
  }

  enqueue(l: Lit, from: number): void {
    const v = l >> 1;
    this.assigns[v] = l & 1 ? FALSE : TRUE;
    this.levelOf[v] = this.trailLim.length;
    this.reason[v] = from;
    this.trail.push(l);
  }

  /** Unit propagation; returns the conflicting clause or -1. */
  propagate(): number {
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

  cancelUntil(level: number): void {
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
}
