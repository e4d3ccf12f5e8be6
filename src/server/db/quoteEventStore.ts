import type { Kysely } from 'kysely';
import type { Db } from './createDb.ts';
import { refreshPipeline } from './pipelineIndex.ts';

/** The table `quote_events` (migration 0008). */
interface QuoteEventsTable {
  number: string;
  revision: number;
  kind: string;
  at: string;
  detail: string | null;
}

/** The table `quote_conversions` (migration 0008). */
interface QuoteConversionsTable {
  request_number: string;
  quote_number: string;
  created_at: string;
}

/** The tables of this store. */
export type QuoteEventTables = {
  quote_events: QuoteEventsTable;
  quote_conversions: QuoteConversionsTable;
};

/** What happens to a quote revision: e-mailed, opened by the customer, accepted, marked lost. */
export type QuoteEventKind = 'sent' | 'viewed' | 'accepted' | 'lost';

/** One recorded event (the first of its kind for a revision). */
export interface QuoteEventRow {
  number: string;
  revision: number;
  kind: QuoteEventKind;
  at: string;
  /** The address it was sent to, the order number an acceptance placed. */
  detail: string | null;
}

/**
 * What happened to rep quotes (sent, viewed, accepted, lost; the first of each kind per revision
 * is kept) and which buyer request each was converted from (Kysely, SQLite and PostgreSQL).
 */
export class QuoteEventStore {
  private readonly kysely: Kysely<QuoteEventTables>;
  constructor(db: Db) {
    this.kysely = db.kysely.withTables<QuoteEventTables>() as never;
  }

  /**
   * Records an event; a repeat of the same kind for the same revision keeps the first. The
   * pipeline's entries of the quote (and of the order an acceptance placed) follow in the same
   * transaction.
   */
  async record(event: QuoteEventRow): Promise<void> {
    await this.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('quote_events')
        .values(event)
        .onConflict((oc) => oc.columns(['number', 'revision', 'kind']).doNothing())
        .execute();
      await refreshPipeline(trx as never, [
        event.number,
        event.kind === 'accepted' ? event.detail : null,
      ]);
    });
  }

  /** Every event of the given quotes (all quotes when `numbers` is absent), oldest first. */
  async of(numbers?: readonly string[]): Promise<QuoteEventRow[]> {
    if (numbers && numbers.length === 0) return [];
    let q = this.kysely.selectFrom('quote_events').selectAll();
    if (numbers) q = q.where('number', 'in', [...numbers]);
    const rows = await q.orderBy('at').execute();
    return rows.map((r) => ({
      ...r,
      revision: Number(r.revision),
      kind: r.kind as QuoteEventKind,
    }));
  }

  /** Every conversion: buyer request number → rep quote number. */
  async conversions(): Promise<Map<string, string>> {
    const rows = await this.kysely.selectFrom('quote_conversions').selectAll().execute();
    return new Map(rows.map((r) => [r.request_number, r.quote_number] as const));
  }

  /** The buyer request quote `quoteNumber` was converted from (null: none). */
  async convertedFrom(quoteNumber: string): Promise<string | null> {
    const row = await this.kysely
      .selectFrom('quote_conversions')
      .select('request_number')
      .where('quote_number', '=', quoteNumber)
      .executeTakeFirst();
    return row?.request_number ?? null;
  }

  /** The rep quote buyer request `requestNumber` was converted to (null: none). */
  async convertedTo(requestNumber: string): Promise<string | null> {
    const row = await this.kysely
      .selectFrom('quote_conversions')
      .select('quote_number')
      .where('request_number', '=', requestNumber)
      .executeTakeFirst();
    return row?.quote_number ?? null;
  }
}
