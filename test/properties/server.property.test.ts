import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadCatalogue } from '../../src/server/catalogue.ts';
import { DEFAULT_CONFIG } from '../../src/server/config.ts';
import { openDb, type Db } from '../../src/server/db/createDb.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { QuoteRevisionStore } from '../../src/server/db/quoteRevisionStore.ts';
import { SubmissionStore } from '../../src/server/db/submissionStore.ts';
import { UserStore } from '../../src/server/db/userStore.ts';
import { createVerifier } from '../../src/server/verifier.ts';
import { deskOrder, deskRepQuote } from '../engine/orders/orderFixture.ts';
import { REP_TOKEN, tempDb } from '../server/serverProcess.ts';
import { hostileValue, mutate, mutations, RUNS } from './mutate.ts';

// Issue 16: random and mutated requests to the reference backend (in process, a real SQLite
// file) get a 2xx, or a 4xx in the `{ error: { code, message } }` shape whose issues name JSON
// paths; never a 500, never a hang. Seeded and bounded like the engine's properties.

const catalogueDir = new URL('../../public/catalogue', import.meta.url).pathname;
let app: FastifyInstance;
let db: Db;
beforeAll(async () => {
  const config = {
    ...DEFAULT_CONFIG,
    database: { kind: 'sqlite' as const, file: tempDb() },
    users: [{ token: REP_TOKEN, name: 'Rita Rep', role: 'rep' as const }],
    verifyWorkers: 0,
  };
  const catalogue = loadCatalogue(catalogueDir);
  db = openDb(config.database);
  await migrate(db);
  app = await buildApp({
    config,
    catalogue,
    store: new SubmissionStore(db),
    quotes: new QuoteRevisionStore(db),
    verifier: createVerifier(catalogue, catalogueDir, 0),
    accounts: new UserStore(db),
    db,
  });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const rep = { authorization: `Bearer ${REP_TOKEN}` };
async function expectAnswer(response: { statusCode: number; body: string }): Promise<void> {
  expect(response.statusCode).toBeLessThan(500);
  const body = JSON.parse(response.body) as {
    error?: { code: string; message: string; issues?: { path: string }[] };
  };
  if (response.statusCode >= 400) {
    expect(body.error).toEqual(
      expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    );
    for (const i of body.error?.issues ?? []) expect(i.path).toMatch(/^\$/);
  }
}
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

describe('properties: the backend answers every request with a 2xx or a named 4xx', () => {
  it('mutated orders and quote requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('order', 'quote-request', 'quote'),
        mutations,
        async (kind, ms) => {
          const body = mutate(
            deskOrder(`prop-${Math.random().toString(36).slice(2, 12)}`, 2, kind as never, now()),
            ms,
          );
          const url = kind === 'order' ? '/api/orders' : '/api/quotes';
          await expectAnswer(
            await app.inject({ method: 'POST', url, payload: body as object, headers: rep }),
          );
        },
      ),
      RUNS,
    );
  });

  it('mutated rep quotes, revisions, approvals and duplicates', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/quotes',
      payload: deskRepQuote() as object,
      headers: rep,
    });
    expect(created.statusCode).toBe(201);
    const number = (JSON.parse(created.body) as { number: string }).number;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/api/quotes',
          `/api/quotes/${number}/revisions`,
          `/api/quotes/${number}/duplicate`,
          `/api/quotes/${number}/approve`,
        ),
        mutations,
        hostileValue,
        async (url, ms, other) => {
          const payload =
            url.endsWith('/duplicate') || url.endsWith('/approve')
              ? { revision: other }
              : mutate(deskRepQuote(), ms);
          await expectAnswer(
            await app.inject({
              method: 'POST',
              url,
              payload: JSON.stringify(payload),
              headers: { ...rep, 'content-type': 'application/json' },
            }),
          );
        },
      ),
      RUNS,
    );
  });

  it('random bytes, texts and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
          fc.string({ maxLength: 300 }),
          fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom('/api/orders', '/api/quotes', '/api/shared/quotes/x/accept'),
        fc.string({ maxLength: 40 }),
        async (payload, url, since) => {
          await expectAnswer(
            await app.inject({
              method: 'POST',
              url,
              payload,
              headers: { ...rep, 'content-type': 'application/json' },
            }),
          );
          await expectAnswer(
            await app.inject({
              method: 'GET',
              url: `/api/orders?since=${encodeURIComponent(since)}`,
              headers: rep,
            }),
          );
        },
      ),
      RUNS,
    );
  });
});
