import type { Kysely, Migration } from 'kysely';

/**
 * Migration `0007-users-sessions`: people who sign in (e-mail, name, role, scrypt password hash)
 * and their sessions, stored by the SHA-256 of the session id with an expiry; revisions record
 * their author's user id (`created_by_id`; null before, or for a bearer token's user: `token:<role>`).
 */
export const usersMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
    await db.schema.alterTable('quote_revisions').addColumn('created_by_id', 'text').execute();
  },
};
