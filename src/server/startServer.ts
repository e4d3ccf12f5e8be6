import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { loadCatalogue } from './catalogue.ts';
import type { ServerConfig } from './config.ts';
import { openDb } from './db/createDb.ts';
import { migrate } from './db/migrate.ts';
import { SubmissionStore } from './db/submissionStore.ts';
import { QuoteRevisionStore } from './db/quoteRevisionStore.ts';
import { createVerifier } from './verifier.ts';
import { UserStore } from './db/userStore.ts';
import { Mailer, type MailConfig } from './mail/mailer.ts';
import type { MailCatcher } from './mail/mailCatcher.ts';
import { loadSeller } from './seller.ts';

/** A listening reference backend. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  store: SubmissionStore;
  /** People who sign in (e.g. to seed users). */
  accounts: UserStore;
  /** Stops accepting requests, finishes the ones in flight, closes the database. */
  close: () => Promise<void>;
}

/**
 * Loads the catalogue, opens and migrates the database, and listens.
 *
 * @example
 * const server = await startServer({ ...DEFAULT_CONFIG, port: 0, database: { kind: 'sqlite', file: tmp } });
 * await fetch(`${server.url}/api/pricing`);
 */
export async function startServer(
  config: ServerConfig,
  options: {
    /** Mail settings (see `mailConfigFromEnv`), or the names of the missing ones. */
    mail?: { config?: MailConfig | undefined; missing: readonly string[] } | undefined;
    /** `npm start`'s local mail catcher, served at `GET /api/dev/mail`. */
    devMail?: MailCatcher | undefined;
  } = {},
): Promise<RunningServer> {
  const catalogue = loadCatalogue(config.catalogueDir);
  const seller = loadSeller(config.catalogueDir);
  const db = openDb(config.database);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const store = new SubmissionStore(db);
  const verifier = createVerifier(catalogue, config.catalogueDir, config.verifyWorkers);
  const quotes = new QuoteRevisionStore(db);
  const accounts = new UserStore(db);
  const mailConfig = options.mail?.config;
  const mailer = mailConfig ? new Mailer(mailConfig) : undefined;
  const app = await buildApp({
    config,
    catalogue,
    store,
    verifier,
    quotes,
    accounts,
    db,
    seller,
    mailer,
    mailMissing: options.mail?.missing ?? [
      'MADETO_SMTP_URL',
      'MADETO_MAIL_FROM',
      'MADETO_PUBLIC_URL',
    ],
    devMail: options.devMail,
  });
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    accounts,
    close: async () => {
      await app.close();
      mailer?.close();
      await verifier.close();
      await db.close();
    },
  };
}
