/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. The engine
 * has no `Math.random`; Monte Carlo, benchmarks and tests take a seed and use this.
 *
 * @example
 * const random = seededRandom(42); random(); // 0.6011037519201636, always
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy of `items` (Fisher–Yates with `random`). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Up to `n` items of `items`, chosen at random, in their original order. */
export function sample<T>(items: readonly T[], n: number, random: () => number): T[] {
  if (items.length <= n) return [...items];
  const picked = new Set(
    shuffled(
      items.map((_, i) => i),
      random,
    ).slice(0, n),
  );
  return items.filter((_, i) => picked.has(i));
}
