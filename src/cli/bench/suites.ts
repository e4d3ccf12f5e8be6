/**
 * The benchmark suites of `madeto bench --all` (`npm run bench`). Each area (solver, pricing, lead
 * time, …) adds one entry; a suite measures and returns figures, the command prints them as a
 * table and as one JSON line each.
 */

/** One measured figure. Timings are in milliseconds; `target` says what the issue asks for. */
export interface BenchFigure {
  name: string;
  unit: string;
  /** A single measurement (a count, a size, a time) when there is no distribution. */
  value?: number | string;
  median?: number;
  p95?: number;
  /** How many measurements the median and p95 come from. */
  runs?: number;
  /** The target, in words (`≤ 1 ms median`). */
  target?: string;
  /** Whether the figure meets its target. */
  meets?: boolean;
  note?: string;
}

/** What a suite gets: the repository root and the shared benchmark folder (undefined: absent). */
export interface BenchContext {
  root: string;
  benchmarks: string | undefined;
  /** Progress messages (stderr), so stdout stays the report. */
  log: (message: string) => void;
}

/** A named benchmark suite. */
export interface BenchSuite {
  name: string;
  run: (context: BenchContext) => Promise<BenchFigure[]>;
}

/** Every suite, in the order `bench --all` runs them. */
export const suites: BenchSuite[] = [
  {
    name: 'solver',
    run: async (context) => (await import('./solverSuite.ts')).runSolverSuite(context),
  },
  {
    name: 'promise',
    run: async (context) => (await import('./promise.ts')).run({ root: context.root }),
  },
  { name: 'holds', run: async (context) => (await import('./holds.ts')).runHoldsSuite(context) },
  { name: 'orders', run: async (context) => (await import('./orders.ts')).runOrdersSuite(context) },
  {
    name: 'insights',
    run: async (context) => (await import('./insights.ts')).runInsightsSuite(context),
  },
  {
    name: 'embed',
    run: async (context) => (await import('./embedLoad.ts')).runEmbedSuite(context),
  },
];
