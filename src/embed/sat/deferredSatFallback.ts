import type { SatFallback } from '../../react/engine/loadSatFallback.ts';
import { functionFileLoader } from '../split/loadSplitFile.ts';
import { satModules } from './satModules.ts';

declare const __MADETO_SAT__: string | undefined;

/**
 * What the apps have in place of `src/react/engine/loadSatFallback.ts` (swapped in by
 * `build.ts`): the SAT fallback from its own file, `madeto-sat.<hash>.js` beside the app, fetched
 * (with the app's nonce) only when a model on the page passes the diagram's node limit. Rejects
 * with the file's failure reason (the widget's error state); the next call tries again.
 *
 * @example
 * const engine = (await loadSatFallback())(model);
 */
export const loadSatFallback: () => Promise<SatFallback> = functionFileLoader({
  // The fallback file's content-hashed name (set by the apps' build; absent unbundled).
  file: typeof __MADETO_SAT__ === 'string' ? __MADETO_SAT__ : undefined,
  event: 'madeto-sat',
  what: 'the SAT fallback',
  modules: satModules,
  name: 'satFallbackEngine',
});
