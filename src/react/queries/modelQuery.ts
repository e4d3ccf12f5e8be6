import { queryOptions } from '@tanstack/react-query';
import { parseModel } from '../../engine/index.ts';
import { fetchJson } from './fetchJson.ts';

/** The react-query options for one product model at `url`, validated by the engine's `parseModel`. */
export function modelQuery(url: string) {
  return queryOptions({
    queryKey: ['madeto', 'model', url],
    queryFn: async ({ signal }) => parseModel(await fetchJson(url, signal)),
    staleTime: 5 * 60_000,
  });
}
