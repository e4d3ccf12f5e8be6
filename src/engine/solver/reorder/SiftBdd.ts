import { SolverError } from '../SolverError.ts';

/** Thrown by `mk` past `stopAt` (caught by the caller that set it). */
export const BUDGET = new Error('the operation passed its node budget');

/** Node ids of the two terminals. */
export const ZERO = 0;
export const ONE = 1;

const MAX_CACHE_BITS = 22;

/**
 * A binary decision diagram store with dynamic variable reordering, after CUDD (Somenzi):
 * nodes keep their id while adjacent levels are swapped in place (`swap`), one unique subtable
 * per variable with chaining, exact reference counts (parents plus `ref` from outside), and
 * Rudell's sifting (`sift`) bounded by a growth factor and a swap budget. Used only to compile
 * two-valued models whose static orders pass the node limit (`compileReordered`); the diagram it
 * ends with is copied into an ordinary `Mdd` in its final order.
 *
 * Variable `v` sits at level `perm[v]`; `lo` is the child for value index 0, `hi` for 1.
 * Nodes with no reference are garbage until `collect`; during reordering there is none
 * (`sift` collects first, and a swap frees at once what it orphans).
 */
export class SiftBdd {
  varOf: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
  refs: Int32Array;
  private next: Int32Array;
  /** Variable → level. */
  readonly perm: Int32Array;
  /** Level → variable. */
  readonly invperm: Int32Array;
  private buckets: Int32Array[];
  /** Nodes per variable (garbage included until `collect`). */
  readonly keys: Int32Array;
  private used = 2;
  private freeHead = -1;
  /** Nodes in the store, terminals excluded (garbage included until `collect`). */
  live = 0;
  /** Nodes made since the store was created. */
  made = 0;
  /** `mk` throws `BUDGET` once `made` reaches this (a conjunction given up, to be tried later). */
  stopAt = Number.POSITIVE_INFINITY;
  /** Adjacent-level swaps done. */
  swaps = 0;
  private cacheA: Int32Array;
  private cacheB: Int32Array;
  private cacheR: Int32Array;

  constructor(
    readonly vars: number,
    order: readonly number[],
    /** Hard ceiling on nodes in the store (garbage included): `COMPILE_LIMIT` past it. */
    readonly capacity: number,
    /** `COMPILE_LIMIT` once this many nodes were made (a work budget, garbage included). */
    readonly maxMade = Number.POSITIVE_INFINITY,
  ) {
    const cap = 1 << 16;
    this.varOf = new Int32Array(cap);
    this.lo = new Int32Array(cap);
    this.hi = new Int32Array(cap);
    this.refs = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.varOf[0] = vars;
    this.varOf[1] = vars;
    this.refs[0] = 1 << 30;
    this.refs[1] = 1 << 30;
    this.perm = new Int32Array(vars + 1);
    this.invperm = new Int32Array(vars + 1);
    order.forEach((v, l) => {
      this.perm[v] = l;
      this.invperm[l] = v;
    });
    this.perm[vars] = vars;
    this.invperm[vars] = vars;
    this.buckets = Array.from({ length: vars }, () => new Int32Array(8).fill(-1));
    this.keys = new Int32Array(vars);
    this.cacheA = new Int32Array(1 << 12).fill(-1);
    this.cacheB = new Int32Array(1 << 12);
    this.cacheR = new Int32Array(1 << 12);
  }

  /** The level of node `u` (terminals: `vars`). */
  levelOf(u: number): number {
    return this.perm[this.varOf[u]!]!;
  }

  /** One more reference from outside the store (a root kept). */
  ref(u: number): void {
    this.refs[u]!++;
  }

  /** One reference from outside fewer; the node is garbage at none (freed by `collect`). */
  deref(u: number): void {
    this.refs[u]!--;
  }

  /** The node `v ? hi : lo` (reduced: equal children collapse). */
  mk(v: number, lo: number, hi: number): number {
    if (lo === hi) return lo;
    const table = this.buckets[v]!;
    const slot = hash(lo, hi) & (table.length - 1);
    for (let u = table[slot]!; u !== -1; u = this.next[u]!)
      if (this.lo[u] === lo && this.hi[u] === hi) return u;
    if (this.made >= this.stopAt) throw BUDGET;
    if (this.made >= this.maxMade)
      throw new SolverError(
        'COMPILE_LIMIT',
        `the decision diagram's construction made ${this.maxMade} nodes while reordering`,
        '$',
      );
    let id: number;
    if (this.freeHead !== -1) {
      id = this.freeHead;
      this.freeHead = this.next[id]!;
    } else {
      if (this.used >= this.capacity)
        throw new SolverError(
          'COMPILE_LIMIT',
          `the decision diagram grew past ${this.capacity} nodes while reordering`,
          '$',
        );
      id = this.used++;
      if (id >= this.varOf.length) this.grow();
    }
    this.varOf[id] = v;
    this.lo[id] = lo;
    this.hi[id] = hi;
    this.refs[id] = 0;
    this.refs[lo]!++;
    this.refs[hi]!++;
    this.next[id] = table[slot]!;
    table[slot] = id;
    this.live++;
    this.made++;
    if (++this.keys[v]! > 2 * table.length) this.resize(v);
    return id;
  }

