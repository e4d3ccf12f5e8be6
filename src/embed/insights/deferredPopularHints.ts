import { insightsFile } from './insightsFile.ts';

// Type-only, so erased.
export type { PopularHints } from '../../react/insights/fetchPopularHints.ts';

/**
 * What the shop app has in place of `src/react/insights/fetchPopularHints.ts` (swapped in by
 * `build.ts`): the same fetch, whose code is in the insights file (`madeto-insights.<hash>.js`),
 * loaded first. Only a widget with hints on calls it.
 *
 * @example
 * const hints = await fetchPopularHints('https://shop.example/api/insights/popular', 'DESK');
 */
export const fetchPopularHints = (url: string, productId: string, signal?: AbortSignal) =>
  insightsFile.load().then((file) => file.fetchPopularHints(url, productId, signal));
