import { describe, expect, it } from 'vitest';
import { startServerProcess, tempDb } from './serverProcess.ts';
import {
  availabilityJourney,
  availabilityServer,
  caller,
  FEED_TOKEN,
} from './availabilityJourney.ts';
import { deskOrder, deskSelection } from '../engine/orders/orderFixture.ts';

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

describe('--verify-promise checks an order on the feed, not the catalogue file (SQLite)', () => {
  it('after a feed change, the promise made on the file is a promise-snapshot warning naming the current snapshot time', async () => {
    const { server, now } = await availabilityServer(
      { kind: 'sqlite', file: tempDb() },
      undefined,
      {
        verifyPromise: true,
      },
    );
    const call = caller(server);
    const asFeed = { authorization: `Bearer ${FEED_TOKEN}` };
    try {
      // Version 1 is the file: an order promised on it has no snapshot difference.
      const first = await call(
        'POST',
        '/api/orders',
        deskOrder('verify-promise-0001', 1, 'order', now().replace(/\.\d+Z$/, 'Z')),
      );
      expect(first.status).toBe(201);
      const codes = (w: { code: string; path: string }[]) => w.map((d) => `${d.code} ${d.path}`);
      expect(codes(first.body.warnings ?? [])).not.toContain(
        'promise-snapshot $.promise.snapshotAt',
      );
      const fed = await call(
        'PATCH',
        '/api/availability',
        { stock: { 'HSET-UD-2B': { onHand: 0, reserved: 0 } } },
        asFeed,
      );
      expect(fed.status).toBe(201);
      const second = await call(
        'POST',
        '/api/orders',
        deskOrder('verify-promise-0002', 1, 'order', now().replace(/\.\d+Z$/, 'Z')),
      );
      expect(second.status).toBe(201);
      const moved = (second.body.warnings as { code: string; expected?: string }[]).find(
        (w) => w.code === 'promise-snapshot',
      );
      expect(moved?.expected).toBe(now());
    } finally {
      await server.close();
    }
  }, 60_000);
});
