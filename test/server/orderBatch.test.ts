import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel, PromiseInputError } from '../../src/engine/index.ts';
import type { DatabaseConfig } from '../../src/server/config.ts';
import { AvailabilityStore, type HeldPromise } from '../../src/server/db/availabilityStore.ts';
import { openDb } from '../../src/server/db/createDb.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { SubmissionStore, type NewSubmission } from '../../src/server/db/submissionStore.ts';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller } from './availabilityJourney.ts';
import { describePostgres } from './pgCluster.ts';
import { REP_TOKEN } from './serverProcess.ts';

const catalogue = join(import.meta.dirname, '../../public/catalogue');
const read = (f: string): unknown => JSON.parse(readFileSync(join(catalogue, f), 'utf8'));
const models = ['desk', 'bike', 'sofa'].map((m) => parseModel(read(`${m}.json`)));
const selection = (
  read('requests/price-acme-desks.json') as { lines: { selection: Record<string, string> }[] }
).lines[0]!.selection;
const NOW = '2026-12-07T09:00:00.000Z';

const submission = (key: string, held: HeldPromise): NewSubmission => ({
  kind: 'order',
  namespace: 'client',
  idempotencyKey: key,
  bodyHash: `hash-${key}`,
  payload: deskOrder(key, 1, 'order', '2026-12-07T09:00:00Z'),
  currency: 'EUR',
  total: '1.00',
  customerEmail: 'batch@example.com',
  createdAt: NOW,
  respond: ({ number }) => ({ number, holdId: held.hold.id }),
});

/**
 * Orders whose holds are placed in one batch (one transaction, one commit): each is stored with
 * its hold and audit under its number; one whose key is already used writes nothing; one whose
 * promise input is wrong fails alone; one whose storing fails after it wrote fails the batch,
 * and nothing of that batch is committed.
 */
async function batchOfOrders(config: DatabaseConfig) {
  const db = openDb(config);
  try {
    await migrate(db);
    const availability = new AvailabilityStore(db, models);
    const submissions = new SubmissionStore(db);
    await availability.seed(read('availability.json'), NOW);
    const order = (key: string, productId = 'DESK', fail = false) =>
      availability.promiseAndHold({
        kind: 'order',
        request: { now: NOW, lines: [{ lineId: 'L1', productId, quantity: 1, selection }] },
        expiresAt: '2026-12-07T10:00:00.000Z',
        store: async (batch, held) => {
          const stored = await submissions.insertIn(batch, submission(key, held));
          if (fail) throw new Error(`the order ${key} could not be stored`);
          return stored?.number;
        },
      });
    // The first request starts a transaction; the next five arrive meanwhile and share one.
    const first = order('batch-0');
    const batch = await Promise.allSettled([
      order('batch-1'),
      order('batch-2'),
      order('batch-0'),
      order('batch-3', 'NOPE'),
      order('batch-4'),
    ]);
    const held0 = await first;
    expect(batch.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((batch[3] as PromiseRejectedResult).reason).toBeInstanceOf(PromiseInputError);
    const stored = await Promise.all(
      ['batch-0', 'batch-1', 'batch-2', 'batch-4'].map((k) => submissions.byKey('client', k)),
    );
    const numbers = stored.map((s) => s!.number);
    expect(new Set(numbers).size).toBe(4);
    // Each stored order's hold and audit carry its number; the repeat of batch-0 holds nothing.
    const active = await availability.activeHolds(NOW);
    expect(active.map((h) => h.reference).sort()).toEqual([...numbers].sort());
    const repeat = (batch[2] as PromiseFulfilledResult<HeldPromise>).value;
    expect(active.map((h) => h.id)).not.toContain(repeat.hold.id);
    expect(active.map((h) => h.id)).toContain(held0!.hold.id);
    for (const number of numbers)
      expect(await availability.audit(number)).toMatchObject([{ kind: 'order', status: 'ok' }]);

    // A request that fails once it wrote fails its whole batch: nothing of it is committed.
    const opener = order('batch-5');
    const failed = await Promise.allSettled([order('batch-6'), order('batch-7', 'DESK', true)]);
    await opener;
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await submissions.byKey('client', 'batch-6')).toBeUndefined();
    expect(await submissions.byKey('client', 'batch-7')).toBeUndefined();
    expect(await submissions.byKey('client', 'batch-5')).toBeDefined();
    const after = await availability.activeHolds(NOW);
    expect(after).toHaveLength(5);
    // The next batch is served on what was committed.
    const next = await order('batch-8');
    expect(next!.hold.reference).toMatch(/^O-2026-/);
    expect(await availability.activeHolds(NOW)).toHaveLength(6);
  } finally {
    await db.close();
  }
}

