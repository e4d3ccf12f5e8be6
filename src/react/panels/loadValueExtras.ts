import { createValueExtras } from './valueExtras.ts';

/**
 * Loads `createValueExtras` (the per-value price deltas and availability badges, with the core's
 * `valueOutlook`): here it is bundled; the shop app swaps this module for
 * `src/embed/outlook/deferredValueExtras.ts`, which loads its own file `madeto-outlook.<hash>.js`
 * (`build.ts`) once the widget has rendered, since the extras are computed in idle time anyway.
 * Rejects when it cannot be loaded.
 *
 * @example
 * const extras = (await loadValueExtras())();
 */
export const loadValueExtras = (): Promise<typeof createValueExtras> =>
  Promise.resolve(createValueExtras);
