import { sql, type Compilable, type Kysely, type Migration } from 'kysely';
import {
  quoteState,
  type OrderPayload,
  type pipelineItemWire,
  type QuotedFigures,
  type RepQuote,
} from '../../engine/index.ts';
import type { z } from '../../engine/zod.ts';

/** One row of `pipeline_entries` (migration 0009): a request, rep quote or order, as listed. */
interface PipelineEntriesTable {
  number: string;
  kind: string;
  /** A rep quote's latest revision (null otherwise). */
  revision: number | null;
  /**
   * A rep quote's state without the clock (never `expired`: that follows `valid_until` at read
   * time), a request's `new`/`converted`; null for an order.
   */
  state: string | null;
  valid_until: string | null;
  customer_name: string;
  customer_email: string;
  /** Lower-case number, customer name, e-mail, company and product ids: what `?q=` searches. */
  search: string;
  /** `|DESK|BIKE|`: the product ids, for a search by product name (names are the catalogue's). */
  product_ids: string;
  /** The pipeline item (`pipelineItemWire`) as stored, product names left to the reader. */
  item: string;
  received_at: string;
  updated_at: string;
}

/** The tables the index is made from (read inside the writer's transaction). */
interface SourceTables {
  pipeline_entries: PipelineEntriesTable;
  submissions: { number: string | null; kind: string; payload: string; created_at: string };
  quote_revisions: {
    number: string;
    revision: number;
    quote: string;
    figures: string;
    created_at: string;
    created_by: string | null;
    created_by_role: string | null;
  };
  quote_approvals: { number: string; revision: number };
  quote_events: {
    number: string;
    revision: number;
    kind: string;
    at: string;
    detail: string | null;
  };
  quote_conversions: { request_number: string; quote_number: string };
}

/** The tables of the pipeline index. */
export type PipelineTables = { pipeline_entries: PipelineEntriesTable };

/** A pipeline item as stored: each product without its display name. */
export type StoredPipelineItem = z.input<typeof pipelineItemWire>;

type Trx = Kysely<SourceTables>;

const customerOf = (c: { name: string; email: string; company?: string | undefined }) => ({
  name: c.name,
  email: c.email,
  ...(c.company !== undefined && { company: c.company }),
});

const productsOf = (lines: readonly { productId: string; quantity: number }[]) =>
  lines.map((l) => ({ productId: l.productId, name: l.productId, quantity: l.quantity }));

