import type { CompiledModel } from './compile.ts';
import { reachable } from './mdd.ts';
import type { LevelMasks } from './selectionMasks.ts';
import { support } from './support.ts';

/** A constraint diagram prepared for propagation: its nodes and the levels it reads. */
interface Prepared {
  root: number;
  nodes: Int32Array;
  levels: number[];
}

const prepared = new WeakMap<CompiledModel, Prepared[]>();

function prepare(compiled: CompiledModel): Prepared[] {
  const hit = prepared.get(compiled);
  if (hit) return hit;
  const made = compiled.constraints.map((c) => ({
    root: c.root,
    nodes: reachable(compiled.mdd, c.root),
    levels: [...new Set(c.attributes.flatMap((id) => compiled.byId.get(id)?.levels ?? []))],
  }));
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
    const { sat, supported } = support(compiled.mdd, c.nodes, c.root, doms);
    if (!sat) return false;
    for (const l of c.levels) {
      const dom = doms[l]!;
      const sup = supported[l]!;
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
