import { sql, type Kysely, type Migration } from 'kysely';
import type { Db } from './createDb.ts';

/**
 * Migration `0010-availability`: the availability feed's versioned snapshots (who sent what, and
 * when), the holds quotes, carts and orders place on it (what they reserve, until when, and why
 * they were released), the audit of every promise given (with the snapshot version it used), and
 * a one-row lock table that serialises hold creation on PostgreSQL (`select … for update`).
 */
export function availabilityMigration(dialect: Db['dialect']): Migration {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('availability_snapshots')
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('snapshot_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('availability_holds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('released_at', 'text')
        .addColumn('release_reason', 'text')
        .addColumn('snapshot_version', 'integer', (c) => c.notNull())
        .addColumn('needs', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('availability_holds_open')
        .on('availability_holds')
        .columns(['released_at', 'expires_at'])
        .execute();
      await db.schema
        .createTable('promise_audit')
        .addColumn('seq', serial, (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('hold_id', 'text')
        .addColumn('snapshot_version', 'integer', (c) => c.notNull())
        .addColumn('promised_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ship_date', 'text')
        .addColumn('delivery_date', 'text')
        .addColumn('request', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('promise_audit_reference')
        .on('promise_audit')
        .column('reference')
        .execute();
      await db.schema
        .createTable('availability_lock')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
      await sql`insert into availability_lock (id) values (1)`.execute(db);
    },
  };
}