  /** Conjunction. */
  and(a: number, b: number): number {
    if (a === ZERO || b === ZERO) return ZERO;
    if (a === ONE) return b;
    if (b === ONE || a === b) return a;
    return a < b ? this.apply(0, a, b) : this.apply(0, b, a);
  }

  /** Disjunction. */
  or(a: number, b: number): number {
    if (a === ONE || b === ONE) return ONE;
    if (a === ZERO) return b;
    if (b === ZERO || a === b) return a;
    return a < b ? this.apply(1, a, b) : this.apply(1, b, a);
  }

  /** `a op b` (0: and, 1: or) for non-terminal `a < b`. */
  private apply(op: number, a: number, b: number): number {
    const key = (a << 1) | op;
    const mask = this.cacheA.length - 1;
    const slot = ((Math.imul(key, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 0) & mask;
    if (this.cacheA[slot] === key && this.cacheB[slot] === b) return this.cacheR[slot]!;
    const va = this.varOf[a]!;
    const vb = this.varOf[b]!;
    const la = this.perm[va]!;
    const lb = this.perm[vb]!;
    const v = la <= lb ? va : vb;
    const a0 = la <= lb ? this.lo[a]! : a;
    const a1 = la <= lb ? this.hi[a]! : a;
    const b0 = lb <= la ? this.lo[b]! : b;
    const b1 = lb <= la ? this.hi[b]! : b;
    const r0 = op === 0 ? this.and(a0, b0) : this.or(a0, b0);
    const r1 = op === 0 ? this.and(a1, b1) : this.or(a1, b1);
    const r = this.mk(v, r0, r1);
    this.cacheA[slot] = key;
    this.cacheB[slot] = b;
    this.cacheR[slot] = r;
    return r;
  }

  /** Frees every node with no reference (cascading to its children) and empties the cache. */
  collect(): void {
    for (let u = 2; u < this.used; u++) if (this.varOf[u]! >= 0 && this.refs[u] === 0) this.free(u);
    this.cacheA.fill(-1);
  }

  /** The nodes reachable from `root` (terminals excluded). */
  size(root: number): number {
    const seen = new Uint8Array(this.used);
    const stack = [root];
    let n = 0;
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (u <= ONE || seen[u] === 1) continue;
      seen[u] = 1;
      n++;
      stack.push(this.lo[u]!, this.hi[u]!);
    }
    return n;
  }

  /**
   * Swaps the variables at levels `i` and `i + 1` in place (CUDD's `cuddSwapInPlace`): every
   * node keeps its id and its function; nodes of the upper variable that read the lower one are
   * rewritten as nodes of the lower one over new nodes of the upper one; nodes orphaned by that
   * are freed. Needs a store without garbage.
   */
  swap(i: number): void {
    const x = this.invperm[i]!;
    const y = this.invperm[i + 1]!;
    this.swaps++;
    const table = this.buckets[x]!;
    const moving: number[] = [];
    for (let s = 0; s < table.length; s++) {
      let prev = -1;
      for (let u = table[s]!; u !== -1;) {
        const nextU = this.next[u]!;
        if (this.varOf[this.lo[u]!] === y || this.varOf[this.hi[u]!] === y) {
          if (prev === -1) table[s] = nextU;
          else this.next[prev] = nextU;
          this.keys[x]!--;
          moving.push(u);
        } else prev = u;
        u = nextU;
      }
    }
    this.perm[x] = i + 1;
    this.perm[y] = i;
    this.invperm[i] = y;
    this.invperm[i + 1] = x;
    for (const f of moving) {
      const f1 = this.hi[f]!;
      const f0 = this.lo[f]!;
      let f11 = f1;
      let f10 = f1;
      let f01 = f0;
      let f00 = f0;
      if (this.varOf[f1] === y) {
        f11 = this.hi[f1]!;
        f10 = this.lo[f1]!;
      }
      if (this.varOf[f0] === y) {
        f01 = this.hi[f0]!;
        f00 = this.lo[f0]!;
      }
      const g1 = this.mk(x, f01, f11);
      this.refs[g1]!++;
      const g0 = this.mk(x, f00, f10);
      this.refs[g0]!++;
      this.release(f1);
      this.release(f0);
      this.varOf[f] = y;
      this.lo[f] = g0;
      this.hi[f] = g1;
      const ty = this.buckets[y]!;
      const slot = hash(g0, g1) & (ty.length - 1);
      this.next[f] = ty[slot]!;
      ty[slot] = f;
      if (++this.keys[y]! > 2 * ty.length) this.resize(y);
    }
  }

  /**
   * Rudell's sifting: each variable in turn (most nodes first, at most `maxVars`) moves through
   * every level, towards the nearer end first, and stays where the store was smallest; a
   * direction stops once the store passes `maxGrowth` times the best size so far, and the whole
   * pass once `maxSwaps` swaps are done. Collects garbage first. `only`: these variables (in
   * this order) instead of those with the most nodes.
   */
  sift(
    maxSwaps: number,
    maxGrowth = 1.2,
    maxVars = this.vars,
    maxDistance = this.vars,
    only?: readonly number[],
  ): void {
    this.collect();
    const n = this.vars;
    const byKeys = (only ?? Array.from({ length: n }, (_, v) => v))
      .filter((v) => this.keys[v]! > 0)
      .sort((a, b) => (only ? 0 : this.keys[b]! - this.keys[a]!))
      .slice(0, maxVars);
    const stop = this.swaps + maxSwaps;
    for (const v of byKeys) {
      if (this.swaps >= stop) break;
      let pos = this.perm[v]!;
      const lowest = Math.max(0, pos - maxDistance);
      const highest = Math.min(n - 1, pos + maxDistance);
      let best = this.live;
      let bestPos = pos;
      const down = () => {
        while (pos < highest && this.swaps < stop) {
          this.swap(pos++);
          if (this.live < best) {
            best = this.live;
            bestPos = pos;
          } else if (this.live > maxGrowth * best) break;
        }
      };
      const up = () => {
        while (pos > lowest && this.swaps < stop) {
          this.swap(--pos);
          if (this.live < best) {
            best = this.live;
            bestPos = pos;
          } else if (this.live > maxGrowth * best) break;
        }
      };
      if (pos - lowest > highest - pos) {
        down();
        up();
      } else {
        up();
        down();
      }
      while (pos < bestPos) this.swap(pos++);
      while (pos > bestPos) this.swap(--pos);
    }
    this.cacheA.fill(-1);
  }

  /** One parent reference fewer; frees the node (and what only it held) at none. */
  private release(u: number): void {
    if (--this.refs[u]! === 0 && u > ONE) this.free(u);
  }

  private free(root: number): void {
    const stack = [root];
    while (stack.length > 0) {
      const u = stack.pop()!;
      const v = this.varOf[u]!;
      const table = this.buckets[v]!;
      const slot = hash(this.lo[u]!, this.hi[u]!) & (table.length - 1);
      if (table[slot] === u) table[slot] = this.next[u]!;
      else {
        let p = table[slot]!;
        while (this.next[p] !== u) p = this.next[p]!;
        this.next[p] = this.next[u]!;
      }
      this.keys[v]!--;
      this.live--;
      for (const c of [this.lo[u]!, this.hi[u]!])
        if (--this.refs[c]! === 0 && c > ONE) stack.push(c);
      this.varOf[u] = -1;
      this.next[u] = this.freeHead;
      this.freeHead = u;
    }
  }

  private resize(v: number): void {
    const old = this.buckets[v]!;
    const table = new Int32Array(old.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let s = 0; s < old.length; s++)
      for (let u = old[s]!; u !== -1;) {
        const nextU = this.next[u]!;
        const slot = hash(this.lo[u]!, this.hi[u]!) & mask;
        this.next[u] = table[slot]!;
        table[slot] = u;
        u = nextU;
      }
    this.buckets[v] = table;
  }

  private grow(): void {
    const cap = this.varOf.length * 2;
    const g = (a: Int32Array) => {
      const out = new Int32Array(cap);
      out.set(a);
      return out;
    };
    this.varOf = g(this.varOf);
    this.lo = g(this.lo);
    this.hi = g(this.hi);
    this.refs = g(this.refs);
    this.next = g(this.next);
    const bits = Math.min(MAX_CACHE_BITS, Math.ceil(Math.log2(cap)));
    if (1 << bits > this.cacheA.length) {
      this.cacheA = new Int32Array(1 << bits).fill(-1);
      this.cacheB = new Int32Array(1 << bits);
      this.cacheR = new Int32Array(1 << bits);
    }
  }
}

function hash(lo: number, hi: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi + 0x7f4a7c15, 0x85ebca6b);
  h ^= h >>> 15;
  return h;
}
