/**
 * The modules the shop app's insights file (`madeto-insights.<hash>.js`) takes from the app instead
 * of bundling its own copy: the engine's calendar days (`dayOf`, in the app anyway). `build.ts`
 * leaves them out of the file; `deferredInsightReporter.ts` hands them over.
 */
export const INSIGHTS_SHARED_IDS = ['src/engine/leadtime/time.ts'] as const;

/** One of `INSIGHTS_SHARED_IDS`. */
export type InsightsSharedId = (typeof INSIGHTS_SHARED_IDS)[number];
