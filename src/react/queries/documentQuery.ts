import { queryOptions } from '@tanstack/react-query';
import { z } from '../../engine/zod.ts';
import { LoadError } from './fetchJson.ts';

/** A JSON document the widget hands on to a panel (pricing, an availability snapshot). */
export type JsonDocument = Record<string, unknown>;

const documentSchema = z.record(z.string(), z.unknown());

/** Which kind of document, for the query key and messages. */
export type DocumentKind = 'pricing' | 'availability';

/**
 * The last answer per URL with its `ETag`: a refresh asks `If-None-Match`, and a 304 gives the
 * same document object back, so react-query keeps its data and nothing re-renders.
 */
const tagged = new Map<string, { etag: string; data: JsonDocument }>();

async function fetchDocument(kind: DocumentKind, url: string, signal: AbortSignal) {
  const known = tagged.get(url);
  const response = await fetch(url, {
    signal,
    ...(known && { headers: { 'if-none-match': known.etag } }),
  });
  if (response.status === 304 && known) return known.data;
  if (!response.ok) throw new LoadError(url, `HTTP ${response.status}`, response.status);
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new LoadError(url, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = documentSchema.safeParse(json);
  if (!parsed.success) throw new LoadError(url, `the ${kind} document is not a JSON object`);
  const etag = response.headers.get('etag');
  if (etag) tagged.set(url, { etag, data: parsed.data });
  else tagged.delete(url);
  return parsed.data;
}

/**
 * The react-query options for a pricing document or an availability snapshot at `url`. Only the
 * outer shape (a JSON object) is checked here; the price and promise panels parse the rest with
 * the engine's schemas. Availability refreshes every `refreshMs` (a conditional request with the
 * last `ETag`: unchanged availability costs a 304 and no re-render) and when the window regains
 * focus; a change the backend's feed received reaches an open widget without a reload.
 */
export function documentQuery(kind: DocumentKind, url: string, refreshMs?: number) {
  return queryOptions({
    queryKey: ['madeto', kind, url],
    queryFn: ({ signal }): Promise<JsonDocument> => fetchDocument(kind, url, signal),
    staleTime: kind === 'availability' ? 0 : 5 * 60_000,
    refetchOnWindowFocus: kind === 'availability',
    ...(kind === 'availability' && refreshMs ? { refetchInterval: refreshMs } : {}),
  });
}
