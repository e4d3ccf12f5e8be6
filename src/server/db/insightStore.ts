import { sql, type Kysely } from 'kysely';
import {
  aggregateDaily,
  isoWeek,
  weekStart,
  utcDay,
  type AggregateKind,
  type AggregateRow,
  type Channel,
  type InsightEvent,
  type InsightFilter,
} from '../../engine/index.ts';
import type { Db } from './createDb.ts';

/** The tables of migration 0011. */
export type InsightTables = {
  insight_batches: { batch_id: string; body_hash: string; events: number; received_at: string };
  insight_events: {
    batch_id: string;
    at: string;
    day: string;
    session: string;
    product_id: string;
    channel: string;
    type: string;
    event: string;
  };
  insight_daily: {
    day: string;
    week: string;
    product_id: string;
    channel: string;
    kind: string;
    key: string;
    count: number;
  };
};

/** What storing a batch did: stored now, a repeat of the same batch, or another body under its id. */
export type BatchOutcome = 'stored' | 'replayed' | 'conflict';

const CHUNK = 100;
const STAGE_TYPES: ReadonlySet<string> = new Set([
  'opened',
  'completed',
  'quoteRequested',
  'ordered',
]);

/**
 * The configuration events and their daily pre-aggregate (Kysely, SQLite and PostgreSQL). A batch
 * is stored in one transaction: its id (idempotency), its events, and the aggregate rows it adds
 * to, so the insights never count a batch twice or half.
 */
export class InsightStore {
  private readonly kysely: Kysely<InsightTables>;
  constructor(db: Db) {
    this.kysely = db.kysely.withTables<InsightTables>() as never;
  }

