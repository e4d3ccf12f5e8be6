import type { createValueExtras } from '../../react/panels/valueExtras.ts';
import { functionFileLoader } from '../split/loadSplitFile.ts';
import { outlookModules } from './outlookModules.ts';

declare const __MADETO_OUTLOOK__: string | undefined;

/**
 * What the shop app has in place of `src/react/panels/loadValueExtras.ts` (swapped in by
 * `build.ts`): `createValueExtras` from its own file, `madeto-outlook.<hash>.js` beside the app
 * (with the app's nonce), fetched once the widget has rendered (its idle work waits for it).
 * Rejects with the file's failure reason; the next call tries again.
 *
 * @example
 * const extras = (await loadValueExtras())();
 */
export const loadValueExtras: () => Promise<typeof createValueExtras> = functionFileLoader({
  // The file's content-hashed name (set by the shop app's build; absent unbundled).
  file: typeof __MADETO_OUTLOOK__ === 'string' ? __MADETO_OUTLOOK__ : undefined,
  event: 'madeto-outlook',
  what: 'the price deltas and availability badges',
  modules: outlookModules,
  name: 'createValueExtras',
});
