import { DEFAULT_CONFIG, type DatabaseConfig } from '../server/config.ts';
import { CliError, EXIT } from './CliError.ts';

/**
 * The database of `--db FILE` or `DATABASE_URL` (not both: a usage error), as `madeto serve`
 * picks it; neither: the default SQLite file.
 *
 * @example
 * databaseOf(undefined, { DATABASE_URL: 'postgres://…' }); // { kind: 'postgres', url: 'postgres://…' }
 */
export function databaseOf(file: string | undefined, env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env['DATABASE_URL'];
  if (url && file)
    throw new CliError(
      'give either --db FILE (SQLite) or DATABASE_URL (PostgreSQL), not both',
      EXIT.usage,
    );
  if (url) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: file ?? (DEFAULT_CONFIG.database as { file: string }).file };
}
