/**
 * The SAT fallback as the page loads it (`loadSatFallback.ts`' dynamic import): its own chunk in
 * Vite's builds, away from the first load.
 */
export { satFallbackEngine } from '../../engine/index.ts';
