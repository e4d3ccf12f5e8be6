/**
 * Which value of each attribute buyers choose most (issue 20's "Popular with buyers"): attribute
 * id → value id, from the backend's `GET /api/insights/popular`. Empty below its minimum sample.
 */
export type PopularHints = ReadonlyMap<string, string>;

/**
 * Fetches the popular values of `productId` from `url` (the backend's `/api/insights/popular`)
 * and reads them; an answer of another shape rejects naming the JSON path. The answer holds no
 * counts: the backend names a value only once enough configurations chose it (see its docs).
 * In the shop app this code sits in the insights file (`madeto-insights.<hash>.js`).
 *
 * @example
 * const hints = await fetchPopularHints('https://shop.example/api/insights/popular', 'DESK');
 * hints.get('frame'); // 'steel'
 */
export async function fetchPopularHints(
  url: string,
  productId: string,
  signal?: AbortSignal,
): Promise<PopularHints> {
  const u = new URL(url);
  u.searchParams.set('productId', productId);
  const r = await fetch(u, { signal: signal ?? null, credentials: 'same-origin' });
  if (!r.ok) throw new Error(`${u.href}: HTTP ${r.status}`);
  const body = (await r.json()) as { popular?: unknown };
  if (!Array.isArray(body?.popular)) throw new Error(`${u.href}: $.popular is not a list`);
  const hints = new Map<string, string>();
  body.popular.forEach((p: { attributeId?: unknown; value?: unknown }, i) => {
    if (typeof p?.attributeId !== 'string' || typeof p.value !== 'string')
      throw new Error(`${u.href}: $.popular[${i}] needs attributeId and value (text)`);
    hints.set(p.attributeId, p.value);
  });
  return hints;
}
