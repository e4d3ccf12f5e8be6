import { expect } from 'vitest';
import { DEFAULT_HOLD_LIMITS, type DatabaseConfig } from '../../src/server/config.ts';
import { deskRepQuote, deskSelection } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller, FEED_TOKEN } from './availabilityJourney.ts';
import { REP_TOKEN } from './serverProcess.ts';

const asFeed = { authorization: `Bearer ${FEED_TOKEN}` };
const asRep = { authorization: `Bearer ${REP_TOKEN}` };

/** The handset of the fixture desk: the unit the buyers compete for. */
const HANDSET = 'HSET-UD-2B';

/** One desk valid until Tuesday 8 December (the server's clock starts Monday 7, 08:00 UTC). */
const oneDesk = () =>
  deskRepQuote({
    validUntil: '2026-12-08',
    pricing: { date: '2026-12-07', currency: 'EUR' },
    lines: [{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection }],
  });
const deskLine = { lineId: 'L1', productId: 'DESK', quantity: 1, selection: deskSelection };

/**
 * A rep quote reserves what its promise consumes: the last handset it quotes moves a buyer's
 * later promise; a new revision's hold replaces the earlier one; losing the quote releases it;
 * accepting hands it to the order (one hold, the same date, no `promise-changed`); it expires at
 * the end of the quote's `validUntil` day at the plant (Berlin).
 */
export async function repQuoteHoldScenario(database: DatabaseConfig): Promise<void> {
  const { server, advance } = await availabilityServer(database);
  const call = caller(server);
  const date = (body: { promise: { deliveryDate?: string } | null }) =>
    body.promise?.deliveryDate ?? 'none';
  const stock = (onHand: number) =>
    call('PATCH', '/api/availability', { stock: { [HANDSET]: { onHand, reserved: 0 } } }, asFeed);
  /** A buyer's cart of one desk: its date, and its hold let go again. */
  const cartDate = async () => {
    const cart = await call('POST', '/api/holds', { lines: [deskLine] });
    expect(cart.status).toBe(201);
    await call('DELETE', `/api/holds/${cart.body.id as string}`);
    return cart.body.promise.deliveryDate as string;
  };
  const holdState = async (id: string) => (await call('GET', `/api/holds/${id}`)).body;
  try {
    await stock(1);
    // With the last handset free, a buyer would get this date.
    const early = await cartDate();

    // A rep quotes the last handset: it gets the date, and holds it until the end of its
    // validity day in Berlin; a buyer asking after it is promised later.
    const quoted = await call('POST', '/api/quotes', oneDesk(), asRep);
    expect(quoted.status).toBe(201);
    const number = quoted.body.number as string;
    expect(date(quoted.body)).toBe(early);
    expect(quoted.body.hold).toMatchObject({ expiresAt: '2026-12-08T23:00:00.000Z' });
    const first = quoted.body.hold.id as string;
    expect(first).toMatch(/^H-/);
    expect(await holdState(first)).toMatchObject({ state: 'active' });
    const moved = await cartDate();
    expect(moved > early).toBe(true);
    // Its own views are not delayed by its own hold.
    expect(date((await call('GET', `/api/quotes/${number}`, undefined, asRep)).body)).toBe(early);
    const shared = await call('GET', `/api/shared/quotes/${quoted.body.shareToken as string}`);
    expect(shared.body.delivery.deliveryDate).toBe(early);
    // The revision's promise is the one made with the hold.
    const audit = await call('GET', `/api/promises/${number}`, undefined, asRep);
    expect(audit.body.promises).toMatchObject([
      { kind: 'quote', holdId: first, deliveryDate: early, request: { revision: 1 } },
    ]);

    // Revision 2 replaces the hold: with two handsets, a buyer gets the second one.
    const revised = await call('POST', `/api/quotes/${number}/revisions`, oneDesk(), asRep);
    expect(revised.status).toBe(201);
    expect(date(revised.body)).toBe(early);
    expect(revised.body.hold.replaced).toBe(first);
    expect(await holdState(first)).toMatchObject({ state: 'released', reason: 'quote' });
    expect(await holdState(revised.body.hold.id as string)).toMatchObject({ state: 'active' });
    // Two revisions saved at once: both are stored, one after the other, and the quote still
    // holds once.
    const both = await Promise.all(
      [0, 1].map(() => call('POST', `/api/quotes/${number}/revisions`, oneDesk(), asRep)),
    );
    expect(both.map((b) => b.status)).toEqual([201, 201]);
    expect(both.map((b) => b.body.revision as number).sort()).toEqual([3, 4]);
    const holdIds = (
      (await call('GET', `/api/promises/${number}`, undefined, asRep)).body.promises as {
        holdId: string;
      }[]
    ).map((p) => p.holdId);
    expect(holdIds).toHaveLength(4);
    const states = await Promise.all(holdIds.map(async (id) => (await holdState(id)).state));
    expect(states.filter((st) => st === 'active')).toHaveLength(1);
    // (The hold left may have been promised net of its twin's, on later material: the next
    // revision, saved alone, holds the handset again.)
    const again = await call('POST', `/api/quotes/${number}/revisions`, oneDesk(), asRep);
    expect(again.body.hold.replaced).toBe(holdIds[states.indexOf('active')]);
    const last = again.body.hold.id as string;
    await stock(2);
    expect(await cartDate()).toBe(early);
    await stock(1);
    expect(await cartDate()).toBe(moved);

    // Lost: the handset is free again.
    const lost = await call('POST', `/api/quotes/${number}/lost`, undefined, asRep);
    expect(lost.status).toBe(200);
    expect(await holdState(last)).toMatchObject({ state: 'released', reason: 'lost' });
    expect(await cartDate()).toBe(early);

    // Accepted: the quote's hold becomes the order's (released for the order, in its
    // transaction); the order keeps the date without a promise-changed warning.
    const won = await call('POST', '/api/quotes', oneDesk(), asRep);
    expect(date(won.body)).toBe(early);
    const accepted = await call(
      'POST',
      `/api/shared/quotes/${won.body.shareToken as string}/accept`,
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.promise.deliveryDate).toBe(early);
    expect(
      (accepted.body.warnings as { code: string }[]).filter((w) => w.code === 'promise-changed'),
    ).toEqual([]);
    expect(await holdState(won.body.hold.id as string)).toMatchObject({
      state: 'released',
      reason: 'order',
    });
    expect(await holdState(accepted.body.promise.holdId as string)).toMatchObject({
      state: 'active',
    });
    // Held once: the order's hold alone takes the handset.
    expect(await cartDate()).toBe(moved);
    await stock(2);
    expect(await cartDate()).toBe(early);

    // Expiry: a quote of the second handset holds it until Tuesday's end in Berlin (23:00 UTC).
    const expiring = await call('POST', '/api/quotes', oneDesk(), asRep);
    const held = expiring.body.hold.id as string;
    advance(37 * 60 + 30); // Tuesday 21:30 UTC, 22:30 in Berlin: still valid, still held
    const quoteDate = async () =>
      date(
        (await call('GET', `/api/quotes/${expiring.body.number as string}`, undefined, asRep)).body,
      );
    expect(await holdState(held)).toMatchObject({ state: 'active' });
    expect((await cartDate()) > (await quoteDate())).toBe(true);
    advance(120); // Tuesday 23:30 UTC: the validity ended at midnight in Berlin
    expect(await holdState(held)).toMatchObject({ state: 'expired' });
    expect(await cartDate()).toBe(await quoteDate());
  } finally {
    await server.close();
  }
}

