import type { AddressInfo } from 'node:net';
import { buildApp } from './app.ts';
import { loadCatalogue } from './catalogue.ts';
import type { ServerConfig } from './config.ts';
import { openDb } from './db/createDb.ts';
import { migrate } from './db/migrate.ts';
import { SubmissionStore } from './db/submissionStore.ts';
import { QuoteRevisionStore } from './db/quoteRevisionStore.ts';
import { createVerifier, type Verifier } from './verifier.ts';
import type { FastifyInstance } from 'fastify';
import type { Clock } from './clock.ts';
import type { Db } from './db/createDb.ts';
import { UserStore } from './db/userStore.ts';
import { Mailer, type MailConfig } from './mail/mailer.ts';
import type { MailCatcher } from './mail/mailCatcher.ts';
import { loadInsightSettings } from './insightSettings.ts';
import { loadSeller } from './seller.ts';

/** A listening reference backend. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  store: SubmissionStore;
  /** The verifier: its threads are warm (`warm()`) before the server listens. */
  verifier: Verifier;
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
    clock?: Clock;
    /** Mail settings (see `mailConfigFromEnv`), or the names of the missing ones. */
    mail?: { config?: MailConfig | undefined; missing: readonly string[] } | undefined;
    /** `npm start`'s local mail catcher, served at `GET /api/dev/mail`. */
    devMail?: MailCatcher | undefined;
  } = {},
): Promise<RunningServer> {
  const catalogue = loadCatalogue(config.catalogueDir);
  const seller = loadSeller(config.catalogueDir);
  const insightSettings = loadInsightSettings(config.catalogueDir);
  const mailConfig = options.mail?.config;
  const db = openDb(config.database);
  // Whatever fails after the database opened (a migration, the users, a port in use) closes
  // everything opened so far, so the process can exit and a supervisor restart it.
  let verifier: Verifier | undefined;
  let app: FastifyInstance | undefined;
  const mailer = mailConfig ? new Mailer(mailConfig) : undefined;
  try {
    await migrate(db);
    const store = new SubmissionStore(db);
    const quotes = new QuoteRevisionStore(db);
    verifier = createVerifier(catalogue, config.catalogueDir, config.verifyWorkers);
    const accounts = new UserStore(db);
    app = await buildApp({
      config,
      catalogue,
      store,
      verifier,
      quotes,
      accounts,
      db,
      seller,
      insightSettings,
      mailer,
      mailMissing: options.mail?.missing ?? [
        'MADETO_SMTP_URL',
        'MADETO_MAIL_FROM',
        'MADETO_PUBLIC_URL',
      ],
      devMail: options.devMail,
      ...(options.clock && { clock: options.clock }),
    });
    // Listen only once the verifier threads are warm: the first order must not wait for them.
    await verifier.ready();
    await app.listen({ port: config.port, host: config.host });
    return running(app, config, { store, verifier, accounts, mailer }, db);
  } catch (error) {
    await app?.close().catch(() => undefined);
    mailer?.close();
    await verifier?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

function running(
  app: FastifyInstance,
  config: ServerConfig,
  parts: {
    store: SubmissionStore;
    verifier: Verifier;
    accounts: UserStore;
    mailer?: Mailer | undefined;
  },
  db: Db,
): RunningServer {
  const { store, verifier, accounts, mailer } = parts;
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    verifier,
    accounts,
    close: async () => {
      await app.close();
      mailer?.close();
      await verifier.close();
      await db.close();
    },
  };
}
