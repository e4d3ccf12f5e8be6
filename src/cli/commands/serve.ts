import { parseArgs, single } from '../args.ts';
import { CliError, EXIT } from '../CliError.ts';
import { databaseOf } from '../databaseArg.ts';
import type { Command } from '../main.ts';
import { DEFAULT_CONFIG, type ServerConfig } from '../../server/config.ts';
import { startServer } from '../../server/startServer.ts';
import { usersFromEnv } from '../../server/users.ts';
import { mailConfigFromEnv } from '../../server/mail/mailer.ts';

const USAGE =
  'usage: madeto serve [--port N] [--host H] [--db FILE] [--catalogue DIR] [--origin URL ...] [--body-limit BYTES] [--verify-workers N] [--verify-promise] [--log]';

function integer(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(
      `--${name} must be an integer from ${min} to ${max}, not '${text}'`,
      EXIT.usage,
    );
  return n;
}

/**
 * Builds the server configuration from `madeto serve` arguments and the environment:
 * `DATABASE_URL` (PostgreSQL; `--db` then is an error), `MADETO_REP_TOKEN` / `MADETO_REP_NAME`
 * and `MADETO_MANAGER_TOKEN` / `MADETO_MANAGER_NAME` (the bearer tokens of a rep and of a manager
 * who approves, kept out of the process list; see `usersFromEnv`), `MADETO_ORIGINS`
 * (comma-separated shop origins, added to `--origin`). Mail settings (`MADETO_SMTP_URL`,
 * `MADETO_MAIL_FROM`, `MADETO_PUBLIC_URL`) are read by `run`.
 */
export function serveConfig(args: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = parseArgs(args, {
    valued: ['port', 'host', 'db', 'catalogue', 'origin', 'body-limit', 'verify-workers'],
    booleans: ['verify-promise', 'log'],
  });
  if (parsed.positionals.length > 0)
    throw new CliError(`unexpected argument '${parsed.positionals[0]}'\n${USAGE}`, EXIT.usage);
  const database = databaseOf(single(parsed, 'db'), env);
  const origins = [
    ...(parsed.options.get('origin') ?? []),
    ...(env['MADETO_ORIGINS'] ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  ];
  for (const o of origins)
    if (!/^https?:\/\/[^/\s]+$/.test(o))
      throw new CliError(
        `--origin must be an origin such as https://shop.example (no path), not '${o}'`,
        EXIT.usage,
      );
  return {
    ...DEFAULT_CONFIG,
    port: integer('port', single(parsed, 'port'), 0, 65535) ?? DEFAULT_CONFIG.port,
    host: single(parsed, 'host') ?? DEFAULT_CONFIG.host,
    database,
    catalogueDir: single(parsed, 'catalogue') ?? DEFAULT_CONFIG.catalogueDir,
    origins,
    repToken: env['MADETO_REP_TOKEN'] || undefined,
    users: usersFromEnv(env),
    bodyLimit:
      integer('body-limit', single(parsed, 'body-limit'), 1024, 64 * 1024 * 1024) ??
      DEFAULT_CONFIG.bodyLimit,
    verifyPromise: parsed.flags.has('verify-promise'),
    verifyWorkers:
      integer('verify-workers', single(parsed, 'verify-workers'), 0, 64) ??
      DEFAULT_CONFIG.verifyWorkers,
    log: parsed.flags.has('log'),
  };
}

/**
 * `madeto serve`: runs the reference backend (orders.md) until SIGINT or SIGTERM, then closes
 * cleanly. Prints one line `madeto serve: listening on <url> (<database>)` once it accepts requests.
 */
export const run: Command = async ({ args, stdout }) => {
  const config = serveConfig(args, process.env);
  let server;
  try {
    server = await startServer(config, { mail: mailConfigFromEnv(process.env) });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const where =
    config.database.kind === 'sqlite'
      ? `SQLite ${config.database.file}`
      : 'PostgreSQL (DATABASE_URL)';
  stdout(`madeto serve: listening on ${server.url} (${where})`);
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // Requests in flight get 10 s to finish; a stuck one must not keep the process alive.
      setTimeout(() => process.exit(1), 10_000).unref();
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return EXIT.ok;
};
