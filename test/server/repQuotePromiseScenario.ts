import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { DatabaseConfig } from '../../src/server/config.ts';
import { deskOrder, deskRepQuote, deskSelection } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller, FEED_TOKEN } from './availabilityJourney.ts';
import { REP_TOKEN } from './serverProcess.ts';

const asFeed = { authorization: `Bearer ${FEED_TOKEN}` };
const asRep = { authorization: `Bearer ${REP_TOKEN}` };

/** The handset of the fixture desk: the unit the buyers compete for. */
const HANDSET = 'HSET-UD-2B';

/** One desk, priced on the plant's day of the server's clock (Monday 7 December 2026, Berlin). */
const oneDesk = (over: Parameters<typeof deskRepQuote>[0] = {}) =>
  deskRepQuote({
    pricing: { date: '2026-12-07', currency: 'EUR' },
    lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection }],
    ...over,
  });

/** What the catalogue's availability file names that a customer must never see. */
function internalIds(): string[] {
  const file = JSON.parse(
    readFileSync(new URL('../../public/catalogue/availability.json', import.meta.url), 'utf8'),
  ) as { workCenters: Record<string, unknown>; inbound: { id: string; supplierId?: string }[] };
  return [
    ...Object.keys(file.workCenters),
    ...file.inbound.map((p) => p.id),
    ...file.inbound.flatMap((p) => (p.supplierId ? [p.supplierId] : [])),
  ];
}

/**
 * Rep quotes are promised on the live feed net of other buyers' holds, never on the catalogue's
 * file: a stock change fed through `PATCH /api/availability` moves a saved quote's date (rep view,
 * customer's page) while the stored promise of the earlier revision stays, and the audit names the
 * feed version each revision used; another buyer's hold on the last unit moves it, the hold of the
 * buyer request a quote was converted from does not, and accepting that quote hands the hold on to
 * the order (same date, no `promise-changed`).
 */
