/**
 * Splits `total` minor units over `weights` in proportion, by largest remainder: each part gets
 * the floor of its exact share, and the units left over go one each to the largest remainders —
 * on a tie, to the larger weight, then to the earlier part. The parts always add up to `total`
 * (a negative total is split as its magnitude and negated). All weights zero → all parts zero.
 *
 * @example
 * allocate(10000n, [100000n, 50000n, 50000n]); // [5000n, 2500n, 2500n]
 * allocate(100n, [1n, 1n, 1n]);                // [34n, 33n, 33n]
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) return allocate(-total, weights).map((p) => -p);
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, w, r: (total * w) % sum }));
  let left = total - parts.reduce((a, p) => a + p, 0n);
  remainders.sort((a, b) =>
    a.r !== b.r ? (b.r > a.r ? 1 : -1) : a.w !== b.w ? (b.w > a.w ? 1 : -1) : a.i - b.i,
  );
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
