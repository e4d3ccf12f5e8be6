import type { optimalCompletion } from '../../engine/index.ts';

/** The engine's exact completion by objective (`optimalCompletion`). */
export type OptimalCompletion = typeof optimalCompletion;

/**
 * Loads the exact "Cheapest" / "Fastest" search (branch and bound over the diagram, pricing each
 * candidate and promising its date) for the page's engine: a dynamic import here (Vite's dev
 * server and demo build); the embed's apps swap this module for
 * `src/embed/optimise/deferredOptimiser.ts`, which loads its own file
 * `madeto-optimise.<hash>.js` (`build.ts`). Rejects when it cannot be loaded.
 *
 * @example
 * const best = (await loadOptimiser())({ compiled, selection: {}, objective: 'cheapest', quantity: 1 });
 */
export const loadOptimiser = (): Promise<OptimalCompletion> =>
  import('./optimiser.ts').then((m) => m.optimalCompletion);
