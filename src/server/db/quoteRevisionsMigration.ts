import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0002-quote-revisions`: the rep's quotes, every revision kept (a new revision is a new
 * row, never an update), with the customer's share token.
 */
export function quoteRevisionsMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('quote_revisions')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('share_token', 'text', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('figures', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('quote_revisions_number_revision', ['number', 'revision'])
        .execute();
      await db.schema
        .createIndex('quote_revisions_share_token')
        .on('quote_revisions')
        .column('share_token')
        .execute();
    },
  };
}
