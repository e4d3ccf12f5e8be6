import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0008-quote-pipeline`: what happened to each rep quote (`quote_events`: sent, viewed,
 * accepted, lost; one row per quote, revision and kind, the first kept, with who or where and a
 * detail such as the e-mail address or the order number), which buyer request a rep quote was
 * converted from (`quote_conversions`, one quote per request), and who approved by user id.
 */
export const quotePipelineMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quote_events')
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .addPrimaryKeyConstraint('quote_events_pk', ['number', 'revision', 'kind'])
      .execute();
    await db.schema
      .createTable('quote_conversions')
      .addColumn('request_number', 'text', (c) => c.primaryKey())
      .addColumn('quote_number', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.alterTable('quote_approvals').addColumn('approved_by_id', 'text').execute();
  },
};
