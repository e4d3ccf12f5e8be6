import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0003-quote-approvals`: who approved which revision of a rep's quote (one row per
 * approved revision; a new revision needs its own approval).
 */
export const quoteApprovalsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('quote_approvals')
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('approved_by', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('quote_approvals_pk', ['number', 'revision'])
      .execute();
  },
};
