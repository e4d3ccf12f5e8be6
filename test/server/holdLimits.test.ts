import { describe, expect, it } from 'vitest';
import { DEFAULT_HOLD_LIMITS } from '../../src/server/config.ts';
import { deskSelection } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller } from './availabilityJourney.ts';
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
