import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { fetchPopularHints, type PopularHints } from './fetchPopularHints.ts';

const NONE: PopularHints = new Map();
/** The widget's popular values; `undefined` when the shop shows no hints. */
const PopularContext = createContext<PopularHints | undefined>(undefined);

/** Provides a widget's popular values to its fields (`undefined`: hints are off). */
export const PopularHintsProvider = PopularContext.Provider;

/** The value of `attributeId` buyers choose most, if the widget shows hints and one is known. */
export function usePopularValue(attributeId: string): string | undefined {
  return useContext(PopularContext)?.get(attributeId);
}

/**
 * Whether `valueKey` of `attributeId` is the popular one: `'off'` when the shop shows no hints
 * (known at the first paint), else `'popular'` or `'other'` (also while the hints load).
 */
export function usePopularState(
  attributeId: string,
  valueKey: string,
): 'off' | 'popular' | 'other' {
  const hints = useContext(PopularContext);
  if (!hints) return 'off';
  return hints.get(attributeId) === valueKey ? 'popular' : 'other';
}

/**
 * The popular values of `productId` from `url` (fetched once per widget's QueryClient); none
 * while they load or if they fail; `undefined` without a URL (then nothing is requested: hints
 * are off).
 */
export function usePopularHints(
  url: string | undefined,
  productId: string,
): PopularHints | undefined {
  const data = useQuery({
    queryKey: ['madeto-popular', url, productId],
    queryFn: ({ signal }) => fetchPopularHints(url!, productId, signal),
    enabled: url !== undefined,
    staleTime: Infinity,
  }).data;
  return url === undefined ? undefined : (data ?? NONE);
}
