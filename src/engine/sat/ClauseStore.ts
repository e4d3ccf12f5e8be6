/**
 * The clauses of a CDCL solver, by id: the problem's and the learned ones, with an activity per
 * learned clause (bumped when it takes part in a conflict) so that `reduce` can drop the least
 * useful half when there are too many. A dropped clause becomes empty (its id stays; watch lists
 * skip it).
 *
 * @example
 * const store = new ClauseStore();
 * const id = store.add(Int32Array.of(0, 3), true);
 * store.bump(id);
 */
export class ClauseStore {
  /** Per id, the literals (empty once dropped). */
  readonly clauses: Int32Array[] = [];
  private readonly learnt: boolean[] = [];
  private readonly activity: number[] = [];
  private inc = 1;
  private learntCount = 0;
  private maxLearnt = 20_000;

  /** Stores a clause and returns its id. */
  add(c: Int32Array, learnt: boolean): number {
    const id = this.clauses.length;
    this.clauses.push(c);
    this.learnt.push(learnt);
    this.activity.push(0);
    if (learnt) this.learntCount++;
    return id;
  }

  /** Marks a clause as useful (learned clauses only). */
  bump(id: number): void {
    if (this.learnt[id]) this.activity[id]! += this.inc;
  }

  /** Makes later bumps weigh more. */
  decay(): void {
    this.inc /= 0.999;
  }

  /** Whether the learned clauses outnumber the limit (`assigned` literals are spared). */
  full(assigned: number): boolean {
    return this.learntCount - assigned >= this.maxLearnt;
  }

  /** Drops about half of the learned clauses (the least active, never a `locked` one). */
  reduce(locked: ReadonlySet<number>): void {
    const ids: number[] = [];
    for (let id = 0; id < this.clauses.length; id++)
      if (this.learnt[id] && this.clauses[id]!.length > 2 && !locked.has(id)) ids.push(id);
    ids.sort((a, b) => this.activity[a]! - this.activity[b]!);
    for (const id of ids.slice(0, ids.length >> 1)) {
      this.clauses[id] = new Int32Array(0);
      this.learntCount--;
    }
    this.maxLearnt = Math.floor(this.maxLearnt * 1.1);
  }
}
