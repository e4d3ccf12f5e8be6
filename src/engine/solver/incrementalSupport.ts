import { FALSE, TRUE, type Mdd } from './mdd.ts';
import type { CompiledModel } from './compile.ts';
import type { Masks, Support } from './support.ts';

/** Past this many changed values, a click is answered by rebuilding every counter at once. */
const REBUILD_AFTER = 2_000;
/** Propagation may visit this many times the diagram's edges before a rebuild is cheaper. */
const WORK_BUDGET = 1;

/**
 * `support` kept up to date between calls, for the click-by-click use of `domains`: each node
 * keeps how many of its allowed edges lead to a node that reaches TRUE ("down") and how many
 * allowed edges from nodes reachable from the root lead to it ("up"); each value keeps how many
 * edges support it. A new set of masks is compared with the previous one and only the values
 * whose mask changed are applied, propagating only the nodes whose state flips — a click costs
 * what it changes, not the size of the diagram. Answers exactly what `support` answers.
 *
 * @example
 * const live = new IncrementalSupport(mdd, reachable(mdd, root), root);
 * live.update(masks).supported[3][1] === support(mdd, nodes, root, masks).supported[3][1]; // true
 */
export class IncrementalSupport {
  private readonly levels: number;
  /** Per node: allowed edges to nodes that reach TRUE; and incoming allowed edges from "up" nodes. */
  private readonly downCount: Int32Array;
  private readonly upCount: Int32Array;
  private readonly down: Uint8Array;
  private readonly up: Uint8Array;
  /** Per level and value: edges from an "up" node to a "down" node (the level's own mask ignored). */
  private readonly edgeCount: Int32Array[];
  /** Difference array over levels of allowed live edges skipping levels (levels in between are free). */
  private readonly skip: Int32Array;
  /** Parents of each node as (parent, value) pairs, in CSR form. */
  private readonly parentStart: Int32Array;
  private readonly parentEdge: Int32Array;
  /** Nodes of each level, in CSR form. */
  private readonly levelStart: Int32Array;
  private readonly levelNodes: Int32Array;
  private allowed: Uint8Array[];
  /** Edges visited by the propagation of the current update. */
  private work = 0;

  constructor(
    private readonly mdd: Mdd,
    private readonly nodes: Int32Array,
    private readonly root: number,
  ) {
    const { level, start, kids, sizes } = mdd;
    const n = mdd.nodeCount;
    this.levels = sizes.length;
    this.downCount = new Int32Array(n);
    this.upCount = new Int32Array(n);
    this.down = new Uint8Array(n);
    this.up = new Uint8Array(n);
    this.edgeCount = sizes.map((s) => new Int32Array(s));
    this.skip = new Int32Array(this.levels + 1);
    this.allowed = sizes.map((s) => new Uint8Array(s).fill(1));
    const parents = new Int32Array(n + 1);
    const perLevel = new Int32Array(this.levels + 1);
    for (const u of nodes) {
      const l = level[u]!;
      perLevel[l + 1]!++;
      const s = start[u]!;
      for (let i = 0; i < sizes[l]!; i++) parents[kids[s + i]! + 1]!++;
    }
    for (let k = 0; k < n; k++) parents[k + 1]! += parents[k]!;
    for (let l = 0; l < this.levels; l++) perLevel[l + 1]! += perLevel[l]!;
    this.parentStart = parents;
    this.parentEdge = new Int32Array(parents[n]! * 2);
    this.levelStart = perLevel;
    this.levelNodes = new Int32Array(nodes.length);
    const fillP = parents.slice(0, n);
    const fillL = perLevel.slice(0, this.levels);
    for (const u of nodes) {
      const l = level[u]!;
      this.levelNodes[fillL[l]!++] = u;
      const s = start[u]!;
      for (let i = 0; i < sizes[l]!; i++) {
        const at = fillP[kids[s + i]!]!++;
        this.parentEdge[at * 2] = u;
        this.parentEdge[at * 2 + 1] = i;
      }
    }
    this.rebuild();
  }

  /** Applies `masks` (only what changed since the last call) and returns the support. */
  update(masks: Masks): Support {
    const changes: number[] = [];
    for (let l = 0; l < this.levels; l++) {
      const m = masks[l];
      const a = this.allowed[l]!;
      for (let i = 0; i < a.length; i++) {
        const want = m === undefined || m[i] === 1 ? 1 : 0;
        if (want !== a[i]) changes.push(l, i);
      }
    }
    this.work = 0;
    const budget = (WORK_BUDGET * this.parentEdge.length) / 2;
    let c = 0;
    if (changes.length / 2 <= REBUILD_AFTER)
      for (; c < changes.length && this.work < budget; c += 2)
        this.flipAllowed(changes[c]!, changes[c + 1]!);
    if (c < changes.length) {
      // A click that changes most of the diagram: one full pass is cheaper than propagating.
      for (; c < changes.length; c += 2) {
        const a = this.allowed[changes[c]!]!;
        a[changes[c + 1]!] = a[changes[c + 1]!] === 1 ? 0 : 1;
      }
      this.rebuild();
    }
    return this.result();
  }

  /** The support as `support` gives it (a value can be supported even when `sat` is false). */
  private result(): Support {
    const { sizes, level } = this.mdd;
    const sat = this.root !== FALSE && (this.root === TRUE || this.down[this.root] === 1);
    const supported = sizes.map((s, l) => {
      const out = new Uint8Array(s);
      const e = this.edgeCount[l]!;
      for (let i = 0; i < s; i++) if (e[i]! > 0) out[i] = 1;
      return out;
    });
    // Levels above the root are free when it reaches TRUE; so are levels a live edge skips.
    const rootLevel = !sat ? 0 : this.root === TRUE ? this.levels : level[this.root]!;
    let run = 0;
    for (let l = 0; l < this.levels; l++) {
      run += this.skip[l]!;
      if (run > 0 || l < rootLevel) supported[l]!.fill(1);
    }
    return { sat, supported };
  }

