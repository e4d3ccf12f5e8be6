import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0016-promise-audit-holds`, two indexes the order path needs as holds accumulate:
 * - the promise audit by hold: storing an order gives its hold's audit rows their order number
 *   (`AvailabilityStore.rename`); without it each order scanned the whole audit, which grows by a
 *   row per promise;
 * - the active holds with their ids: every hold request reads the ids of the active holds, from
 *   the index alone (it replaces `availability_holds_open`, which lacked the id);
 * - `availability_lock.holds_token`, a random value every write that places or releases a hold
 *   changes in its transaction: while it is unchanged, the active holds a server read last are
 *   still the active ones (less expired), and are not read again.
 */
export const promiseAuditHoldsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('promise_audit_hold')
      .on('promise_audit')
      .column('hold_id')
      .execute();
    await db.schema
      .createIndex('availability_holds_active')
      .on('availability_holds')
      .columns(['released_at', 'expires_at', 'id'])
      .execute();
    await db.schema.dropIndex('availability_holds_open').execute();
    await db.schema
      .alterTable('availability_lock')
      .addColumn('holds_token', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  },
};
