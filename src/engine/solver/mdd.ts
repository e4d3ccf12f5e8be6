import { SolverError } from './SolverError.ts';

/** The node id of the empty set of configurations. */
export const FALSE = 0;
/** The node id of the set of every configuration. */
export const TRUE = 1;

/** Operation codes of the computed cache. */
const AND = 0;
const OR = 1;
const NOT = 2;
/** The computed cache never grows past 2^22 entries (≈ 54 MB). */
const MAX_CACHE_BITS = 22;
const MIN_CACHE_BITS = 12;

/**
 * A store of reduced, ordered multi-valued decision diagram (MDD) nodes with a unique table and a
 * computed cache, all on typed arrays (no object or string per node). Level `l` is the `l`-th
 * variable of the static order and has `sizes[l]` values; a node at level `l` has one child per
 * value. Terminals sit at level `sizes.length`. Nodes whose children are all equal are never made
 * (the level is "skipped": any value goes), so every algorithm on the store accounts for skipped
 * levels.
 *
 * Children of a node always have smaller ids than the node itself (a node is made after its
 * children), which gives a free topological order; `collect` (garbage collection) keeps it.
 * The arrays `level`, `start` and `kids` have spare capacity: only ids below `nodeCount` are nodes.
 *
 * @example
 * const m = new Mdd([2, 3]);
 * const x0 = m.unary(0, [1]); // level 0 takes value 1
 * const y = m.unary(1, [0, 2]);
 * m.and(x0, y) !== FALSE; // true
 */
export class Mdd {
  /** Level of each node (terminals: `sizes.length`). */
  level: Int32Array;
  /** Offset of each node's children in `kids`. */
  start: Int32Array;
  /** Children of every node, concatenated. */
  kids: Int32Array;
  private used = 2;
  private kidsUsed = 0;
  private made = 0;
  private peak = 2;
  /** Open-addressing unique table of node ids (0: empty slot). */
  private table: Int32Array;
  /** Lossy computed cache: `(a << 2) | op`, `b`, result per slot. */
  private cacheKey: Int32Array;
  private cacheB: Int32Array;
  private cacheR: Int32Array;
  /** Children being built by the recursive operations (one frame per level at most). */
  private readonly scratch: Int32Array;
  private sp = 0;

  constructor(
    readonly sizes: readonly number[],
    readonly maxNodes = Number.POSITIVE_INFINITY,
    /** Stop with `COMPILE_LIMIT` once this many nodes were made (garbage included): a work budget. */
    readonly maxMade = Number.POSITIVE_INFINITY,
  ) {
    this.level = new Int32Array(1024);
    this.start = new Int32Array(1024);
    this.kids = new Int32Array(4096);
    this.level[0] = sizes.length;
    this.level[1] = sizes.length;
    this.table = new Int32Array(2048);
    this.cacheKey = new Int32Array(1 << MIN_CACHE_BITS).fill(-1);
    this.cacheB = new Int32Array(1 << MIN_CACHE_BITS);
    this.cacheR = new Int32Array(1 << MIN_CACHE_BITS);
    let total = 0;
    for (const s of sizes) total += s;
    this.scratch = new Int32Array(total + 1);
  }

  /** The number of nodes in the store (terminals included). */
  get nodeCount(): number {
    return this.used;
  }

  /** Nodes made since the store was created (garbage collected ones included): the work done. */
  get madeCount(): number {
    return this.made;
  }

  /** The most nodes the store has held at once (garbage between collections included). */
  get peakCount(): number {
    return Math.max(this.peak, this.used);
  }

  /** The number of child slots in use in `kids`. */
  get kidCount(): number {
    return this.kidsUsed;
  }

  /** The child of node `u` for value index `i`. */
  kid(u: number, i: number): number {
    return this.kids[this.start[u]! + i]!;
  }

  /** The node at `level` with these children (reduced: equal children collapse). */
  mk(level: number, children: ArrayLike<number>): number {
    const base = this.sp;
    const size = this.sizes[level]!;
    for (let i = 0; i < size; i++) this.scratch[base + i] = children[i]!;
    return this.mkAt(level, base);
  }

  /** The node true exactly when variable `level` takes one of `values` (value indices). */
  unary(level: number, values: Iterable<number>): number {
    const children = new Array<number>(this.sizes[level]!).fill(FALSE);
    for (const v of values) children[v] = TRUE;
    return this.mk(level, children);
  }

  /** Conjunction. */
  and(a: number, b: number): number {
    if (a === FALSE || b === FALSE) return FALSE;
    if (a === TRUE) return b;
    if (b === TRUE || a === b) return a;
    return a < b ? this.apply(AND, a, b) : this.apply(AND, b, a);
  }

