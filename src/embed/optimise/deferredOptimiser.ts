import type { OptimalCompletion } from '../../react/engine/loadOptimiser.ts';
import { functionFileLoader } from '../split/loadSplitFile.ts';
import { optimiseModules } from './optimiseModules.ts';

declare const __MADETO_OPTIMISE__: string | undefined;

/**
 * What the apps have in place of `src/react/engine/loadOptimiser.ts` (swapped in by `build.ts`):
 * the "Cheapest" / "Fastest" search from its own file, `madeto-optimise.<hash>.js` beside the app
 * (with the app's nonce), fetched as the buyer heads for those buttons or on the first press.
 * Rejects with the file's failure reason (the widget says the completion failed, with it); the
 * next call tries again.
 *
 * @example
 * const best = (await loadOptimiser())({ compiled, selection: {}, objective: 'fastest', quantity: 1 });
 */
export const loadOptimiser: () => Promise<OptimalCompletion> = functionFileLoader({
  // The optimiser file's content-hashed name (set by the apps' build; absent unbundled).
  file: typeof __MADETO_OPTIMISE__ === 'string' ? __MADETO_OPTIMISE__ : undefined,
  event: 'madeto-optimise',
  what: 'the cheapest / fastest search',
  modules: optimiseModules,
  name: 'optimalCompletion',
});