  /** Every counter from scratch under the current `allowed` masks. */
  private rebuild(): void {
    const { level, start, kids, sizes } = this.mdd;
    const { nodes, down, up, downCount, upCount, allowed } = this;
    down.fill(0);
    up.fill(0);
    downCount.fill(0);
    upCount.fill(0);
    this.skip.fill(0);
    for (const e of this.edgeCount) e.fill(0);
    down[TRUE] = 1;
    for (let n = 0; n < nodes.length; n++) {
      const u = nodes[n]!;
      const l = level[u]!;
      const a = allowed[l]!;
      const s = start[u]!;
      let c = 0;
      for (let i = 0; i < sizes[l]!; i++) if (a[i] === 1 && down[kids[s + i]!] === 1) c++;
      downCount[u] = c;
      if (c > 0) down[u] = 1;
    }
    if (this.root <= TRUE) return;
    upCount[this.root] = 1;
    up[this.root] = 1;
    for (let n = nodes.length - 1; n >= 0; n--) {
      const u = nodes[n]!;
      if (up[u] === 0) continue;
      const l = level[u]!;
      const a = allowed[l]!;
      const s = start[u]!;
      const e = this.edgeCount[l]!;
      for (let i = 0; i < sizes[l]!; i++) {
        const k = kids[s + i]!;
        if (a[i] === 1) {
          upCount[k]!++;
          up[k] = 1;
        }
        if (down[k] === 1) {
          e[i]!++;
          if (a[i] === 1) this.skipEdge(l, k, 1);
        }
      }
    }
  }

  private skipEdge(l: number, k: number, delta: number): void {
    this.skip[l + 1]! += delta;
    this.skip[this.mdd.level[k]!]! -= delta;
  }

  /** Value `i` of level `l` flips between allowed and not. */
  private flipAllowed(l: number, i: number): void {
    const { start, kids } = this.mdd;
    const a = this.allowed[l]!;
    const on = a[i] === 0;
    a[i] = on ? 1 : 0;
    const delta = on ? 1 : -1;
    for (let p = this.levelStart[l]!; p < this.levelStart[l + 1]!; p++) {
      const u = this.levelNodes[p]!;
      const k = kids[start[u]! + i]!;
      if (this.down[k] === 1) this.addDown(u, delta);
      if (this.up[u] === 1) {
        this.addUp(k, delta);
        if (this.down[k] === 1) this.skipEdge(l, k, delta);
      }
    }
  }

  /** Adds `delta` to the allowed edges of `u` leading to "down" nodes; follows a flip of `u`. */
  private addDown(u: number, delta: number): void {
    const before = this.downCount[u]!;
    this.downCount[u] = before + delta;
    if (before > 0 === before + delta > 0) return;
    this.flipDown(u, before + delta > 0 ? 1 : -1);
  }

  private flipDown(k: number, delta: number): void {
    this.down[k] = delta > 0 ? 1 : 0;
    this.work += this.parentStart[k + 1]! - this.parentStart[k]!;
    const { level } = this.mdd;
    for (let p = this.parentStart[k]!; p < this.parentStart[k + 1]!; p++) {
      const u = this.parentEdge[p * 2]!;
      const i = this.parentEdge[p * 2 + 1]!;
      const l = level[u]!;
      const allowed = this.allowed[l]![i] === 1;
      if (this.up[u] === 1) {
        this.edgeCount[l]![i]! += delta;
        if (allowed) this.skipEdge(l, k, delta);
      }
      if (allowed) this.addDown(u, delta);
    }
  }

  /** Adds `delta` to the allowed edges into `k` from "up" nodes; follows a flip of `k`. */
  private addUp(k: number, delta: number): void {
    if (k <= TRUE) return;
    const before = this.upCount[k]!;
    this.upCount[k] = before + delta;
    if (before > 0 === before + delta > 0) return;
    this.flipUp(k, before + delta > 0 ? 1 : -1);
  }

  private flipUp(u: number, delta: number): void {
    this.up[u] = delta > 0 ? 1 : 0;
    const { level, start, kids, sizes } = this.mdd;
    const l = level[u]!;
    const a = this.allowed[l]!;
    const s = start[u]!;
    const e = this.edgeCount[l]!;
    this.work += sizes[l]!;
    for (let i = 0; i < sizes[l]!; i++) {
      const k = kids[s + i]!;
      if (this.down[k] === 1) {
        e[i]! += delta;
        if (a[i] === 1) this.skipEdge(l, k, delta);
      }
      if (a[i] === 1) this.addUp(k, delta);
    }
  }
}

/** One incremental valid-domains state per compiled model, made on first use. */
const live = new WeakMap<CompiledModel, IncrementalSupport>();

/**
 * The compiled model's shared `IncrementalSupport` (made on first use): `domains`, `complete`
 * and the rest call `update(masks)` on it, so nearby selections cost only their difference.
 *
 * @example
 * liveSupport(compiled).update(selectionMasks(compiled, { frame: 'steel' })).sat; // true
 */
export function liveSupport(compiled: CompiledModel): IncrementalSupport {
  let found = live.get(compiled);
  if (!found) {
    found = new IncrementalSupport(compiled.mdd, compiled.nodes, compiled.root);
    live.set(compiled, found);
  }
  return found;
}
