import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';
import { WorkerSqliteDialect } from './workerSqlite.ts';

/** An open database: the query layer, which SQL dialect it speaks, and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * Opens the configured database behind one Kysely query layer. SQLite (better-sqlite3, in a worker
 * thread so disk flushes do not stall the event loop) runs in WAL mode with `synchronous = FULL`:
 * a commit is on disk before the answer is sent, so a killed process or a power cut loses nothing
 * acknowledged. PostgreSQL goes through a `pg` pool.
 *
 * @example
 * const db = openDb({ kind: 'sqlite', file: '.data/madeto.sqlite' });
 */
export function openDb(config: DatabaseConfig): Db {
  switch (config.kind) {
    case 'sqlite': {
      if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
      const pragmas = ['journal_mode = WAL', 'synchronous = FULL', 'busy_timeout = 5000'];
      const kysely = new Kysely<Database>({
        dialect: new WorkerSqliteDialect({ file: config.file, pragmas }),
      });
      return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
    }
    case 'postgres': {
      const pool = new pg.Pool({ connectionString: config.url, max: 10 });
      const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
    }
    default:
      return config satisfies never;
  }
}
