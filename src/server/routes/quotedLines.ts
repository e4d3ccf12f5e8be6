import {
  canonicalJson,
  sha256Hex,
  type EventValue,
  type InsightEvent,
  type ProductModel,
} from '../../engine/index.ts';
import type { InsightStore } from '../db/insightStore.ts';
import type { StoredQuoteRevision } from '../db/quoteRevisionStore.ts';

/** Keeps `A-Za-z0-9_-` (what an event's session and batch ids may hold), at most 64. */
const opaque = (text: string) => text.replace(/[^\w-]/g, '-').slice(0, 64);

/**
 * The session a rep quote's line counts "quoted" under: its quote number, line id and product,
 * the same on every revision, so the line counts once (a stage counts once per session).
 *
 * @example
 * quoteLineSession('RQ-2026-000001', { lineId: 'L1', productId: 'DESK' }) // 'q_RQ-2026-000001_L1_DESK'
 */
export function quoteLineSession(
  number: string,
  line: { lineId: string; productId: string },
): string {
  return opaque(`q_${number}_${line.lineId}_${line.productId}`);
}

/**
 * Counts a saved rep quote revision in the insights as the rep channel's "quoted", one session
 * per line (`quoteLineSession`): every line, whether or not a rep configured it in the editor (a
 * duplicated line, a reopened quote's other lines, a quote a machine client posted), once however
 * often the quote is revised (a line given another product is another line). The selection is
 * reported without text attributes (free text may be personal); a line of a product the
 * catalogue no longer has is left out. Stored as one batch per revision, so a retried save
 * stores it once.
 *
 * @example
 * await recordQuotedLines(insightStore, models, storedRevision);
 */
export async function recordQuotedLines(
  store: InsightStore,
  models: ReadonlyMap<string, ProductModel>,
  r: StoredQuoteRevision,
): Promise<void> {
  await recordLines(
    store,
    models,
    r,
    ['quoteRequested'],
    r.createdAt,
    `rq_${r.number}_r${r.revision}`,
  );
}

/**
 * Counts an accepted rep quote's lines as the rep channel's "ordered", under the sessions they
 * were "quoted" in (`quoteLineSession`): the funnel's last step for quotes a customer accepted.
 * Each line is "quoted" in the same batch, which counts only where it was not already: a quote
 * converted from a buyer's request and accepted unchanged was never counted as the rep's, and
 * the rep funnel never has more ordered than quoted. One batch per quote (a quote is accepted
 * once; a repeated accept stores nothing more).
 *
 * @example
 * await recordOrderedLines(insightStore, models, acceptedRevision, placed.createdAt);
 */
export async function recordOrderedLines(
  store: InsightStore,
  models: ReadonlyMap<string, ProductModel>,
  r: StoredQuoteRevision,
  at: string,
): Promise<void> {
  await recordLines(store, models, r, ['quoteRequested', 'ordered'], at, `ro_${r.number}`);
}

/** Per line of `r` whose product the catalogue has, one event of each of `types`, as one batch. */
async function recordLines(
  store: InsightStore,
  models: ReadonlyMap<string, ProductModel>,
  r: StoredQuoteRevision,
  types: readonly ('quoteRequested' | 'ordered')[],
  at: string,
  batchId: string,
): Promise<void> {
  const events: InsightEvent[] = [];
  for (const line of r.quote.lines) {
    const model = models.get(line.productId);
    if (!model) continue;
    const text = new Set(model.attributes.filter((a) => a.type === 'text').map((a) => a.id));
    const selection: Record<string, EventValue> = {};
    for (const [id, v] of Object.entries(line.selection))
      if (v !== undefined && !text.has(id))
        selection[id] = (Array.isArray(v) ? [...v] : v) as EventValue;
    for (const type of types)
      events.push({
        type,
        at,
        session: quoteLineSession(r.number, line),
        productId: line.productId,
        channel: 'rep',
        selection,
      });
  }
  if (events.length === 0) return;
  await store.storeBatch(opaque(batchId), `sha256:${sha256Hex(canonicalJson(events))}`, events, at);
}
