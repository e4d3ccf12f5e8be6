/**
 * The VSIDS order of a CDCL solver: per variable an activity, and a binary max-heap of the
 * variables not yet assigned, most active on top. `bump` raises a variable's activity by the
 * current increment (rescaling all of them past 1e100); `decay` grows the increment so recent
 * conflicts weigh more.
 *
 * @example
 * const heap = new ActivityHeap();
 * heap.grow(2); heap.insert(0); heap.insert(1);
 * heap.bump(1);
 * heap.pop(); // 1
 */
export class ActivityHeap {
  private activity = new Float64Array(0);
  private index = new Int32Array(0);
  private heap: number[] = [];
  private inc = 1;
  private vars = 0;

  /** Makes room for `size` variables (activities kept). */
  grow(size: number): void {
    if (size <= this.activity.length) return;
    const activity = new Float64Array(size);
    activity.set(this.activity);
    const index = new Int32Array(size).fill(-1);
    index.set(this.index);
    this.activity = activity;
    this.index = index;
    this.vars = Math.max(this.vars, size);
  }

  /** Whether no variable is in the heap. */
  get empty(): boolean {
    return this.heap.length === 0;
  }

  /** Whether `v` is in the heap. */
  contains(v: number): boolean {
    return this.index[v]! >= 0;
  }

  /** Adds `v` (a no-op when it is there). */
  insert(v: number): void {
    if (this.index[v]! >= 0) return;
    this.index[v] = this.heap.length;
    this.heap.push(v);
    this.up(this.heap.length - 1);
  }

  /** Raises the activity of `v` by the current increment. */
  bump(v: number): void {
    if ((this.activity[v]! += this.inc) > 1e100) {
      for (let u = 0; u < this.vars; u++) this.activity[u]! *= 1e-100;
      this.inc *= 1e-100;
    }
    const i = this.index[v]!;
    if (i >= 0) this.up(i);
  }

  /** Makes later bumps weigh more (VSIDS decay by `factor`). */
  decay(factor: number): void {
    this.inc /= factor;
  }

  /** Removes and returns the most active variable (the heap must not be empty). */
  pop(): number {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    this.index[top] = -1;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const child = r < h.length && this.less(h[r]!, h[l]!) ? r : l;
        if (!this.less(h[child]!, last)) break;
        h[i] = h[child]!;
        this.index[h[i]!] = i;
        i = child;
      }
      h[i] = last;
      this.index[last] = i;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.activity[a]! > this.activity[b]!;
  }

  private up(i: number): void {
    const h = this.heap;
    const v = h[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(v, h[parent]!)) break;
      h[i] = h[parent]!;
      this.index[h[i]!] = i;
      i = parent;
    }
    h[i] = v;
    this.index[v] = i;
  }
}
