import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0004-quote-authors`: who saved each revision of a rep's quote (the signed-in user's
 * name and role, from their token). Revisions saved before it have neither (null).
 */
export const quoteAuthorsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('quote_revisions').addColumn('created_by', 'text').execute();
    await db.schema.alterTable('quote_revisions').addColumn('created_by_role', 'text').execute();
  },
};
