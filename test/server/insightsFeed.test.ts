import { readFileSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller, FEED_TOKEN } from './availabilityJourney.ts';
import { asManager, MANAGER_TOKEN } from './serverProcess.ts';

const HANDSET = 'HSET-UD-2B';
/** The catalogue's availability.json stock of `item` (version 1 of the feed). */
function fileStock(item: string): { onHand: number; reserved: number } {
  const file = JSON.parse(
    readFileSync(new URL('../../public/catalogue/availability.json', import.meta.url), 'utf8'),
  ) as { stock: Record<string, { onHand: number; reserved?: number }> };
  const s = file.stock[item]!;
  return { onHand: s.onHand, reserved: s.reserved ?? 0 };
}

let stop: (() => Promise<void>) | undefined;
afterEach(() => stop?.());

/**
 * Component demand is set against the live feed's stock, not the catalogue's availability.json:
 * a stock level fed through `PATCH /api/availability` moves the projected stock of the item the
 * open orders need, and the advisor answers on the same version.
 */
test('demand and the advisor read the current feed version', async () => {
  const { server, now } = await availabilityServer(
    { kind: 'sqlite', file: ':memory:' },
    undefined,
    {
      users: [{ token: MANAGER_TOKEN, name: 'Mara Manager', role: 'manager' }],
    },
  );
  stop = () => server.close();
  const call = caller(server);
  const placed = await call(
    'POST',
    '/api/orders',
    deskOrder('feed-demand-0001', 2, 'order', now().replace(/\.\d+Z$/, 'Z')),
  );
  expect(placed.status).toBe(201);
  const handset = async () => {
    const demand = await call('GET', '/api/insights/demand', undefined, asManager);
    expect(demand.status).toBe(200);
    const rows = (demand.body.rows as { item: string; total: number; projected: number }[]).filter(
      (r) => r.item === HANDSET,
    );
    expect(rows.length).toBeGreaterThan(0);
    return rows;
  };
  const before = await handset();
  expect(before.reduce((n, r) => n + r.total, 0)).toBe(2);

  const fed = await call(
    'PATCH',
    '/api/availability',
    { stock: { [HANDSET]: { onHand: 0, reserved: 0 } } },
    { authorization: `Bearer ${FEED_TOKEN}` },
  );
  expect(fed.status).toBe(201);
  const after = await handset();
  // Nothing on hand now: every week's projection drops by what the file had free on hand.
  const { onHand, reserved } = fileStock(HANDSET);
  expect(onHand - reserved).toBeGreaterThan(0);
  expect(after.map((r) => r.projected)).toEqual(
    before.map((r) => r.projected - (onHand - reserved)),
  );

  const advisor = await call('GET', '/api/insights/advisor', undefined, asManager);
  expect(advisor.status).toBe(200);
});
