import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Idempotency keys of submissions get their namespace (`client:` or `server:`, see
 * `KeyNamespace`). Every key stored before was taken as a client's: the server's accept keys could
 * be written by any client then, so none of them can be trusted as the server's.
 */
export const keyNamespacesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`update submissions set idempotency_key = 'client:' || idempotency_key`.execute(db);
  },
};
