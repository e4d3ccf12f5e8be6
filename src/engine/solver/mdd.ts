import { SolverError } from './SolverError.ts';

/** The node id of the empty set of configurations. */
export const FALSE = 0;
/** The node id of the set of every configuration. */
export const TRUE = 1;

/** Computed caches are emptied past this many entries (a JS Map holds at most 2^24). */
const CACHE_LIMIT = 4_000_000;

/**
 * A store of reduced, ordered multi-valued decision diagram (MDD) nodes with a unique table and
 * computed caches. Level `l` is the `l`-th variable of the static order and has `sizes[l]` values;
 * a node at level `l` has one child per value. Terminals sit at level `sizes.length`. Nodes whose
 * children are all equal are never made (the level is "skipped": any value goes), so every
 * algorithm on the store accounts for skipped levels.
 *
 * Children of a node always have smaller ids than the node itself (a node is made after its
 * children), which gives a free topological order.
 *
 * @example
 * const m = new Mdd([2, 3]);
 * const x0 = m.unary(0, [1]); // level 0 takes value 1
 * const y = m.unary(1, [0, 2]);
 * m.and(x0, y) !== FALSE; // true
 */
export class Mdd {
  /** Level of each node (terminals: `sizes.length`). */
  readonly level: number[];
  /** Offset of each node's children in `kids`. */
  readonly start: number[];
  /** Children of every node, concatenated. */
  readonly kids: number[] = [];
  private readonly unique = new Map<string, number>();
  private andCache = new Map<number, number>();
  private orCache = new Map<number, number>();
  private notCache = new Map<number, number>();

  constructor(
    readonly sizes: readonly number[],
    readonly maxNodes = Number.POSITIVE_INFINITY,
  ) {
    this.level = [sizes.length, sizes.length];
    this.start = [0, 0];
  }

  /** The number of nodes made so far (terminals included). */
  get nodeCount(): number {
    return this.level.length;
  }

  /** The child of node `u` for value index `i`. */
  kid(u: number, i: number): number {
    return this.kids[this.start[u]! + i]!;
  }

  /** The node at `level` with these children (reduced: equal children collapse). */
  mk(level: number, children: readonly number[]): number {
    const first = children[0]!;
    let same = true;
    for (let i = 1; i < children.length; i++)
      if (children[i] !== first) {
        same = false;
        break;
      }
    if (same) return first;
    const key = `${level}:${children.join(',')}`;
    const found = this.unique.get(key);
    if (found !== undefined) return found;
    const id = this.level.length;
    if (id >= this.maxNodes)
      throw new SolverError(
        'COMPILE_LIMIT',
        `the decision diagram grew past ${this.maxNodes} nodes`,
        '$',
      );
    this.level.push(level);
    this.start.push(this.kids.length);
    for (const c of children) this.kids.push(c);
    this.unique.set(key, id);
    return id;
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
    if (a > b) [a, b] = [b, a];
    const key = a * 67108864 + b;
    const hit = this.andCache.get(key);
    if (hit !== undefined) return hit;
    const r = this.combine(a, b, (x, y) => this.and(x, y));
    if (this.andCache.size >= CACHE_LIMIT) this.andCache = new Map();
    this.andCache.set(key, r);
    return r;
  }

  /** Disjunction. */
  or(a: number, b: number): number {
    if (a === TRUE || b === TRUE) return TRUE;
    if (a === FALSE) return b;
    if (b === FALSE || a === b) return a;
    if (a > b) [a, b] = [b, a];
    const key = a * 67108864 + b;
    const hit = this.orCache.get(key);
    if (hit !== undefined) return hit;
    const r = this.combine(a, b, (x, y) => this.or(x, y));
    if (this.orCache.size >= CACHE_LIMIT) this.orCache = new Map();
    this.orCache.set(key, r);
    return r;
  }

  /** Negation. */
  not(a: number): number {
    if (a === FALSE) return TRUE;
    if (a === TRUE) return FALSE;
    const hit = this.notCache.get(a);
    if (hit !== undefined) return hit;
    const l = this.level[a]!;
    const children: number[] = [];
    for (let i = 0; i < this.sizes[l]!; i++) children.push(this.not(this.kid(a, i)));
    const r = this.mk(l, children);
    if (this.notCache.size >= CACHE_LIMIT) this.notCache = new Map();
    this.notCache.set(a, r);
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

  /** Empties the computed caches (the unique table stays). */
  clearCaches(): void {
    this.andCache = new Map();
    this.orCache = new Map();
    this.notCache = new Map();
  }

  private combine(a: number, b: number, op: (x: number, y: number) => number): number {
    const la = this.level[a]!;
    const lb = this.level[b]!;
    const l = Math.min(la, lb);
    const children: number[] = [];
    for (let i = 0; i < this.sizes[l]!; i++)
      children.push(op(la === l ? this.kid(a, i) : a, lb === l ? this.kid(b, i) : b));
    return this.mk(l, children);
  }
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
  const seen = new Set<number>();
  const stack = [root];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u <= TRUE || seen.has(u)) continue;
    seen.add(u);
    const n = m.sizes[m.level[u]!]!;
    for (let i = 0; i < n; i++) stack.push(m.kid(u, i));
  }
  return Int32Array.from([...seen].sort((a, b) => a - b));
}

/**
 * Copies the nodes reachable from `roots` into a fresh store (dropping intermediate results) and
 * returns it with the roots' new ids.
 */
export function compact(m: Mdd, roots: readonly number[]): { mdd: Mdd; roots: number[] } {
  const out = new Mdd(m.sizes, m.maxNodes);
  const map = new Map<number, number>([
    [FALSE, FALSE],
    [TRUE, TRUE],
  ]);
  const all = new Set<number>();
  for (const r of roots) for (const u of reachable(m, r)) all.add(u);
  for (const u of [...all].sort((a, b) => a - b)) {
    const l = m.level[u]!;
    const children: number[] = [];
    for (let i = 0; i < m.sizes[l]!; i++) children.push(map.get(m.kid(u, i))!);
    map.set(u, out.mk(l, children));
  }
  return { mdd: out, roots: roots.map((r) => map.get(r)!) };
}
