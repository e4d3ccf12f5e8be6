import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_LIMITS, type DatabaseConfig } from '../../src/server/config.ts';
import { deskSelection } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller } from './availabilityJourney.ts';
import { describePostgres } from './pgCluster.ts';
import { REP_TOKEN, tempDb } from './serverProcess.ts';

const cart = (quantity: number) => ({
  lines: [{ lineId: 'L1', productId: 'DESK', quantity, selection: deskSelection }],
});
const asRep = { authorization: `Bearer ${REP_TOKEN}` };

describe('anonymous holds are limited (SQLite)', () => {
  it('10 holds a minute per IP, then 429 TOO_MANY_HOLDS with Retry-After; signed-in callers are not counted', async () => {
    const { server, advance } = await availabilityServer(
      { kind: 'sqlite', file: tempDb() },
      DEFAULT_HOLD_LIMITS,
    );
    const call = caller(server);
    try {
      for (let i = 0; i < 10; i++)
        expect((await call('POST', '/api/holds', cart(1))).status).toBe(201);
      advance(0.5);
      const refused = await call('POST', '/api/holds', cart(1));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('TOO_MANY_HOLDS');
      expect(refused.headers.get('retry-after')).toBe('30');
      // A rep (or an integration token) is not throttled; a wrong bearer token is not anonymous.
      expect((await call('POST', '/api/holds', cart(1), asRep)).status).toBe(201);
      const wrong = await call('POST', '/api/holds', cart(1), { authorization: 'Bearer nope' });
      expect(wrong.status).toBe(401);
      // A stale session cookie is anonymous, and still refused.
      expect(
        (await call('POST', '/api/holds', cart(1), { cookie: 'madeto_session=x' })).status,
      ).toBe(429);
      advance(0.5);
      expect((await call('POST', '/api/holds', cart(1))).status).toBe(201);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('one line of an anonymous hold takes at most 50 (400 HOLD_TOO_LARGE naming the JSON path); a rep may take more', async () => {
    const { server } = await availabilityServer({ kind: 'sqlite', file: tempDb() });
    const call = caller(server);
    try {
      const big = {
        lines: [
          { lineId: 'L1', productId: 'DESK', quantity: 2, selection: deskSelection },
          { lineId: 'L2', productId: 'DESK', quantity: 51, selection: deskSelection },
        ],
      };
      const refused = await call('POST', '/api/holds', big);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('HOLD_TOO_LARGE');
      expect(refused.body.error.issues).toEqual([
        { path: '$.lines[1].quantity', message: expect.stringContaining('51 is more than 50') },
      ]);
      expect((await call('POST', '/api/holds', cart(50))).status).toBe(201);
      const rep = await call('POST', '/api/holds', big, asRep);
      expect(rep.status).toBe(201);
    } finally {
      await server.close();
    }
  }, 60_000);
});

/**
 * At most 3 active anonymous holds per address (the rate limit set out of the way): a fourth,
 * even among parallel requests, is 429 TOO_MANY_ACTIVE_HOLDS naming the limit, with Retry-After
 * until the first expires; a release or an expiry makes room; a rep is not counted.
 */
async function activeHoldsCapped(database: DatabaseConfig): Promise<void> {
  const { server, advance } = await availabilityServer(database, {
    ...DEFAULT_HOLD_LIMITS,
    perIp: 1000,
    activePerIp: 3,
  });
  const call = caller(server);
  try {
    const parallel = await Promise.all(
      Array.from({ length: 8 }, () => call('POST', '/api/holds', cart(1))),
    );
    const statuses = parallel.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    advance(10);
    const refused = await call('POST', '/api/holds', cart(1));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('TOO_MANY_ACTIVE_HOLDS');
    expect(refused.body.error.message).toContain('3 active holds, the most 3 allowed');
    // Carts hold 30 minutes; 10 have passed.
    expect(refused.headers.get('retry-after')).toBe(String(20 * 60));
    expect((await call('POST', '/api/holds', cart(1), asRep)).status).toBe(201);
    const held = parallel.find((a) => a.status === 201)!.body.id as string;
    expect((await call('DELETE', `/api/holds/${held}`)).status).toBe(200);
    expect((await call('POST', '/api/holds', cart(1))).status).toBe(201);
    expect((await call('POST', '/api/holds', cart(1))).status).toBe(429);
    advance(21);
    // The first three expired: two of the four slots are free (the fourth hold is 10 minutes old).
    expect((await call('POST', '/api/holds', cart(1))).status).toBe(201);
    expect((await call('POST', '/api/holds', cart(1))).status).toBe(201);
    expect((await call('POST', '/api/holds', cart(1))).status).toBe(429);
  } finally {
    await server.close();
  }
}

describe('active anonymous holds are capped per IP', () => {
  it('SQLite: 3 active at once, then 429 TOO_MANY_ACTIVE_HOLDS until one is released or expires', async () => {
    await activeHoldsCapped({ kind: 'sqlite', file: tempDb() });
  }, 60_000);

  describePostgres('PostgreSQL', (cluster) => {
    it('PostgreSQL: 3 active at once (counted under the row lock), then 429 TOO_MANY_ACTIVE_HOLDS', async () => {
      await activeHoldsCapped({ kind: 'postgres', url: cluster().url });
    }, 60_000);
  });
});
