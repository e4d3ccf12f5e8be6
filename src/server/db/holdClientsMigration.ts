import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0012-hold-clients`: which anonymous client placed a hold (`client`, a keyed HMAC of its
 * IP address; null for signed-in callers, quotes and orders), indexed with the expiry so that the
 * active holds of one address are counted in the hold's transaction.
 */
export const holdClientsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('availability_holds').addColumn('client', 'text').execute();
    await db.schema
      .createIndex('availability_holds_client')
      .on('availability_holds')
      .columns(['client', 'expires_at'])
      .execute();
  },
};