  /** Stores a batch once; a repeat with the same body hash is `replayed`, another body `conflict`. */
  async storeBatch(
    batchId: string,
    bodyHash: string,
    events: readonly InsightEvent[],
    receivedAt: string,
  ): Promise<BatchOutcome> {
    return this.kysely.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('insight_batches')
        .values({
          batch_id: batchId,
          body_hash: bodyHash,
          events: events.length,
          received_at: receivedAt,
        })
        .onConflict((oc) => oc.column('batch_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        const seen = await trx
          .selectFrom('insight_batches')
          .select('body_hash')
          .where('batch_id', '=', batchId)
          .executeTakeFirstOrThrow();
        return seen.body_hash === bodyHash ? 'replayed' : 'conflict';
      }
      const counted = await this.withoutRepeatedStages(trx, events);
      for (let i = 0; i < events.length; i += CHUNK)
        await trx
          .insertInto('insight_events')
          .values(
            events.slice(i, i + CHUNK).map((e) => ({
              batch_id: batchId,
              at: e.at,
              day: utcDay(e.at),
              session: e.session,
              product_id: e.productId,
              channel: e.channel,
              type: e.type,
              event: JSON.stringify(e),
            })),
          )
          .execute();
      await this.addRows(trx, aggregateDaily(counted));
      return 'stored';
    });
  }

  /**
   * The events of a batch minus stage events whose session already reached that stage in an
   * earlier batch: a stage (and what a completion adds) counts once per session across batches.
   */
  private async withoutRepeatedStages(
    trx: Kysely<InsightTables>,
    events: readonly InsightEvent[],
  ): Promise<InsightEvent[]> {
    const stage = (e: InsightEvent) => STAGE_TYPES.has(e.type);
    const sessions = [...new Set(events.filter(stage).map((e) => e.session))];
    const earlier = new Set<string>();
    for (let i = 0; i < sessions.length; i += CHUNK) {
      const found = await trx
        .selectFrom('insight_events')
        .select(['session', 'type'])
        .where('session', 'in', sessions.slice(i, i + CHUNK))
        .where('type', 'in', [...STAGE_TYPES])
        .execute();
      for (const f of found) earlier.add(`${f.session}\u0000${f.type}`);
    }
    return events.filter((e) => !stage(e) || !earlier.has(`${e.session}\u0000${e.type}`));
  }

  /** Adds aggregate rows (count += row.count), e.g. from `aggregateDaily` or a bench's bulk load. */
  async addRows(trx: Kysely<InsightTables>, rows: readonly AggregateRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK)
      await trx
        .insertInto('insight_daily')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
            day: r.day,
            week: isoWeek(r.day),
            product_id: r.productId,
            channel: r.channel,
            kind: r.kind,
            key: r.key,
            count: r.count,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['kind', 'day', 'product_id', 'channel', 'key'])
            .doUpdateSet({ count: sql<number>`insight_daily.count + excluded.count` }),
        )
        .execute();
  }

  /** The daily aggregate rows of some kinds inside a filter. */
  async rows(kinds: readonly AggregateKind[], filter: InsightFilter): Promise<AggregateRow[]> {
    let q = this.kysely
      .selectFrom('insight_daily')
      .select(['day', 'product_id', 'channel', 'kind', 'key', 'count'])
      .where('kind', 'in', [...kinds]);
    if (filter.from !== undefined) q = q.where('day', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('day', '<=', filter.to);
    if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
    if (filter.productId !== undefined) q = q.where('product_id', '=', filter.productId);
    const found = await q.execute();
    return found.map((r) => ({
      day: r.day,
      productId: r.product_id,
      channel: r.channel as Channel,
      kind: r.kind as AggregateKind,
      key: r.key,
      count: Number(r.count),
    }));
  }

  /**
   * The aggregate rows of some kinds inside a filter summed in SQL over days and channels: one row
   * per product, kind and key with its first `day` and `lastDay` (`per: 'week'`: one per ISO week,
   * `day` its Monday). The insights read these over a long range (a year is a few thousand rows,
   * not one per day).
   */
  async sums(
    kinds: readonly AggregateKind[],
    filter: InsightFilter,
    per: 'range' | 'week' = 'range',
  ): Promise<AggregateRow[]> {
    let q = this.kysely
      .selectFrom('insight_daily')
      .select((eb) => [
        'product_id',
        'kind',
        'key',
        eb.fn.min('day').as('first'),
        eb.fn.max('day').as('last'),
        eb.fn.max('week').as('week'),
        eb.fn.sum<number>('count').as('total'),
      ])
      .where('kind', 'in', [...kinds]);
    if (filter.from !== undefined) q = q.where('day', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('day', '<=', filter.to);
    if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
    if (filter.productId !== undefined) q = q.where('product_id', '=', filter.productId);
    const found = await (
      per === 'week'
        ? q.groupBy(['kind', 'product_id', 'key', 'week'])
        : q.groupBy(['kind', 'product_id', 'key'])
    ).execute();
    return found.map((r) => ({
      day: per === 'week' ? weekStart(r.week) : r.first,
      lastDay: r.last,
      productId: r.product_id,
      channel: filter.channel ?? 'shop',
      kind: r.kind as AggregateKind,
      key: r.key,
      count: Number(r.total),
    }));
  }

  /**
   * The most frequent completed configurations inside a filter, summed in SQL (there may be one
   * per completion), as one aggregate row each (its `day` the first day seen).
   */
  async topConfigurations(filter: InsightFilter, limit: number): Promise<AggregateRow[]> {
    let q = this.kysely
      .selectFrom('insight_daily')
      .select((eb) => [
        'product_id',
        'key',
        eb.fn.min('day').as('day'),
        eb.fn.sum<number>('count').as('total'),
      ])
      .where('kind', '=', 'config');
    if (filter.from !== undefined) q = q.where('day', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('day', '<=', filter.to);
    if (filter.channel !== undefined) q = q.where('channel', '=', filter.channel);
    if (filter.productId !== undefined) q = q.where('product_id', '=', filter.productId);
    const found = await q
      .groupBy(['product_id', 'key'])
      .orderBy('total', 'desc')
      .orderBy('product_id')
      .orderBy('key')
      .limit(limit)
      .execute();
    return found.map((r) => ({
      day: r.day,
      productId: r.product_id,
      channel: filter.channel ?? 'shop',
      kind: 'config' as const,
      key: r.key,
      count: Number(r.total),
    }));
  }
}
