import { FALSE, TRUE, type Mdd } from './mdd.ts';

/** What `propagateDomains` found. */
export interface Propagated {
  /** Per level and value index: 1 while the value survives propagation. */
  allowed: Uint8Array[];
  /** Each constraint's diagram restricted to `allowed` (`TRUE`: entailed, `FALSE`: conflict). */
  roots: number[];
  /** Per constraint, the levels its restricted diagram still reads, in increasing order. */
  scopes: number[][];
  /** False when some constraint has no solution left (the model is unsatisfiable). */
  consistent: boolean;
}

/**
 * Generalised arc consistency over the constraint diagrams, to a fixed point (on a CNF, unit
 * propagation): a value stays allowed only while every constraint reading its level has a
 * solution with it inside the current domains. Sound — every valid configuration takes only
 * allowed values — so the conjunction of all constraints equals the conjunction of the
 * restricted diagrams and the cube of the domains. It finds forced and dead values cheaply,
 * before any conjunction, and shrinks what the conjunction has to build.
 *
 * @example
 * const p = propagateDomains(mdd, [mdd.unary(0, [1]), mdd.or(mdd.unary(0, [0]), mdd.unary(1, [1]))]);
 * p.allowed[1]; // Uint8Array [0, 1]: level 1 is forced to value 1
 */
export function propagateDomains(mdd: Mdd, constraintRoots: readonly number[]): Propagated {
  const { sizes } = mdd;
  const allowed = sizes.map((s) => new Uint8Array(s).fill(1));
  const roots = [...constraintRoots];
  const scopes = roots.map((r) => levelsOf(mdd, r));
  const watchers: number[][] = sizes.map(() => []);
  scopes.forEach((scope, i) => {
    for (const l of scope) watchers[l]!.push(i);
  });
  const queued = new Uint8Array(roots.length).fill(1);
  const queue = roots.map((_, i) => i);
  const changed = new Set<number>();
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    queued[i] = 0;
    const restricted = restrict(mdd, roots[i]!, scopes[i]!, allowed);
    roots[i] = restricted;
    if (restricted === FALSE) return { allowed, roots, scopes, consistent: false };
    const scope = levelsOf(mdd, restricted);
    const seen = projection(mdd, restricted, scope);
    changed.clear();
    for (const l of scopes[i]!) {
      const keep = seen.get(l);
      const dom = allowed[l]!;
      for (let v = 0; v < dom.length; v++)
        if (dom[v] === 1 && keep !== undefined && keep[v] === 0) {
          dom[v] = 0;
          changed.add(l);
        }
    }
    scopes[i] = scope;
    for (const l of changed)
      for (const j of watchers[l]!)
        if (queued[j] === 0 && j !== i) {
          queued[j] = 1;
          queue.push(j);
        }
  }
  return { allowed, roots, scopes, consistent: true };
}

/** The levels `root` reads (nodes reachable from it), in increasing order. */
function levelsOf(mdd: Mdd, root: number): number[] {
  const levels = new Set<number>();
  walk(mdd, root, (u) => levels.add(mdd.level[u]!));
  return [...levels].sort((a, b) => a - b);
}

/** Calls `visit` once on every non-terminal node reachable from `root`. */
function walk(mdd: Mdd, root: number, visit: (u: number) => void): void {
  if (root <= TRUE) return;
  const seen = new Set<number>([root]);
  const stack = [root];
  while (stack.length > 0) {
    const u = stack.pop()!;
    visit(u);
    const size = mdd.sizes[mdd.level[u]!]!;
    for (let k = 0; k < size; k++) {
      const c = mdd.kid(u, k);
      if (c > TRUE && !seen.has(c)) {
        seen.add(c);
        stack.push(c);
      }
    }
  }
}

/** `root` with every value outside `allowed` on the levels of `scope` sent to `FALSE`. */
function restrict(mdd: Mdd, root: number, scope: readonly number[], allowed: Uint8Array[]): number {
  let needed = false;
  for (const l of scope) if (allowed[l]!.includes(0)) needed = true;
  if (!needed) return root;
  const memo = new Map<number, number>();
  const go = (u: number): number => {
    if (u <= TRUE) return u;
    const hit = memo.get(u);
    if (hit !== undefined) return hit;
    const l = mdd.level[u]!;
    const dom = allowed[l]!;
    const children = new Array<number>(dom.length);
    for (let k = 0; k < dom.length; k++) children[k] = dom[k] === 1 ? go(mdd.kid(u, k)) : FALSE;
    const r = mdd.mk(l, children);
    memo.set(u, r);
    return r;
  };
  return go(root);
}

/**
 * Per level of `scope`, the values some path of `root` to `TRUE` takes (every node of a reduced
 * diagram other than `FALSE` reaches `TRUE`); a level a path skips is absent (any value goes).
 */
function projection(mdd: Mdd, root: number, scope: readonly number[]): Map<number, Uint8Array> {
  const out = new Map<number, Uint8Array>();
  if (root <= TRUE) return out;
  const skipped = new Set<number>();
  // `scope` is small and sorted: mark the scope levels strictly between two levels.
  const skip = (from: number, to: number) => {
    for (const l of scope) {
      if (l >= to) break;
      if (l > from) skipped.add(l);
    }
  };
  skip(-1, mdd.level[root]!);
  walk(mdd, root, (u) => {
    const l = mdd.level[u]!;
    let values = out.get(l);
    if (!values) out.set(l, (values = new Uint8Array(mdd.sizes[l]!)));
    for (let k = 0; k < values.length; k++) {
      const c = mdd.kid(u, k);
      if (c === FALSE) continue;
      values[k] = 1;
      skip(l, mdd.level[c]!);
    }
  });
  for (const l of skipped) out.delete(l);
  return out;
}
