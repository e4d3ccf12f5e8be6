import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './createDb.ts';
import { quoteApprovalsMigration } from './quoteApprovalsMigration.ts';
import { quoteAuthorsMigration } from './quoteAuthorsMigration.ts';
import { quoteIdempotencyMigration } from './quoteIdempotencyMigration.ts';
import { quoteRevisionsMigration } from './quoteRevisionsMigration.ts';
import { keyNamespacesMigration } from './keyNamespacesMigration.ts';
import { quotePipelineMigration } from './quotePipelineMigration.ts';
import { pipelineEntriesMigration } from './pipelineIndex.ts';
import { usersMigration } from './usersMigration.ts';
import { availabilityMigration } from './availabilityMigration.ts';
import { insightsMigration } from './insightsMigration.ts';
import { holdClientsMigration } from './holdClientsMigration.ts';
import { promiseAuditHoldsMigration } from './promiseAuditHoldsMigration.ts';

/** The schema's history, oldest first; a new change is a new entry, never an edit. */
function migrations(dialect: Db['dialect']): Record<string, Migration> {
  return {
    '0001-submissions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('submissions')
          .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('number', 'text', (c) => c.unique())
          .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
          .addColumn('body_hash', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('response', 'text', (c) => c.notNull())
          .addColumn('status_code', 'integer', (c) => c.notNull())
          .addColumn('currency', 'text', (c) => c.notNull())
          .addColumn('total', 'text', (c) => c.notNull())
          .addColumn('customer_email', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('submissions_kind_seq')
          .on('submissions')
          .columns(['kind', 'seq'])
          .execute();
      },
    },
    '0002-quote-revisions': quoteRevisionsMigration(dialect),
    '0003-quote-approvals': quoteApprovalsMigration,
    '0004-quote-authors': quoteAuthorsMigration,
    '0005-quote-idempotency': quoteIdempotencyMigration,
    '0006-key-namespaces': keyNamespacesMigration,
    '0007-users-sessions': usersMigration,
    '0008-quote-pipeline': quotePipelineMigration,
    '0009-pipeline-entries': pipelineEntriesMigration,
    '0010-availability': availabilityMigration(dialect),
    '0011-insights': insightsMigration(dialect),
    '0012-hold-clients': holdClientsMigration,
    '0016-promise-audit-holds': promiseAuditHoldsMigration,
  };
}

/**
 * Brings the database schema up to date (Kysely's migrator, which records what ran and locks
 * against a concurrent run). Throws with the failing migration's name.
 *
 * @example
 * await migrate(openDb(config.database));
 */
export async function migrate(db: Db): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(db.dialect) };
  // Unordered: a migration that is missing from the record runs even when a later one already ran
  // (a database made on a branch whose migrations landed in another order, or an index table
  // dropped to be rebuilt by its migration). Every migration here stands alone.
  const { error, results } = await new Migrator({
    db: db.kysely,
    provider,
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw Object.assign(
      new Error(`database migration ${failed} failed: ${(error as Error).message}`),
      { code: 'MIGRATION_FAILED' },
    );
  }
}
