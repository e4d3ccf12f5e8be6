/**
 * The "Cheapest" / "Fastest" search as the page loads it (`loadOptimiser.ts`' dynamic import): its
 * own chunk in Vite's builds, away from the first load.
 */
export { optimalCompletion } from '../../engine/index.ts';
