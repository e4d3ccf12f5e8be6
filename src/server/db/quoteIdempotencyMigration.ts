import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0005-quote-idempotency`: the `Idempotency-Key`s of rep quote saves (`POST
 * /api/quotes`, `POST /api/quotes/:number/revisions`), one row per user and key: a hash of the
 * request it was first used for, the revision that request saved and its answer (JSON, filled in
 * once sent; null if the process stopped in between).
 */
export const quoteIdempotencyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quote_idempotency')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('response', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('quote_idempotency_pk', ['scope', 'key'])
      .execute();
  },
};
