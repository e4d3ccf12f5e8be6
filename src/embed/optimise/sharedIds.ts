/**
 * The modules the apps' optimiser file (`madeto-optimise.<hash>.js`) takes from the app instead of
 * bundling its own copy: the engine's `SolverError` (the widget tests its class and code),
 * `temporal-polyfill` (in the apps the shim over the browser's `Temporal`, so dates made by the
 * app and by the file are the same kind) and `big.js` (money: one `Big` class on both sides). The
 * pricing, lead-time and solver code the search runs, and the zod its schemas use, are bundled in
 * the file (the app keeps its own). `build.ts` leaves the shared ones out of the file;
 * `optimiseModules.ts` hands them over.
 */
export const OPTIMISE_SHARED_IDS = [
  'src/engine/solver/SolverError.ts',
  'temporal-polyfill',
  'big.js',
] as const;

/** One of `OPTIMISE_SHARED_IDS`. */
export type OptimiseSharedId = (typeof OPTIMISE_SHARED_IDS)[number];