/**
 * A rep's quotes hold at most `activePerRep` times at once: past it the quote is still saved
 * (201), holds nothing and says so (`hold.refused`); a revision's hold replaces its quote's and
 * does not count twice; a lost quote's hold frees a place.
 */
export async function repQuoteHoldLimitScenario(database: DatabaseConfig): Promise<void> {
  const { server } = await availabilityServer(database, {
    ...DEFAULT_HOLD_LIMITS,
    perIp: 1000,
    activePerIp: 1000,
    activePerRep: 1,
  });
  const call = caller(server);
  try {
    const a = await call('POST', '/api/quotes', oneDesk(), asRep);
    expect(a.status).toBe(201);
    expect(a.body.hold.id).toMatch(/^H-/);
    const b = await call('POST', '/api/quotes', oneDesk(), asRep);
    expect(b.status).toBe(201);
    expect(b.body.hold).toMatchObject({ refused: { code: 'TOO_MANY_ACTIVE_HOLDS' } });
    expect(b.body.hold.refused.message).toMatch(/the most is 1/);
    expect(b.body.promise.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await call('GET', `/api/promises/${b.body.number as string}`, undefined, asRep);
    expect(audit.body.promises).toMatchObject([{ kind: 'quote', holdId: null }]);
    // A's revision replaces A's hold: still one, allowed.
    const revised = await call(
      'POST',
      `/api/quotes/${a.body.number as string}/revisions`,
      oneDesk(),
      asRep,
    );
    expect(revised.status).toBe(201);
    expect(revised.body.hold.replaced).toBe(a.body.hold.id);
    // A is lost: B's next revision holds.
    await call('POST', `/api/quotes/${a.body.number as string}/lost`, undefined, asRep);
    const bAgain = await call(
      'POST',
      `/api/quotes/${b.body.number as string}/revisions`,
      oneDesk(),
      asRep,
    );
    expect(bAgain.status).toBe(201);
    expect(bAgain.body.hold.id).toMatch(/^H-/);
  } finally {
    await server.close();
  }
}
