import type { ConfiguratorEngine, ProductModel } from '../../engine/index.ts';

/** The SAT fallback's engine of a model (`satFallbackEngine`). */
export type SatFallback = (model: ProductModel) => ConfiguratorEngine;

/**
 * Loads the SAT fallback (the CDCL solver and its queries) for the page path of a model whose
 * diagram passes the node limit: a dynamic import here (Vite's dev server and demo build); the
 * embed's apps swap this module for `src/embed/sat/deferredSatFallback.ts`, which loads the
 * fallback's own file `madeto-sat.<hash>.js` (`build.ts`). Rejects when it cannot be loaded.
 *
 * @example
 * const engine = (await loadSatFallback())(model);
 */
export const loadSatFallback = (): Promise<SatFallback> =>
  import('./satFallback.ts').then((m) => m.satFallbackEngine);