  /** Disjunction. */
  or(a: number, b: number): number {
    if (a === TRUE || b === TRUE) return TRUE;
    if (a === FALSE) return b;
    if (b === FALSE || a === b) return a;
    return a < b ? this.apply(OR, a, b) : this.apply(OR, b, a);
  }

  /** Negation. */
  not(a: number): number {
    if (a === FALSE) return TRUE;
    if (a === TRUE) return FALSE;
    const slot = this.slot(NOT, a, 0);
    if (this.cacheKey[slot] === ((a << 2) | NOT)) return this.cacheR[slot]!;
    const l = this.level[a]!;
    const size = this.sizes[l]!;
    const base = this.sp;
    this.sp += size;
    for (let i = 0; i < size; i++) this.scratch[base + i] = this.not(this.kid(a, i));
    this.sp = base;
    const r = this.mkAt(l, base);
    this.remember(slot, (a << 2) | NOT, 0, r);
    return r;
  }

  /** Disjunction of many nodes, as a balanced tree. */
  orAll(nodes: readonly number[]): number {
    return balanced(nodes, FALSE, (x, y) => this.or(x, y));
  }

  /** Conjunction of many nodes, as a balanced tree. */
  andAll(nodes: readonly number[]): number {
    return balanced(nodes, TRUE, (x, y) => this.and(x, y));
  }

  /** Empties the computed cache (the unique table stays). */
  clearCaches(): void {
    this.cacheKey.fill(-1);
  }

  /**
   * Garbage collection: keeps only the nodes reachable from `roots`, renumbered in the same
   * order (children still before parents), and returns the roots' new ids. Every other node id
   * held by the caller is invalid afterwards; the computed cache is emptied.
   */
  collect(roots: readonly number[]): number[] {
    const n = this.used;
    if (n > this.peak) this.peak = n;
    const { level, start, sizes } = this;
    const kids = this.kids;
    const mark = new Uint8Array(n);
    for (const r of roots) mark[r] = 1;
    for (let u = n - 1; u > TRUE; u--) {
      if (mark[u] === 0) continue;
      const s = start[u]!;
      const size = sizes[level[u]!]!;
      for (let i = 0; i < size; i++) mark[kids[s + i]!] = 1;
    }
    const map = new Int32Array(n);
    map[TRUE] = TRUE;
    let next = 2;
    let k = 0;
    for (let u = 2; u < n; u++) {
      if (mark[u] === 0) continue;
      const l = level[u]!;
      const s = start[u]!;
      const size = sizes[l]!;
      level[next] = l;
      start[next] = k;
      for (let i = 0; i < size; i++) kids[k + i] = map[kids[s + i]!]!;
      map[u] = next++;
      k += size;
    }
    this.used = next;
    this.kidsUsed = k;
    this.table.fill(0);
    for (let u = 2; u < next; u++) this.insert(u);
    this.clearCaches();
    return roots.map((r) => map[r]!);
  }