/**
 * Concurrent orders over HTTP, one reusing another's key with another body: each stored with its
 * hold and audit; the reuse is a 409 alone. A replay or a conflict answered from the stored order
 * stores nothing (the next order's number follows: PostgreSQL spends a number on any insert).
 */
async function ordersOverHttp(database: DatabaseConfig) {
  const { server, now } = await availabilityServer(database);
  const call = caller(server);
  try {
    const at = now().replace(/\.\d+Z$/, 'Z');
    const bodies = Array.from({ length: 12 }, (_, i) =>
      deskOrder(`http-batch-${i}`, 1 + (i % 3), 'order', at),
    );
    // The same key as order 0 with another body: a 409 for it alone.
    bodies.push(deskOrder('http-batch-0', 4, 'order', at));
    const answers = await Promise.all(bodies.map((b) => call('POST', '/api/orders', b)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses.filter((s) => s === 409)).toHaveLength(1);
    const created = answers.filter((a) => a.status === 201);
    for (const a of created) {
      const audit = await call('GET', `/api/promises/${a.body.number}`, undefined, {
        authorization: `Bearer ${REP_TOKEN}`,
      });
      expect(audit.body.promises).toMatchObject([
        { kind: 'order', holdId: a.body.promise.holdId, status: 'ok' },
      ]);
      const hold = await call('GET', `/api/holds/${a.body.promise.holdId}`);
      expect(hold.body).toMatchObject({ state: 'active' });
    }
    // One after the other: an order, its replay, a conflict, the next order.
    const seq = (number: string) => Number(number.slice(-6));
    const x = await call('POST', '/api/orders', deskOrder('http-seq-x', 1, 'order', at));
    const again = await call('POST', '/api/orders', deskOrder('http-seq-x', 1, 'order', at));
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect(again.body).toEqual(x.body);
    const reused = await call('POST', '/api/orders', deskOrder('http-seq-x', 2, 'order', at));
    expect(reused.status).toBe(409);
    const y = await call('POST', '/api/orders', deskOrder('http-seq-y', 1, 'order', at));
    expect(seq(y.body.number)).toBe(seq(x.body.number) + 1);
  } finally {
    await server.close();
  }
}

describe('orders held in one batch', () => {
  it('SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madeto-batch-'));
    try {
      await batchOfOrders({ kind: 'sqlite', file: join(dir, 'batch.sqlite') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  describePostgres('PostgreSQL', (cluster) => {
    it('PostgreSQL', async () => {
      await batchOfOrders({ kind: 'postgres', url: cluster().createDatabase('order_batch') });
    }, 60_000);
  });

  it('concurrent orders over HTTP on SQLite: each stored with its hold and audit; a reused key fails only itself; a replay stores nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madeto-batch-'));
    try {
      await ordersOverHttp({ kind: 'sqlite', file: join(dir, 'orders.sqlite') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  describePostgres('PostgreSQL over HTTP', (cluster) => {
    it('concurrent orders over HTTP on PostgreSQL, as on SQLite', async () => {
      await ordersOverHttp({ kind: 'postgres', url: cluster().createDatabase('order_batch_http') });
    }, 60_000);
  });
});
