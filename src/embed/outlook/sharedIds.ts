/**
 * The modules the shop app's value-extras file (`madeto-outlook.<hash>.js`) takes from the app
 * instead of bundling its own copy: the engine's price deltas and promise (the app prices and
 * promises with them anyway), the plant's day, the panels' line, clock and number formats, the
 * messages (one table, with the German one once loaded) and the Temporal shim. `build.ts` leaves
 * them out of the file; `outlookModules.ts` hands them over.
 */
export const OUTLOOK_SHARED_IDS = [
  'src/engine/pricing/optionDeltas.ts',
  'src/engine/leadtime/promise.ts',
  'src/core/outcomes.ts',
  'src/react/panels/panelEngine.ts',
  'src/react/panels/clock.ts',
  'src/react/i18n/format.ts',
  'src/react/i18n/messages.ts',
  'temporal-polyfill',
] as const;

/** One of `OUTLOOK_SHARED_IDS`. */
export type OutlookSharedId = (typeof OUTLOOK_SHARED_IDS)[number];