/** The entry of one number from the source tables, or undefined when it is not listed. */
async function entryOf(trx: Trx, number: string): Promise<PipelineEntriesTable | undefined> {
  if (number.startsWith('RQ-')) return repQuoteEntry(trx, number);
  const s = await trx
    .selectFrom('submissions')
    .select(['kind', 'payload', 'created_at'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!s || (s.kind !== 'quote-request' && s.kind !== 'order')) return undefined;
  const p = JSON.parse(s.payload) as OrderPayload;
  let linked: string | null;
  if (s.kind === 'order') {
    const accepted = await trx
      .selectFrom('quote_events')
      .select('number')
      .where('kind', '=', 'accepted')
      .where('detail', '=', number)
      .executeTakeFirst();
    linked = accepted?.number ?? null;
  } else {
    const to = await trx
      .selectFrom('quote_conversions')
      .select('quote_number')
      .where('request_number', '=', number)
      .executeTakeFirst();
    linked = to?.quote_number ?? null;
  }
  return submissionEntry(number, s.kind, p, s.created_at, linked);
}

/**
 * The entry of an order (`linked`: the rep quote it accepted) or a buyer request (`linked`: the
 * rep quote it was converted to).
 */
function submissionEntry(
  number: string,
  kind: 'order' | 'quote-request',
  p: OrderPayload,
  createdAt: string,
  linked: string | null,
): PipelineEntriesTable {
  const common = {
    number,
    customer: customerOf(p.customer),
    products: productsOf(p.lines),
    total: p.totals.total,
    currency: p.totals.currency,
    receivedAt: createdAt,
    updatedAt: createdAt,
  };
  const item: StoredPipelineItem =
    kind === 'order'
      ? { kind: 'order', fromQuote: linked, ...common }
      : {
          kind: 'quote-request',
          state: linked === null ? 'new' : 'converted',
          convertedTo: linked,
          ...common,
        };
  return row(item, null);
}

/**
 * The pipeline entry's insert for a submission written in this transaction under a new number
 * (`refreshPipeline` without reading it back): no rep quote can have accepted it nor a request of
 * it be converted yet, since both name a number only once its submission is committed. Undefined
 * for a kind the pipeline does not list (a rep's quote payload).
 */
export function newSubmissionEntry(
  trx: Kysely<never>,
  submission: { number: string; kind: string; payload: OrderPayload; createdAt: string },
): Compilable | undefined {
  const { number, kind, payload, createdAt } = submission;
  if (kind !== 'quote-request' && kind !== 'order') return undefined;
  const entry = submissionEntry(number, kind, payload, createdAt, null);
  const { number: _, ...rest } = entry;
  return (trx as unknown as Trx)
    .insertInto('pipeline_entries')
    .values(entry)
    .onConflict((oc) => oc.column('number').doUpdateSet(rest));
}

async function repQuoteEntry(trx: Trx, number: string): Promise<PipelineEntriesTable | undefined> {
  const revisions = await trx
    .selectFrom('quote_revisions')
    .selectAll()
    .where('number', '=', number)
    .orderBy('revision', 'asc')
    .execute();
  const latest = revisions.at(-1);
  if (!latest) return undefined;
  const revision = Number(latest.revision);
  const quote = JSON.parse(latest.quote) as RepQuote;
  const figures = JSON.parse(latest.figures) as QuotedFigures;
  const [approved, events, from] = await Promise.all([
    trx
      .selectFrom('quote_approvals')
      .select('number')
      .where('number', '=', number)
      .where('revision', '=', revision)
      .executeTakeFirst(),
    trx.selectFrom('quote_events').selectAll().where('number', '=', number).orderBy('at').execute(),
    trx
      .selectFrom('quote_conversions')
      .select('request_number')
      .where('quote_number', '=', number)
      .executeTakeFirst(),
  ]);
  const last = (kind: string) => events.filter((e) => e.kind === kind).at(-1);
  const approval = !figures.approvalRequired ? 'not-needed' : approved ? 'approved' : 'required';
  const rev = (kind: string) => {
    const e = last(kind);
    return e === undefined ? undefined : Number(e.revision);
  };
  // The state without the clock: `expired` is decided when the pipeline is read.
  const state = quoteState(
    {
      revision,
      validUntil: quote.validUntil,
      approval,
      sentRevision: rev('sent'),
      viewedRevision: rev('viewed'),
      acceptedRevision: rev('accepted'),
      lost: events.some((e) => e.kind === 'lost'),
    },
    '',
  );
  const item: StoredPipelineItem = {
    kind: 'rep-quote',
    number,
    revision,
    state,
    approvalStatus: approval,
    convertedFrom: from?.request_number ?? null,
    order: last('accepted')?.detail ?? null,
    customer: customerOf(quote.customer),
    products: productsOf(quote.lines),
    total: figures.totals.total,
    currency: figures.currency,
    validUntil: quote.validUntil,
    createdBy:
      latest.created_by === null
        ? null
        : {
            name: latest.created_by,
            role: (latest.created_by_role ?? 'rep') as 'rep' | 'manager' | 'admin',
          },
    receivedAt: revisions[0]!.created_at,
    updatedAt: [latest.created_at, ...events.map((e) => e.at)].sort().at(-1)!,
  };
  return row(item, quote.validUntil);
}

function row(item: StoredPipelineItem, validUntil: string | null): PipelineEntriesTable {
  const ids = item.products.map((p) => p.productId);
  return {
    number: item.number,
    kind: item.kind,
    revision: item.kind === 'rep-quote' ? item.revision : null,
    state: 'state' in item ? item.state : null,
    valid_until: validUntil,
    customer_name: item.customer.name,
    customer_email: item.customer.email,
    search: [
      item.number,
      item.customer.name,
      item.customer.email,
      item.customer.company ?? '',
      ...ids,
    ]
      .join('\n')
      .toLowerCase(),
    product_ids: `|${[...new Set(ids)].join('|')}|`,
    item: JSON.stringify(item),
    received_at: item.receivedAt,
    updated_at: item.updatedAt,
  };
}

/**
 * Brings the pipeline entries of `numbers` in step with the source tables (revisions, approvals,
 * events, conversions, submissions), inside the writer's transaction `trx`: every write that
 * changes what the pipeline shows calls it with the numbers it touched (a rep quote and the
 * request it came from, an order and the quote it accepted).
 */
export async function refreshPipeline(
  trx: Kysely<never>,
  numbers: readonly (string | null | undefined)[],
): Promise<void> {
  const db = trx as unknown as Trx;
  for (const number of new Set(numbers)) {
    if (!number) continue;
    const entry = await entryOf(db, number);
    if (!entry) continue;
    const { number: _, ...rest } = entry;
    await db
      .insertInto('pipeline_entries')
      .values(entry)
      .onConflict((oc) => oc.column('number').doUpdateSet(rest))
      .execute();
  }
}

/**
 * Migration `0009-pipeline-entries`: the pipeline's index (`pipeline_entries`, one row per buyer
 * request, rep quote and order, kept in step by every write in its own transaction), with indexes
 * for its order (newest first), its filters (kind, state) and expiry (`valid_until`), filled from
 * what is stored.
 */
export const pipelineEntriesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('pipeline_entries')
      .addColumn('number', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer')
      .addColumn('state', 'text')
      .addColumn('valid_until', 'text')
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('customer_email', 'text', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .addColumn('product_ids', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    const index = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('pipeline_entries').columns(columns).execute();
    await index('pipeline_entries_updated', ['updated_at', 'number']);
    await index('pipeline_entries_kind_updated', ['kind', 'updated_at', 'number']);
    await index('pipeline_entries_state_updated', ['state', 'updated_at', 'number']);
    await index('pipeline_entries_valid_until', ['valid_until']);
    await index('pipeline_entries_customer_email', ['customer_email']);
    // Backfill: every stored request, order and rep quote.
    const src = db as unknown as Trx;
    const submissions = await src
      .selectFrom('submissions')
      .select('number')
      .where('kind', 'in', ['quote-request', 'order'])
      .execute();
    const quotes = await src.selectFrom('quote_revisions').select('number').distinct().execute();
    await refreshPipeline(db as never, [
      ...submissions.map((s) => s.number),
      ...quotes.map((q) => q.number),
    ]);
  },
};

/** What `GET /api/pipeline` asks the index for. */
export interface PipelineQueryInput {
  /** The search text (any case); empty: everything. */
  q: string;
  /** Product ids whose catalogue name matches `q` (searched besides the stored text). */
  productIds: readonly string[];
  kind?: string | undefined;
  state?: string | undefined;
  page: number;
  pageSize: number;
  /** Today (YYYY-MM-DD): a rep quote past its validity is `expired`. */
  today: string;
}

/**
 * One page of the pipeline from its index, in SQL: filtered by kind and state (a rep quote's
 * expiry decided against `today`), searched case-insensitively, newest first, with the count of
 * all that match. Items carry product ids as names (the reader names them).
 */
export async function pipelinePage(
  kysely: Kysely<never>,
  query: PipelineQueryInput,
): Promise<{ items: StoredPipelineItem[]; total: number }> {
  const db = kysely as unknown as Kysely<PipelineTables>;
  const effectiveState = sql<string>`case when kind = 'rep-quote' and state not in ('accepted', 'lost') and valid_until < ${query.today} then 'expired' else state end`;
  const like = (text: string) =>
    sql`${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
  let base = db.selectFrom('pipeline_entries');
  if (query.kind !== undefined) base = base.where('kind', '=', query.kind);
  if (query.state !== undefined) base = base.where(effectiveState, '=', query.state);
  if (query.q !== '')
    base = base.where((eb) =>
      eb.or([
        eb(sql`search`, 'like', like(query.q.toLowerCase())),
        ...query.productIds.map((id) => eb(sql`product_ids`, 'like', like(`|${id}|`))),
      ]),
    );
  const [rows, count] = await Promise.all([
    base
      .select(['item', effectiveState.as('effective_state')])
      .orderBy('updated_at', 'desc')
      .orderBy('number', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((r) => {
    const item = JSON.parse(r.item) as StoredPipelineItem;
    return item.kind === 'rep-quote'
      ? { ...item, state: r.effective_state as typeof item.state }
      : item;
  });
  return { items, total: Number(count.n) };
}
