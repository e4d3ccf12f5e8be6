import { describe, expect, it } from 'vitest';
import { startServerProcess, tempDb } from './serverProcess.ts';
import { availabilityJourney, FEED_TOKEN } from './availabilityJourney.ts';
import { deskSelection } from '../engine/orders/orderFixture.ts';

describe('availability feed and holds on SQLite', () => {
  it('feeds, validates, versions, holds the last unit for one of twenty buyers, releases, expires, re-promises and audits', async () => {
    await availabilityJourney({ kind: 'sqlite', file: tempDb() });
  }, 60_000);
});

describe('holds survive a kill -9 (SQLite, the real CLI)', () => {
  it('a hold and a fed version acknowledged before SIGKILL are there after a restart', async () => {
    const db = tempDb();
    const env = { MADETO_INTEGRATION_TOKEN: FEED_TOKEN };
    const first = await startServerProcess(db, [], 0, env);
    const call = async (
      base: string,
      method: string,
      path: string,
      body?: unknown,
      headers = {},
    ) => {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: r.status, body: (await r.json()) as Record<string, any> };
    };
    let second: Awaited<ReturnType<typeof startServerProcess>> | undefined;
    try {
      const fed = await call(
        first.url,
        'PATCH',
        '/api/availability',
        { stock: { 'HSET-UD-2B': { onHand: 1, reserved: 0 } } },
        { authorization: `Bearer ${FEED_TOKEN}` },
      );
      expect(fed.status).toBe(201);
      const cart = {
        lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection }],
      };
      const held = await call(first.url, 'POST', '/api/holds', cart);
      expect(held.status).toBe(201);
      await first.stop('SIGKILL');
      second = await startServerProcess(db, [], 0, env);
      expect((await call(second.url, 'GET', `/api/holds/${held.body.id}`)).body).toMatchObject({
        state: 'active',
        snapshotVersion: 2,
      });
      const served = await call(second.url, 'GET', '/api/availability');
      expect(served.body.stock['HSET-UD-2B']).toMatchObject({ onHand: 1, reserved: 1 });
      const next = await call(second.url, 'POST', '/api/holds', cart);
      expect(next.body.promise.deliveryDate > held.body.promise.deliveryDate).toBe(true);
    } finally {
      await first.stop();
      await second?.stop();
    }
  }, 90_000);
});
