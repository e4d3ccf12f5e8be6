import type { FiniteCsp } from './finiteCsp.ts';

/** Per variable: the allowed domain indices (undefined: the whole domain). */
export type Restriction = readonly (readonly number[] | undefined)[];

/**
 * The oracle's search over a `FiniteCsp`: backtracking that keeps every table generalised-arc
 * consistent (simple tabular reduction) after each choice. Counting splits the open variables into
 * independent components and skips constraints that every remaining combination satisfies, so the
 * exact count is a product of small searches. It shares no code with the solver, so agreement
 * between the two is evidence, not a tautology.
 *
 * @example
 * new BacktrackSearch(toFiniteCsp(model)).count(); // 172056n on Renault small
 */
export class BacktrackSearch {
  private readonly byVar: number[][];
  private readonly alive: Uint8Array[];
  private readonly size: number[];
  private readonly trail: number[] = [];
  private nodes = 0;

  constructor(readonly csp: FiniteCsp) {
    this.byVar = csp.domains.map(() => []);
    csp.constraints.forEach((c, k) => {
      for (const v of new Set(c.scope)) this.byVar[v]!.push(k);
    });
    this.alive = csp.domains.map((d) => new Uint8Array(d.length));
    this.size = csp.domains.map(() => 0);
  }

  /** Search nodes visited by the last call. */
  get lastNodes(): number {
    return this.nodes;
  }

  /** The exact number of complete solutions within `restrict`. */
  count(restrict: Restriction = []): bigint {
    if (!this.start(restrict)) return 0n;
    return this.countVars(this.csp.domains.map((_, v) => v));
  }

  /** One solution within `restrict` (a domain index per variable), or undefined when none. */
  solve(restrict: Restriction = []): number[] | undefined {
    if (!this.start(restrict)) return undefined;
    return this.dive() ? this.alive.map((d) => d.indexOf(1)) : undefined;
  }

  /** Whether some complete solution lies within `restrict`. */
  satisfiable(restrict: Restriction = []): boolean {
    return this.solve(restrict) !== undefined;
  }

  private start(restrict: Restriction): boolean {
    this.nodes = 0;
    this.trail.length = 0;
    for (const [v, dom] of this.csp.domains.entries()) {
      const only = restrict[v];
      this.alive[v]!.fill(only ? 0 : 1);
      if (only) for (const i of only) this.alive[v]![i] = 1;
      this.size[v] = only ? new Set(only).size : dom.length;
      if (this.size[v] === 0) return false;
    }
    // A constraint over no attribute (the rule `false`) is a constant.
    if (this.csp.constraints.some((c) => c.scope.length === 0 && !c.holds([]))) return false;
    return this.propagate(this.csp.constraints.map((_, k) => k));
  }

  private dive(): boolean {
    this.nodes++;
    let best = -1;
    for (let v = 0; v < this.size.length; v++)
      if (this.size[v]! > 1 && (best < 0 || this.size[v]! < this.size[best]!)) best = v;
    if (best < 0) return true;
    for (const i of this.values(best)) {
      const mark = this.trail.length;
      if (this.assign(best, i) && this.dive()) return true;
      this.undo(mark);
    }
    return false;
  }

  /** Solutions over `vars` (the rest is fixed or independent); the state is restored on return. */
  private countVars(vars: number[]): bigint {
    this.nodes++;
    const open = vars.filter((v) => this.size[v]! > 1);
    const active = new Set<number>();
    for (const v of open) for (const k of this.byVar[v]!) active.add(k);
    const parent = new Map(open.map((v) => [v, v]));
    const find = (v: number): number => {
      let r = v;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(v, r);
      return r;
    };
    for (const k of active) {
      if (this.entailed(k)) continue;
      const scope = this.csp.constraints[k]!.scope.filter((u) => this.size[u]! > 1);
      for (const u of scope.slice(1)) parent.set(find(u), find(scope[0]!));
    }
    const components = new Map<number, number[]>();
    for (const v of open) components.set(find(v), [...(components.get(find(v)) ?? []), v]);
    let total = 1n;
    for (const component of components.values()) {
      total *= component.length === 1 ? BigInt(this.size[component[0]!]!) : this.branch(component);
      if (total === 0n) return 0n;
    }
    return total;
  }

  private branch(component: number[]): bigint {
    let best = component[0]!;
    for (const v of component) if (this.size[v]! < this.size[best]!) best = v;
    let total = 0n;
    for (const i of this.values(best)) {
      const mark = this.trail.length;
      if (this.assign(best, i)) total += this.countVars(component);
      this.undo(mark);
    }
    return total;
  }

  private values(v: number): number[] {
    const out: number[] = [];
    this.alive[v]!.forEach((a, i) => {
      if (a) out.push(i);
    });
    return out;
  }

  /** Whether every remaining combination of constraint k's scope satisfies it. */
  private entailed(k: number): boolean {
    const c = this.csp.constraints[k]!;
    let product = 1;
    for (const u of c.scope) product *= this.size[u]!;
    return this.liveTuples(k) === product;
  }

  private liveTuples(k: number): number {
    const { scope, tuples } = this.csp.constraints[k]!;
    const arity = scope.length;
    let live = 0;
    outer: for (let t = 0; t < tuples.length; t += arity) {
      for (let j = 0; j < arity; j++) if (!this.alive[scope[j]!]![tuples[t + j]!]) continue outer;
      live++;
    }
    return live;
  }

  private assign(v: number, i: number): boolean {
    const dom = this.alive[v]!;
    for (let j = 0; j < dom.length; j++) if (j !== i && dom[j]) this.remove(v, j);
    return this.propagate(this.byVar[v]!);
  }

  private remove(v: number, i: number): void {
    this.alive[v]![i] = 0;
    this.size[v]!--;
    this.trail.push(v, i);
  }

  private undo(mark: number): void {
    while (this.trail.length > mark) {
      const i = this.trail.pop()!;
      const v = this.trail.pop()!;
      this.alive[v]![i] = 1;
      this.size[v]!++;
    }
  }

  /** Simple tabular reduction to a fixpoint, starting from the constraints in `queue`. */
  private propagate(queue: number[]): boolean {
    const pending = new Set(queue);
    while (pending.size > 0) {
      const k = pending.values().next().value!;
      pending.delete(k);
      const { scope, tuples } = this.csp.constraints[k]!;
      const arity = scope.length;
      const seen = scope.map((u) => new Uint8Array(this.alive[u]!.length));
      outer: for (let t = 0; t < tuples.length; t += arity) {
        for (let j = 0; j < arity; j++) if (!this.alive[scope[j]!]![tuples[t + j]!]) continue outer;
        for (let j = 0; j < arity; j++) seen[j]![tuples[t + j]!] = 1;
      }
      for (const [j, u] of scope.entries()) {
        const dom = this.alive[u]!;
        let changed = false;
        for (let i = 0; i < dom.length; i++)
          if (dom[i] && !seen[j]![i]) {
            this.remove(u, i);
            changed = true;
          }
        if (this.size[u] === 0) return false;
        if (changed) for (const other of this.byVar[u]!) if (other !== k) pending.add(other);
      }
    }
    return true;
  }
}