export async function repQuotePromiseScenario(database: DatabaseConfig): Promise<void> {
  const { server, now } = await availabilityServer(database);
  const call = caller(server);
  const date = (body: { promise: { deliveryDate?: string } | null }) =>
    body.promise?.deliveryDate ?? 'none';
  try {
    // Revision 1 on version 1 (the catalogue's file: plenty of handsets).
    const created = await call('POST', '/api/quotes', oneDesk(), asRep);
    expect(created.status).toBe(201);
    const number = created.body.number as string;
    const early = date(created.body);
    expect(early).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(created.body.quoted.promise.deliveryDate).toBe(early);

    // The feed says the handsets are gone: the same quote, viewed again, is promised later.
    const fed = await call(
      'PATCH',
      '/api/availability',
      { stock: { [HANDSET]: { onHand: 0, reserved: 0 } } },
      asFeed,
    );
    expect([fed.status, fed.body.version]).toEqual([201, 2]);
    const viewed = await call('GET', `/api/quotes/${number}`, undefined, asRep);
    const late = date(viewed.body);
    expect(late).not.toBe(early);
    expect(late > early).toBe(true);
    // What was promised with revision 1 stays; the change is shown as such.
    expect(viewed.body.quoted.promise.deliveryDate).toBe(early);
    expect(viewed.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'delivery-date', before: early, after: late }),
    );
    // The customer's page says the same date, and nothing internal.
    const shared = await call('GET', `/api/shared/quotes/${created.body.shareToken as string}`);
    expect(shared.status).toBe(200);
    expect(shared.body.delivery.deliveryDate).toBe(late);
    const page = JSON.stringify(shared.body);
    for (const id of internalIds()) expect(page).not.toContain(id);
    expect(page).not.toMatch(/cost|supplier|workCent|purchaseOrder/i);

    // Revision 2 is promised (and stored) on version 2; revision 1 keeps its promise.
    const revised = await call('POST', `/api/quotes/${number}/revisions`, oneDesk(), asRep);
    expect(revised.status).toBe(201);
    expect(revised.body.quoted.promise.deliveryDate).toBe(late);
    const first = await call('GET', `/api/quotes/${number}?revision=1`, undefined, asRep);
    expect(first.body.quoted.promise.deliveryDate).toBe(early);
    const audit = await call('GET', `/api/promises/${number}`, undefined, asRep);
    expect(
      (audit.body.promises as { snapshotVersion: number; deliveryDate: string }[]).map((p) => [
        p.snapshotVersion,
        p.deliveryDate,
      ]),
    ).toEqual([
      [1, early],
      [2, late],
    ]);
    // Each revision's promise was made with its hold; revision 2's replaced revision 1's.
    expect(audit.body.promises[1]).toMatchObject({
      kind: 'quote',
      holdId: revised.body.hold.id,
      request: { revision: 2, now: now(), ownHolds: [created.body.hold.id] },
    });
    expect(audit.body.promises[0].holdId).toBe(created.body.hold.id);
    expect(revised.body.hold.replaced).toBe(created.body.hold.id);

    // One handset left (version 3): a buyer's cart takes it, and the rep's new quote of it is
    // promised later.
    await call('PATCH', '/api/availability', { stock: { [HANDSET]: { onHand: 1 } } }, asFeed);
    const cart = await call('POST', '/api/holds', {
      lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection }],
    });
    expect([cart.status, cart.body.promise.deliveryDate]).toEqual([201, early]);
    const lastUnit = await call('POST', '/api/quotes', oneDesk(), asRep);
    const heldDate = date(lastUnit.body);
    expect(heldDate > early).toBe(true);
    const lastShared = await call(
      'GET',
      `/api/shared/quotes/${lastUnit.body.shareToken as string}`,
    );
    expect(lastShared.body.delivery.deliveryDate).toBe(heldDate);
    // The cart lets go: the quote, viewed again, has the handset again (its own hold, of later
    // material, does not delay it); it is lost, and holds nothing.
    await call('DELETE', `/api/holds/${cart.body.id as string}`);
    expect(
      date((await call('GET', `/api/quotes/${lastUnit.body.number}`, undefined, asRep)).body),
    ).toBe(early);
    await call('POST', `/api/quotes/${lastUnit.body.number as string}/lost`, undefined, asRep);

    // A buyer's quote request takes the handset (its hold is the request's own).
    const request = deskOrder(
      'rep-promise-request',
      1,
      'quote-request',
      now().replace(/\.\d+Z$/, 'Z'),
    );
    const asked = await call('POST', '/api/quotes', request);
    expect(asked.status).toBe(201);
    expect(asked.body.promise.deliveryDate).toBe(early);
    // Everyone else waits for it…
    const other = await call('POST', '/api/quotes', oneDesk(), asRep);
    expect(date(other.body) > early).toBe(true);
    // …but the rep's quote converted from that request is not delayed by the request's hold.
    const converted = await call(
      'POST',
      `/api/quotes/${asked.body.number as string}/convert`,
      undefined,
      asRep,
    );
    expect(converted.status).toBe(201);
    expect(converted.body.convertedFrom).toBe(asked.body.number);
    expect(date(converted.body)).toBe(early);
    expect(converted.body.quoted.promise.deliveryDate).toBe(early);
    const convertedAudit = await call(
      'GET',
      `/api/promises/${converted.body.number as string}`,
      undefined,
      asRep,
    );
    expect(convertedAudit.body.promises).toMatchObject([
      {
        kind: 'quote',
        snapshotVersion: 3,
        deliveryDate: early,
        request: { ownHolds: [asked.body.promise.holdId] },
      },
    ]);
    const convertedShared = await call(
      'GET',
      `/api/shared/quotes/${converted.body.shareToken as string}`,
    );
    expect(convertedShared.body.delivery.deliveryDate).toBe(early);

    // The converted quote's hold replaced the request's.
    expect(converted.body.hold.replaced).toBe(asked.body.promise.holdId);
    expect(
      (await call('GET', `/api/holds/${asked.body.promise.holdId as string}`)).body,
    ).toMatchObject({ state: 'released', reason: 'quote' });

    // The customer accepts: the order keeps the date, the quote's hold goes to the order.
    const accepted = await call(
      'POST',
      `/api/shared/quotes/${converted.body.shareToken as string}/accept`,
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.promise).toMatchObject({ deliveryDate: early, snapshotVersion: 3 });
    expect(
      (accepted.body.warnings as { code: string }[]).filter((w) => w.code === 'promise-changed'),
    ).toEqual([]);
    expect(
      (await call('GET', `/api/holds/${converted.body.hold.id as string}`)).body,
    ).toMatchObject({ state: 'released', reason: 'order' });
  } finally {
    await server.close();
  }
}
