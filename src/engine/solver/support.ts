import { FALSE, TRUE, type Mdd } from './mdd.ts';

/** Allowed value indices per level (1 = allowed); `undefined` allows every value of the level. */
export type Masks = readonly (Uint8Array | undefined)[];

/** The outcome of `support`. */
export interface Support {
  /** Whether some path to TRUE respects every mask. */
  sat: boolean;
  /**
   * Per level and value index: 1 when some path to TRUE takes that value at that level and
   * respects the masks of every *other* level (the level's own mask is ignored).
   */
  supported: Uint8Array[];
}

/**
 * The "valid domains" pass of Hadzic et al. over the diagram below `root`: one bottom-up pass
 * (can reach TRUE under the masks), one top-down pass (reachable from the root under the masks),
 * then every edge between a reachable node and a node that reaches TRUE supports its value.
 * Levels skipped by such an edge (or above the root) support all their values. Linear in the
 * number of edges. `nodes` lists the nodes below `root` in increasing id order (`reachable`).
 *
 * @example
 * const s = support(mdd, reachable(mdd, root), root, masks);
 * s.supported[3][1] === 1; // value 1 of level 3 extends the masked selection
 */
export function support(mdd: Mdd, nodes: Int32Array, root: number, masks: Masks): Support {
  const { level, start, kids, sizes } = mdd;
  const levels = sizes.length;
  const down = new Uint8Array(mdd.nodeCount);
  const up = new Uint8Array(mdd.nodeCount);
  down[TRUE] = 1;
  for (let n = 0; n < nodes.length; n++) {
    const u = nodes[n]!;
    const l = level[u]!;
    const m = masks[l];
    const s = start[u]!;
    const size = sizes[l]!;
    for (let i = 0; i < size; i++)
      if ((m === undefined || m[i] === 1) && down[kids[s + i]!] === 1) {
        down[u] = 1;
        break;
      }
  }
  const supported = sizes.map((size) => new Uint8Array(size));
  const free = new Int32Array(levels + 1);
  const sat = root !== FALSE && down[root] === 1;
  if (root === FALSE) return { sat, supported };
  // The root is reached whatever the selection; levels above it are free when it reaches TRUE.
  up[root] = 1;
  if (sat) {
    free[0]! += 1;
    free[level[root]!]! -= 1;
  }
  for (let n = nodes.length - 1; n >= 0; n--) {
    const u = nodes[n]!;
    if (up[u] === 0) continue;
    const l = level[u]!;
    const m = masks[l];
    const s = start[u]!;
    const size = sizes[l]!;
    const sup = supported[l]!;
    for (let i = 0; i < size; i++) {
      const k = kids[s + i]!;
      const allowed = m === undefined || m[i] === 1;
      if (allowed) up[k] = 1;
      if (down[k] === 0) continue;
      sup[i] = 1;
      if (allowed) {
        free[l + 1]! += 1;
        free[level[k]!]! -= 1;
      }
    }
  }
  let run = 0;
  for (let l = 0; l < levels; l++) {
    run += free[l]!;
    if (run > 0) supported[l]!.fill(1);
  }
  return { sat, supported };
}

/**
 * Whether some path to TRUE respects every mask: a depth-first search from the root that marks
 * nodes proven dead, so it stops at the first path found (often after a few hundred nodes) and
 * never visits a node twice. `nodes` is kept for the callers' convenience (unused).
 */
export function satisfiable(mdd: Mdd, _nodes: Int32Array, root: number, masks: Masks): boolean {
  if (root === TRUE) return true;
  if (root === FALSE) return false;
  const { level, start, kids, sizes } = mdd;
  const dead = new Uint8Array(root + 1);
  dead[FALSE] = 1;
  // Frames of (node, next value to try).
  const stack: number[] = [root, 0];
  while (stack.length > 0) {
    const u = stack[stack.length - 2]!;
    const l = level[u]!;
    const m = masks[l];
    let i = stack[stack.length - 1]!;
    let descended = false;
    for (; i < sizes[l]!; i++) {
      if (m !== undefined && m[i] !== 1) continue;
      const k = kids[start[u]! + i]!;
      if (k === TRUE) return true;
      if (dead[k] === 1) continue;
      stack[stack.length - 1] = i + 1;
      stack.push(k, 0);
      descended = true;
      break;
    }
    if (descended) continue;
    dead[u] = 1;
    stack.length -= 2;
  }
  return false;
}

/**
 * The number of paths to TRUE that respect the masks, counting every allowed value of a skipped
 * level (exact, as a bigint).
 */
export function countPaths(mdd: Mdd, nodes: Int32Array, root: number, masks: Masks): bigint {
  const widths = mdd.sizes.map((size, l) => {
    const m = masks[l];
    if (m === undefined) return size;
    let w = 0;
    for (let i = 0; i < size; i++) w += m[i]!;
    return w;
  });
  // Doubles count exactly below 2^53; past that, count again with bigints.
  const fast = countWith(mdd, nodes, root, masks, widths.map(Number), 0, 1);
  if (fast <= Number.MAX_SAFE_INTEGER) return BigInt(fast);
  return countWith(mdd, nodes, root, masks, widths.map(BigInt), 0n, 1n);
}

function countWith<T extends number | bigint>(
  mdd: Mdd,
  nodes: Int32Array,
  root: number,
  masks: Masks,
  width: T[],
  zero: T,
  one: T,
): T {
  const { level, start, kids, sizes } = mdd;
  const add = (x: T, y: T) => ((x as number) + (y as number)) as T;
  const mul = (x: T, y: T) => ((x as number) * (y as number)) as T;
  let unsafe = false;
  const between = (a: number, b: number): T => {
    if (a >= b) return one;
    if (b === a + 1) return width[a]!;
    let p = one;
    for (let l = a; l < b; l++) p = mul(p, width[l]!);
    return p;
  };
  const counts = new Array<T>(mdd.nodeCount);
  counts[FALSE] = zero;
  counts[TRUE] = one;
  for (let n = 0; n < nodes.length; n++) {
    const u = nodes[n]!;
    const l = level[u]!;
    const m = masks[l];
    const s = start[u]!;
    let total = zero;
    for (let i = 0; i < sizes[l]!; i++) {
      if (m !== undefined && m[i] !== 1) continue;
      const k = kids[s + i]!;
      const c = counts[k]!;
      if (c !== zero) total = add(total, mul(c, between(l + 1, level[k]!)));
    }
    if (typeof total === 'number' && total > Number.MAX_SAFE_INTEGER) unsafe = true;
    counts[u] = total;
  }
  const result = mul(counts[root]!, between(0, level[root]!));
  return unsafe && typeof result === 'number' ? (Infinity as T) : result;
}
