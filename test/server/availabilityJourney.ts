import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  DEFAULT_CONFIG,
  DEFAULT_HOLD_LIMITS,
  type DatabaseConfig,
  type HoldLimits,
  type ServerConfig,
} from '../../src/server/config.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { deskOrder, deskSelection } from '../engine/orders/orderFixture.ts';
import { REP_TOKEN } from './serverProcess.ts';

export const FEED_TOKEN = 'test-feed-token-0123456789';
const asFeed = { authorization: `Bearer ${FEED_TOKEN}` };
const asRep = { authorization: `Bearer ${REP_TOKEN}` };

/** Monday 7 December 2026, 09:00 in Berlin (before the 12:00 cut-off); moved by the journey. */
const START = Date.parse('2026-12-07T08:00:00Z');

/** A server on `database` with a clock the journey moves, the test rep and an integration user. */
export async function availabilityServer(
  database: DatabaseConfig,
  // Twenty-odd buyers of the journey share one address (the test's): the per-IP limits are tested apart.
  holdLimits: HoldLimits = { ...DEFAULT_HOLD_LIMITS, perIp: 1000, activePerIp: 1000 },
  more: Partial<ServerConfig> = {},
) {
  let now = START;
  const server = await startServer(
    {
      ...DEFAULT_CONFIG,
      port: 0,
      database,
      verifyWorkers: 0,
      holdLimits,
      ...more,
      users: [
        { token: REP_TOKEN, name: 'Rita Rep', role: 'rep' },
        { token: FEED_TOKEN, name: 'ERP feed', role: 'integration' },
        ...(more.users ?? []),
      ],
    },
    { clock: () => new Date(now) },
  );
  return {
    server,
    advance: (minutes: number) => (now += minutes * 60_000),
    now: () => new Date(now).toISOString(),
  };
}

type Answer = { status: number; body: any; headers: Headers };
export const caller =
  (server: RunningServer) =>
  async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : undefined, headers: r.headers };
  };

const cart = {
  lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection }],
};

/**
 * The feed, holds and promises on one database: validation, versions and ETags; the last handset
 * (HSET-UD-2B) asked for by many buyers at once; release, expiry and an order re-promised after
 * its hold expired; the promise audit.
 */
