import type { InsightReporter, InsightReporterOptions } from '../../core/index.ts';
import { dayOf } from '../../engine/index.ts';
import type { PopularHints } from '../../react/insights/fetchPopularHints.ts';
import { splitFileLoader } from '../split/loadSplitFile.ts';
import type { InsightsSharedId } from './sharedIds.ts';

declare const __MADETO_INSIGHTS__: string | undefined;

/** What the shop app takes from its insights file (`insightsEntry.ts`). */
export interface InsightsFile {
  createInsightReporter: (options: InsightReporterOptions) => InsightReporter;
  fetchPopularHints: (
    url: string,
    productId: string,
    signal?: AbortSignal,
  ) => Promise<PopularHints>;
}

const modules: Readonly<Record<InsightsSharedId, object>> = {
  'src/engine/leadtime/time.ts': { dayOf },
};

/**
 * The shop app's insights file, `madeto-insights.<hash>.js` (the event reporter and the popular
 * values' fetch), loaded once per page by whichever needs it first.
 */
export const insightsFile = splitFileLoader<InsightsFile>({
  // The insights file's content-hashed name (set by the shop app's build; absent unbundled).
  file: typeof __MADETO_INSIGHTS__ === 'string' ? __MADETO_INSIGHTS__ : undefined,
  event: 'madeto-insights',
  what: 'the insights file',
  modules,
  pick: (exports) =>
    typeof exports.fetchPopularHints === 'function'
      ? (exports as unknown as InsightsFile)
      : undefined,
});
