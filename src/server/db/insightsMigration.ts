import type { Kysely, Migration } from 'kysely';
import type { Db } from './createDb.ts';

/**
 * Migration `0011-insights`: the widget's configuration events (`insight_events`, no personal
 * data: an opaque session id, the product, the channel, the event's JSON), the batches already
 * stored (`insight_batches`, so a retried batch is not counted twice) and the daily pre-aggregate
 * the insights read (`insight_daily`: one count per day, product, channel, kind and key, with the day's
 * ISO week, added to in the batch's transaction).
 */
export function insightsMigration(dialect: Db['dialect']): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('insight_batches')
        .addColumn('batch_id', 'text', (c) => c.primaryKey())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('insight_events')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('batch_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('session', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('insight_events_day')
        .on('insight_events')
        .columns(['day', 'product_id'])
        .execute();
      await db.schema
        .createIndex('insight_events_session')
        .on('insight_events')
        .columns(['session', 'type'])
        .execute();
      await db.schema
        .createTable('insight_daily')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('week', 'text', (c) => c.notNull())
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('insight_daily_pk', [
          'kind',
          'day',
          'product_id',
          'channel',
          'key',
        ])
        .execute();
      // Covers the insights' sums: grouped by product and key (and week) in index order, no sort.
      await db.schema
        .createIndex('insight_daily_sums')
        .on('insight_daily')
        .columns(['kind', 'product_id', 'key', 'week', 'day', 'channel', 'count'])
        .execute();
    },
  };
}
