import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared benchmark folder: `$MADETO_BENCHMARKS`, else `../shared/benchmarks` next to the repo.
 * Undefined (with a console message naming the path) when it is absent, so suites can skip.
 */
export function benchmarksDir(suite: string): string | undefined {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const dir = process.env['MADETO_BENCHMARKS'] ?? join(root, '..', 'shared', 'benchmarks');
  if (existsSync(dir)) return dir;
  console.warn(`${suite}: skipped, no benchmark folder at ${dir} (set MADETO_BENCHMARKS)`);
  return undefined;
}

/** Reads a benchmark file as text. */
export function readBenchmark(dir: string, ...parts: string[]): string {
  return readFileSync(join(dir, ...parts), 'utf8');
}
