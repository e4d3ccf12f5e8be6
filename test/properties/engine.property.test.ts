import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsePromiseRequest,
  parseSnapshot,
  SnapshotError,
} from '../../src/engine/leadtime/parseSnapshot.ts';
import { PromiseInputError } from '../../src/engine/leadtime/planOrder.ts';
import { promise } from '../../src/engine/leadtime/promise.ts';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import { ModelError } from '../../src/engine/model/types.ts';
import { parseOrderPayload } from '../../src/engine/orders/schema.ts';
import { verifyOrder } from '../../src/engine/orders/verifyOrder.ts';
import { parsePricing } from '../../src/engine/pricing/parsePricing.ts';
import { PricingError } from '../../src/engine/pricing/PricingError.ts';
import { price } from '../../src/engine/pricing/price.ts';
import { parseRepQuote } from '../../src/engine/quotes/repQuote.ts';
import {
  deskOrder,
  deskRepQuote,
  models,
  pricing,
  snapshot,
} from '../engine/orders/orderFixture.ts';
import { answersOrNamesThePath, mutate, mutations, RUNS } from './mutate.ts';

// Issue 16: random and mutated models, pricing, snapshots, orders and requests get either a
// clear error naming JSON paths or a correct answer; never a crash, a hang or a silent accept.
// Seeded and bounded (RUNS): each property runs at most 80 cases or 1.5 seconds.

const dir = new URL('../../public/catalogue/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const priceRequest = read('requests/price-acme-desks.json');
const promiseRequest = read('requests/promise-mixed.json');

describe('properties: mutated documents get an answer or a named error', () => {
  it('models', () => {
    const docs = ['desk.json', 'sofa.json'].map(read);
    fc.assert(
      fc.property(fc.nat(1), mutations, (which, ms) => {
        answersOrNamesThePath(() => parseModel(mutate(docs[which], ms)), [ModelError]);
      }),
      RUNS,
    );
  });

  it('pricing files, then a price with them', () => {
    const doc = read('pricing.json');
    fc.assert(
      fc.property(mutations, (ms) => {
        const parsed = answersOrNamesThePath(
          () => parsePricing(mutate(doc, ms), models),
          [PricingError],
        );
        if (parsed.ok)
          answersOrNamesThePath(
            () => price(priceRequest as never, { pricing: parsed.value as never, models }),
            [PricingError],
          );
      }),
      RUNS,
    );
  });

  it('price requests', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        answersOrNamesThePath(
          () => price(mutate(priceRequest, ms) as never, { pricing, models }),
          [PricingError],
        );
      }),
      RUNS,
    );
  });

  it('snapshots, then a promise with them', () => {
    const doc = read('availability.json');
    const request = parsePromiseRequest({
      ...(promiseRequest as object),
      options: { atpCurve: false, suggestions: false, confidence: false },
    });
    fc.assert(
      fc.property(mutations, (ms) => {
        const parsed = answersOrNamesThePath(
          () => parseSnapshot(mutate(doc, ms), models),
          [SnapshotError],
        );
        if (parsed.ok)
          answersOrNamesThePath(
            () => promise(request, { snapshot: parsed.value as never, models }),
            [SnapshotError, PromiseInputError],
          );
      }),
      RUNS,
    );
  });

  it('promise requests', () => {
    fc.assert(
      fc.property(mutations, (ms) => {
        answersOrNamesThePath(() => {
          const request = parsePromiseRequest(mutate(promiseRequest, ms));
          return promise(
            { ...request, options: { atpCurve: false, suggestions: false, confidence: false } },
            { snapshot, models },
          );
        }, [SnapshotError, PromiseInputError]);
      }),
      RUNS,
    );
  });

  it('orders: a mutated order is refused with paths, or verifies only when its figures are right', () => {
    const order = deskOrder('property-order-0001');
    const verify = (p: never) =>
      verifyOrder(models, pricing, undefined, p, { priceDates: [order.pricing.date] });
    expect(verify(order as never).status).toBe('verified');
    fc.assert(
      fc.property(mutations, (ms) => {
        const mutated = mutate(order, ms);
        const parsed = parseOrderPayload(mutated);
        if (!parsed.ok) {
          expect(parsed.issues.length).toBeGreaterThan(0);
          for (const i of parsed.issues) expect(i.path).toMatch(/^\$/);
          return;
        }
        const verdict = verify(parsed.payload as never);
        // No silent accept: a verified order has exactly the figures the engine computes.
        if (verdict.status === 'verified') {
          expect(parsed.payload.totals).toEqual(order.totals);
          expect(parsed.payload.lines.map((l) => l.price)).toEqual(order.lines.map((l) => l.price));
        } else for (const d of verdict.differences) expect(d.path).toMatch(/^\$/);
      }),
      RUNS,
    );
  });

  it('rep quotes', () => {
    const quote = deskRepQuote();
    fc.assert(
      fc.property(mutations, (ms) => {
        const parsed = parseRepQuote(mutate(quote, ms));
        if (!parsed.ok) for (const i of parsed.issues) expect(i.path).toMatch(/^\$/);
      }),
      RUNS,
    );
  });
});
