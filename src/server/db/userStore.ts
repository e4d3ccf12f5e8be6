import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from './createDb.ts';

/** The table `users` (migration 0007). */
interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

/** The table `sessions` (migration 0007): a session by the SHA-256 of its id. */
interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

type Tables = { users: UsersTable; sessions: SessionsTable };

/** A role of a person who signs in. */
export type StoredRole = 'rep' | 'manager' | 'admin' | 'integration';

/** A person who signs in, as stored (the password only as its hash). */
export interface StoredUser {
  id: string;
  email: string;
  name: string;
  role: StoredRole;
  passwordHash: string;
  createdAt: string;
}

const fromRow = (r: UsersTable): StoredUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as StoredRole,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

/** The SHA-256 (hex) a session id is stored by: a copy of the table signs no one in. */
export const sessionIdHash = (id: string): string => createHash('sha256').update(id).digest('hex');

/** A session's `Set-Cookie` id was not found, or has expired. */
export type SessionLookup = { user: StoredUser; expiresAt: string } | undefined;

/**
 * Users and their sessions (Kysely, the same queries on SQLite and PostgreSQL). E-mail addresses
 * are stored trimmed and in lower case, and are unique.
 */
export class UserStore {
  private readonly kysely: Kysely<Tables>;
  constructor(db: Db) {
    this.kysely = db.kysely.withTables<Tables>() as never;
  }

  /** Adds a user (`USER_EXISTS` error when the e-mail is taken). */
  async add(user: {
    email: string;
    name: string;
    role: StoredRole;
    passwordHash: string;
    createdAt: string;
  }): Promise<StoredUser> {
    const email = user.email.trim().toLowerCase();
    const row: UsersTable = {
      id: randomUUID(),
      email,
      name: user.name.trim(),
      role: user.role,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
    };
    const inserted = await this.kysely
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('email').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
      throw Object.assign(new Error(`a user with the e-mail ${email} already exists`), {
        code: 'USER_EXISTS',
      });
    return fromRow(row);
  }

  /**
   * Adds the user, or gives an existing user of that e-mail this name, role and password (the
   * demo users of `npm start`, re-seeded with fresh passwords each start).
   */
  async upsert(user: Parameters<UserStore['add']>[0]): Promise<StoredUser> {
    const found = await this.byEmail(user.email);
    if (!found) return this.add(user);
    await this.kysely
      .updateTable('users')
      .set({ name: user.name.trim(), role: user.role, password_hash: user.passwordHash })
      .where('id', '=', found.id)
      .execute();
    return { ...found, name: user.name.trim(), role: user.role, passwordHash: user.passwordHash };
  }

  /** The user with this e-mail (any case), if any. */
  async byEmail(email: string): Promise<StoredUser | undefined> {
    const row = await this.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row && fromRow(row);
  }

  /** Stores a new session of `userId` (by the hash of `id`) until `expiresAt`. */
  async createSession(id: string, userId: string, createdAt: string, expiresAt: string) {
    await this.kysely
      .insertInto('sessions')
      .values({
        id_hash: sessionIdHash(id),
        user_id: userId,
        created_at: createdAt,
        expires_at: expiresAt,
      })
      .execute();
  }

  /** The user of session `id` when it exists and has not expired at `now` (an expired one is deleted). */
  async sessionUser(id: string, now: string): Promise<SessionLookup> {
    const row = await this.kysely
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select('sessions.expires_at')
      .where('sessions.id_hash', '=', sessionIdHash(id))
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.expires_at <= now) {
      await this.deleteSession(id);
      return undefined;
    }
    const { expires_at, ...user } = row;
    return { user: fromRow(user), expiresAt: expires_at };
  }

  /** Ends session `id` (nothing when it does not exist). */
  async deleteSession(id: string): Promise<void> {
    await this.kysely.deleteFrom('sessions').where('id_hash', '=', sessionIdHash(id)).execute();
  }
}
