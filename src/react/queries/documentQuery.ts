import { queryOptions } from '@tanstack/react-query';
import { z } from '../../engine/zod.ts';
import { fetchJson, LoadError } from './fetchJson.ts';

/** A JSON document the widget hands on to a panel (pricing, an availability snapshot). */
export type JsonDocument = Record<string, unknown>;

const documentSchema = z.record(z.string(), z.unknown());

/** Which kind of document, for the query key and messages. */
export type DocumentKind = 'pricing' | 'availability';

/**
 * The react-query options for a pricing document or an availability snapshot at `url`. Only the
 * outer shape (a JSON object) is checked here; the price and promise panels parse the rest with
 * the engine's schemas. Availability refreshes every `refreshMs` and when the window regains focus.
 */
export function documentQuery(kind: DocumentKind, url: string, refreshMs?: number) {
  return queryOptions({
    queryKey: ['madeto', kind, url],
    queryFn: async ({ signal }): Promise<JsonDocument> => {
      const parsed = documentSchema.safeParse(await fetchJson(url, signal));
      if (!parsed.success) throw new LoadError(url, `the ${kind} document is not a JSON object`);
      return parsed.data;
    },
    staleTime: kind === 'availability' ? 0 : 5 * 60_000,
    refetchOnWindowFocus: kind === 'availability',
    ...(kind === 'availability' && refreshMs ? { refetchInterval: refreshMs } : {}),
  });
}
