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

/** A listening reference backend. */
export interface RunningServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  store: SubmissionStore;
  /** The verifier: its threads are warm (`warm()`) before the server listens. */
  verifier: Verifier;
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
  options: { clock?: Clock } = {},
): Promise<RunningServer> {
  const catalogue = loadCatalogue(config.catalogueDir);
  const db = openDb(config.database);
  // Whatever fails after the database opened (a migration, the users, a port in use) closes
  // everything opened so far, so the process can exit and a supervisor restart it.
  let verifier: Verifier | undefined;
  let app: FastifyInstance | undefined;
  try {
    await migrate(db);
    const store = new SubmissionStore(db);
    const quotes = new QuoteRevisionStore(db);
    verifier = createVerifier(catalogue, config.catalogueDir, config.verifyWorkers);
    app = await buildApp({ config, catalogue, store, verifier, quotes, ...options });
    // Listen only once the verifier threads are warm: the first order must not wait for them.
    await verifier.ready();
    await app.listen({ port: config.port, host: config.host });
    return running(app, config, store, verifier, db);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await verifier?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

function running(
  app: FastifyInstance,
  config: ServerConfig,
  store: SubmissionStore,
  verifier: Verifier,
  db: Db,
): RunningServer {
  const port = (app.server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    verifier,
    close: async () => {
      await app.close();
      await verifier.close();
      await db.close();
    },
  };
}