  private slot(op: number, a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + op, 0x85ebca6b);
    h ^= h >>> 15;
    return h & (this.cacheKey.length - 1);
  }

  private remember(slot: number, key: number, b: number, r: number): void {
    this.cacheKey[slot] = key;
    this.cacheB[slot] = b;
    this.cacheR[slot] = r;
  }

  /** `a op b` for `2 ≤ a < b` (no terminal case left). */
  private apply(op: number, a: number, b: number): number {
    const key = (a << 2) | op;
    const slot = this.slot(op, a, b);
    if (this.cacheKey[slot] === key && this.cacheB[slot] === b) return this.cacheR[slot]!;
    const la = this.level[a]!;
    const lb = this.level[b]!;
    const l = la < lb ? la : lb;
    const size = this.sizes[l]!;
    const base = this.sp;
    this.sp += size;
    for (let i = 0; i < size; i++) {
      const x = la === l ? this.kids[this.start[a]! + i]! : a;
      const y = lb === l ? this.kids[this.start[b]! + i]! : b;
      this.scratch[base + i] = op === AND ? this.and(x, y) : this.or(x, y);
    }
    this.sp = base;
    const r = this.mkAt(l, base);
    this.remember(slot, key, b, r);
    return r;
  }

  private hashAt(level: number, kids: Int32Array, at: number, size: number): number {
    let h = Math.imul(level + 1, 0x9e3779b1);
    for (let i = 0; i < size; i++) h = Math.imul(h ^ kids[at + i]!, 0x01000193);
    h ^= h >>> 16;
    return Math.imul(h, 0x85ebca6b) ^ (h >>> 13);
  }

  /** The node at `level` whose children are `scratch[base…]`. */
  private mkAt(level: number, base: number): number {
    const size = this.sizes[level]!;
    const buf = this.scratch;
    const first = buf[base]!;
    let same = true;
    for (let i = 1; i < size; i++)
      if (buf[base + i] !== first) {
        same = false;
        break;
      }
    if (same) return first;
    const mask = this.table.length - 1;
    let slot = this.hashAt(level, buf, base, size) & mask;
    for (;;) {
      const id = this.table[slot]!;
      if (id === 0) break;
      if (this.level[id] === level) {
        const s = this.start[id]!;
        let equal = true;
        for (let i = 0; i < size; i++)
          if (this.kids[s + i] !== buf[base + i]) {
            equal = false;
            break;
          }
        if (equal) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.used;
    if (id >= this.maxNodes)
      throw new SolverError(
        'COMPILE_LIMIT',
        `the decision diagram grew past ${this.maxNodes} nodes`,
        '$',
      );
    if (this.made >= this.maxMade)
      throw new SolverError(
        'COMPILE_LIMIT',
        `the decision diagram's construction made ${this.maxMade} nodes`,
        '$',
      );
    this.reserve(id + 1, this.kidsUsed + size);
    this.level[id] = level;
    this.start[id] = this.kidsUsed;
    this.kids.set(buf.subarray(base, base + size), this.kidsUsed);
    this.kidsUsed += size;
    this.used = id + 1;
    this.made++;
    if (this.used * 2 > this.table.length) this.rehash();
    else this.table[slot] = id;
    return id;
  }

  private insert(id: number): void {
    const mask = this.table.length - 1;
    let slot = this.hashAt(
      this.level[id]!,
      this.kids,
      this.start[id]!,
      this.sizes[this.level[id]!]!,
    );
    slot &= mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let u = 2; u < this.used; u++) this.insert(u);
    const bits = Math.min(MAX_CACHE_BITS, Math.ceil(Math.log2(this.used)) + 1);
    if (1 << bits > this.cacheKey.length) {
      this.cacheKey = new Int32Array(1 << bits).fill(-1);
      this.cacheB = new Int32Array(1 << bits);
      this.cacheR = new Int32Array(1 << bits);
    }
  }

  private reserve(nodes: number, kids: number): void {
    if (nodes > this.level.length) {
      const cap = Math.max(nodes, this.level.length * 2);
      this.level = grow(this.level, cap);
      this.start = grow(this.start, cap);
    }
    if (kids > this.kids.length) this.kids = grow(this.kids, Math.max(kids, this.kids.length * 2));
  }
}

function grow(a: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(a);
  return out;
}

function balanced(nodes: readonly number[], unit: number, op: (x: number, y: number) => number) {
  if (nodes.length === 0) return unit;
  let layer = [...nodes];
  while (layer.length > 1) {
    const next: number[] = [];
    for (let i = 0; i < layer.length; i += 2)
      next.push(i + 1 < layer.length ? op(layer[i]!, layer[i + 1]!) : layer[i]!);
    layer = next;
  }
  return layer[0]!;
}

/**
 * The nodes reachable from `root` (terminals excluded) in increasing id order: children before
 * parents, the order the bottom-up passes need.
 */
export function reachable(m: Mdd, root: number): Int32Array {
  if (root <= TRUE) return new Int32Array(0);
  const { level, start, kids, sizes } = m;
  const mark = new Uint8Array(root + 1);
  mark[root] = 1;
  let count = 0;
  for (let u = root; u > TRUE; u--) {
    if (mark[u] === 0) continue;
    count++;
    const s = start[u]!;
    const size = sizes[level[u]!]!;
    for (let i = 0; i < size; i++) mark[kids[s + i]!] = 1;
  }
  const out = new Int32Array(count);
  let n = 0;
  for (let u = 2; u <= root; u++) if (mark[u] === 1) out[n++] = u;
  return out;
}

/**
 * Copies the nodes reachable from `roots` into a fresh store (dropping intermediate results) and
 * returns it with the roots' new ids.
 */
export function compact(m: Mdd, roots: readonly number[]): { mdd: Mdd; roots: number[] } {
  const out = new Mdd(m.sizes, m.maxNodes);
  const top = Math.max(TRUE, ...roots);
  const mark = new Uint8Array(top + 1);
  for (const r of roots) mark[r] = 1;
  for (let u = top; u > TRUE; u--) {
    if (mark[u] === 0) continue;
    const size = m.sizes[m.level[u]!]!;
    for (let i = 0; i < size; i++) mark[m.kid(u, i)] = 1;
  }
  const map = new Int32Array(top + 1);
  map[TRUE] = TRUE;
  const children: number[] = [];
  for (let u = 2; u <= top; u++) {
    if (mark[u] === 0) continue;
    const size = m.sizes[m.level[u]!]!;
    children.length = size;
    for (let i = 0; i < size; i++) children[i] = map[m.kid(u, i)]!;
    map[u] = out.mk(m.level[u]!, children);
  }
  return { mdd: out, roots: roots.map((r) => map[r]!) };
}
