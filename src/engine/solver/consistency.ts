import type { CompiledModel } from './compile.ts';
import { FALSE, TRUE, reachable, type Mdd } from './mdd.ts';
import type { LevelMasks } from './selectionMasks.ts';

/** A constraint diagram prepared for propagation: its nodes and the levels it reads. */
interface Prepared {
  root: number;
  nodes: Int32Array;
  /** The levels it reads, in increasing order. */
  levels: number[];
  /** Position of each level in `levels`, or -1. */
  position: Int32Array;
}

const prepared = new WeakMap<CompiledModel, Prepared[]>();

function prepare(compiled: CompiledModel): Prepared[] {
  const hit = prepared.get(compiled);
  if (hit) return hit;
  const made = compiled.constraints.map((c): Prepared => {
    const levels = [
      ...new Set(c.attributes.flatMap((id) => compiled.byId.get(id)?.levels ?? [])),
    ].sort((a, b) => a - b);
    const position = new Int32Array(compiled.levels.length).fill(-1);
    levels.forEach((l, i) => (position[l] = i));
    return { root: c.root, nodes: reachable(compiled.mdd, c.root), levels, position };
  });
  prepared.set(compiled, made);
  return made;
}

/**
 * Whether the constraints numbered `subset` (indices into `compiled.constraints`) have a common
 * solution within `masks`, each constraint kept as its own diagram: generalised arc consistency
 * on every diagram (the valid-domains pass restricted to the current domains) to a fixed point,
 * then depth-first search on the smallest domain. Exact; fast when the constraints are few or
 * the masks fix much, which is how explanations use it.
 *
 * @example
 * consistentSubset(compiled, [0, 3], masks); // false: constraints 0 and 3 clash under masks
 */
export function consistentSubset(
  compiled: CompiledModel,
  subset: readonly number[],
  masks: LevelMasks,
): boolean {
  const all = prepare(compiled);
  const cons = subset.map((i) => all[i]!);
  const sizes = compiled.mdd.sizes;
  const doms = sizes.map((size, l) => masks[l]?.slice() ?? new Uint8Array(size).fill(1));
  const watchers: number[][] = sizes.map(() => []);
  cons.forEach((c, i) => {
    for (const l of c.levels) watchers[l]!.push(i);
  });
  const scope = [...new Set(cons.flatMap((c) => c.levels))];
  return search(
    compiled,
    cons,
    watchers,
    scope,
    doms,
    cons.map((_, i) => i),
  );
}

function search(
  compiled: CompiledModel,
  cons: Prepared[],
  watchers: number[][],
  scope: number[],
  doms: Uint8Array[],
  queue: number[],
): boolean {
  if (!propagate(compiled, cons, watchers, doms, queue)) return false;
  let pick = -1;
  let best = Infinity;
  for (const l of scope) {
    let n = 0;
    for (const x of doms[l]!) n += x;
    if (n > 1 && n < best) {
      best = n;
      pick = l;
    }
  }
  if (pick < 0) return true;
  const dom = doms[pick]!;
  for (let i = 0; i < dom.length; i++) {
    if (dom[i] !== 1) continue;
    const next = doms.map((d) => d.slice());
    next[pick]!.fill(0);
    next[pick]![i] = 1;
    if (search(compiled, cons, watchers, scope, next, [...watchers[pick]!])) return true;
  }
  return false;
}

function propagate(
  compiled: CompiledModel,
  cons: Prepared[],
  watchers: number[][],
  doms: Uint8Array[],
  queue: number[],
): boolean {
  const queued = new Set(queue);
  while (queue.length > 0) {
    const ci = queue.shift()!;
    queued.delete(ci);
    const c = cons[ci]!;
    const supported = gac(compiled.mdd, c, doms);
    if (!supported) return false;
    for (let p = 0; p < c.levels.length; p++) {
      const l = c.levels[p]!;
      const dom = doms[l]!;
      const sup = supported[p]!;
      let changed = false;
      for (let i = 0; i < dom.length; i++)
        if (dom[i] === 1 && sup[i] !== 1) {
          dom[i] = 0;
          changed = true;
        }
      if (!changed) continue;
      if (!dom.includes(1)) return false;
      for (const w of watchers[l]!)
        if (w !== ci && !queued.has(w)) {
          queued.add(w);
          queue.push(w);
        }
    }
  }
  return true;
}

const scratch = new WeakMap<Mdd, { down: Uint8Array; up: Uint8Array }>();

/**
 * The values of each of `c.levels` that some path of `c`'s diagram takes within `doms` (the
 * level's own domain ignored, as in `support`), or undefined when the diagram has no such path.
 * Works on shared scratch marks that it clears again, so a call costs only the diagram's size.
 */
function gac(mdd: Mdd, c: Prepared, doms: readonly Uint8Array[]): Uint8Array[] | undefined {
  const { level, start, kids, sizes } = mdd;
  let marks = scratch.get(mdd);
  if (!marks || marks.down.length < mdd.nodeCount) {
    marks = { down: new Uint8Array(mdd.nodeCount), up: new Uint8Array(mdd.nodeCount) };
    marks.down[TRUE] = 1;
    scratch.set(mdd, marks);
  }
  const { down, up } = marks;
  const { nodes, root, levels, position } = c;
  const supported = levels.map((l) => new Uint8Array(sizes[l]!));
  if (root === TRUE) {
    for (const s of supported) s.fill(1);
    return supported;
  }
  if (root === FALSE) return undefined;
  for (let n = 0; n < nodes.length; n++) {
    const u = nodes[n]!;
    const l = level[u]!;
    const m = doms[l]!;
    const s = start[u]!;
    for (let i = 0; i < sizes[l]!; i++)
      if (m[i] === 1 && down[kids[s + i]!] === 1) {
        down[u] = 1;
        break;
      }
  }
  const sat = down[root] === 1;
  if (sat) {
    up[root] = 1;
    const top = level[root]!;
    for (let p = 0; p < levels.length && levels[p]! < top; p++) supported[p]!.fill(1);
    for (let n = nodes.length - 1; n >= 0; n--) {
      const u = nodes[n]!;
      if (up[u] === 0) continue;
      const l = level[u]!;
      const m = doms[l]!;
      const s = start[u]!;
      const sup = supported[position[l]!]!;
      for (let i = 0; i < sizes[l]!; i++) {
        const k = kids[s + i]!;
        const allowed = m[i] === 1;
        if (allowed) up[k] = 1;
        if (down[k] === 0) continue;
        sup[i] = 1;
        if (!allowed) continue;
        const below = level[k]!;
        for (let p = position[l]! + 1; p < levels.length && levels[p]! < below; p++)
          supported[p]!.fill(1);
      }
    }
  }
  for (let n = 0; n < nodes.length; n++) {
    down[nodes[n]!] = 0;
    up[nodes[n]!] = 0;
  }
  return sat ? supported : undefined;
}
