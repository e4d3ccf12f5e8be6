import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { fetchPopularHints, type PopularHints } from './fetchPopularHints.ts';

const NONE: PopularHints = new Map();
const PopularContext = createContext<PopularHints>(NONE);

/** Provides a widget's popular values to its fields. */
export const PopularHintsProvider = PopularContext.Provider;

/** The value of `attributeId` buyers choose most, if the widget shows hints and one is known. */
export function usePopularValue(attributeId: string): string | undefined {
  return useContext(PopularContext).get(attributeId);
}

/**
 * The popular values of `productId` from `url` (fetched once per widget's QueryClient); none
 * while they load, if they fail, or without a URL (then nothing is requested: hints are off).
 */
export function usePopularHints(url: string | undefined, productId: string): PopularHints {
  return (
    useQuery({
      queryKey: ['madeto-popular', url, productId],
      queryFn: ({ signal }) => fetchPopularHints(url!, productId, signal),
      enabled: url !== undefined,
      staleTime: Infinity,
    }).data ?? NONE
  );
}
