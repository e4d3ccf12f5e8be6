import { performance } from 'node:perf_hooks';

/**
 * Each of `runs` calls of `call` timed in milliseconds, after `warmups` calls that are not (the
 * JIT and the caches settle first).
 *
 * @example
 * distribution(timeCalls(200, 10, () => promise(request, context)), 3); // { median, p95, runs }
 */
export function timeCalls(runs: number, warmups: number, call: () => void): number[] {
  for (let i = 0; i < warmups; i++) call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    call();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Median and 95th percentile (nearest rank) of timings in milliseconds, to `digits` decimals. */
export function distribution(
  times: readonly number[],
  digits = 4,
): { median: number; p95: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number) => Number(x.toFixed(digits));
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: sorted.length };
}