export async function availabilityJourney(database: DatabaseConfig): Promise<void> {
  const { server, advance, now } = await availabilityServer(database);
  const call = caller(server);
  try {
    // The catalogue's file is version 1; ETag and 304.
    const first = await call('GET', '/api/availability');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-availability-version')).toBe('1');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"v1-/);
    const again = await fetch(`${server.url}/api/availability`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    // Only an integration user feeds availability.
    const patch = { stock: { 'HSET-UD-2B': { onHand: 1, reserved: 0 } } };
    expect((await call('PATCH', '/api/availability', patch)).status).toBe(401);
    const rep = await call('PATCH', '/api/availability', patch, asRep);
    expect([rep.status, rep.body.error.code]).toEqual([403, 'INTEGRATION_REQUIRED']);

    // Strict validation, every problem by JSON path; nothing stored.
    const bad = await call(
      'PATCH',
      '/api/availability',
      {
        stock: { 'HSET-UD-2B': { onHand: -1 } },
        inbound: { upsert: [{ id: 'PO-9', item: 'HSET-UD-2B', qty: 5, expected: '2026-13-01' }] },
        bookings: { 'BER-ASM': [{ from: '2026-12-08T08:00', to: 'noon' }] },
        extra: true,
      },
      asFeed,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('AVAILABILITY_INVALID');
    const paths = (bad.body.error.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.stock["HSET-UD-2B"].onHand',
        '$.inbound.upsert[0].expected',
        '$.bookings["BER-ASM"][0].to',
      ]),
    );
    expect(JSON.stringify(bad.body.error.issues)).toContain('extra');
    const unknownPo = await call(
      'PATCH',
      '/api/availability',
      { inbound: { received: ['PO-NONE'] } },
      asFeed,
    );
    expect(unknownPo.body.error.issues).toEqual([
      {
        path: '$.inbound.received[0]',
        message: "no purchase order 'PO-NONE' in the current snapshot",
      },
    ]);
    const badPut = await call(
      'PUT',
      '/api/availability',
      {
        ...first.body,
        plants: {
          ...first.body.plants,
          BER: { ...first.body.plants.BER, timeZone: 'Mars/Olympus' },
        },
      },
      asFeed,
    );
    expect(badPut.body.error.issues).toContainEqual({
      path: '$.plants.BER.timeZone',
      message: "unknown IANA time zone 'Mars/Olympus'",
    });

    // One handset left: version 2, with who and what changed.
    const patched = await call('PATCH', '/api/availability', patch, asFeed);
    expect(patched.status).toBe(201);
    expect(patched.body).toMatchObject({
      version: 2,
      createdBy: 'ERP feed (integration)',
      change: { kind: 'patch', stock: ['HSET-UD-2B'] },
    });
    const stale = await call('PATCH', '/api/availability', patch, {
      ...asFeed,
      'if-match': '"v1"',
    });
    expect([stale.status, stale.body.error.code]).toEqual([412, 'VERSION_MISMATCH']);
    const v2 = await fetch(`${server.url}/api/availability`, {
      headers: { 'if-none-match': etag },
    });
    expect(v2.status).toBe(200);
    expect(v2.headers.get('etag')).toMatch(/^"v2-/);

    // Twenty buyers ask at once for the last handset: exactly one gets the early date.
    const asked = await Promise.all(
      Array.from({ length: 20 }, () => call('POST', '/api/holds', cart)),
    );
    expect(asked.map((a) => a.status)).toEqual(Array(20).fill(201));
    const dates = asked.map((a) => a.body.promise.deliveryDate as string).sort();
    // The others wait for a purchase (and each one's work-centre hold pushes the next).
    const early = dates[0]!;
    const late = dates[1]!;
    expect(early < late).toBe(true);
    expect(dates.filter((d) => d === early)).toHaveLength(1);
    const winner = asked.find((a) => a.body.promise.deliveryDate === early)!.body.id as string;
    // What everyone else is promised on: the handset is reserved.
    const served = await call('GET', '/api/availability');
    expect(served.body.stock['HSET-UD-2B']).toMatchObject({ onHand: 1, reserved: 1 });
    expect((await call('POST', '/api/holds', cart)).body.promise.deliveryDate > early).toBe(true);

    // The winner cancels: the next buyer gets the handset.
    expect((await call('DELETE', `/api/holds/${winner}`)).body).toMatchObject({
      state: 'released',
      reason: 'cancelled',
    });
    const next = await call('POST', '/api/holds', cart);
    expect(next.body.promise.deliveryDate).toBe(early);

    // Carts hold for 30 minutes: then the handset is free again, without any call.
    advance(31);
    expect((await call('GET', `/api/holds/${next.body.id}`)).body.state).toBe('expired');
    const buyerX = await call('POST', '/api/holds', cart);
    expect(buyerX.body.promise.deliveryDate).toBe(early);

    // X's hold expires, Y takes the handset; X's order is re-promised and told the date moved.
    advance(31);
    const buyerY = await call('POST', '/api/holds', cart);
    expect(buyerY.body.promise.deliveryDate).toBe(early);
    const order = deskOrder('avail-order-0001', 1, 'order', now().replace(/\.\d+Z$/, 'Z'));
    order.promise = { ...order.promise, deliveryDate: early };
    const placed = await call('POST', '/api/orders', order, { 'madeto-hold': buyerX.body.id });
    expect(placed.status).toBe(201);
    expect(placed.body.promise).toMatchObject({
      status: 'ok',
      deliveryDate: late,
      snapshotVersion: 2,
    });
    const moved = (placed.body.warnings as { code: string; path: string; message: string }[]).find(
      (w) => w.code === 'promise-changed' && w.path === '$.promise.deliveryDate',
    );
    expect(moved).toMatchObject({ severity: 'warning', expected: late, actual: early });
    expect(moved!.message).toContain(`expired at`);
    expect((await call('GET', `/api/holds/${buyerX.body.id}`)).body).toMatchObject({
      state: 'released',
      reason: 'order',
    });

    // The audit: what was promised to the order, on which version.
    const audit = await call('GET', `/api/promises/${placed.body.number}`, undefined, asRep);
    expect(audit.body.promises).toMatchObject([
      { kind: 'order', snapshotVersion: 2, status: 'ok', deliveryDate: late },
    ]);
    expect((await call('GET', `/api/promises/${placed.body.number}`)).status).toBe(401);

    // A whole snapshot: version 3; the versions list says who sent what.
    const { snapshotAt: _ignored, ...whole } = JSON.parse(
      readFileSync(new URL('../../public/catalogue/availability.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const put = await call('PUT', '/api/availability', whole, asFeed);
    expect(put.body).toMatchObject({ version: 3, change: { kind: 'put' }, snapshotAt: now() });
    const versions = await call('GET', '/api/availability/versions', undefined, asRep);
    expect(
      versions.body.versions.map((v: { version: number; createdBy: string }) => [
        v.version,
        v.createdBy,
      ]),
    ).toEqual([
      [3, 'ERP feed (integration)'],
      [2, 'ERP feed (integration)'],
      [1, 'catalogue'],
    ]);
  } finally {
    await server.close();
  }
}
