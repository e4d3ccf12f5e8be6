import { readFileSync } from 'node:fs';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel } from '../../../src/engine/model/types.ts';
import { parseSnapshot } from '../../../src/engine/leadtime/parseSnapshot.ts';
import { promise } from '../../../src/engine/leadtime/promise.ts';
import type { Snapshot } from '../../../src/engine/leadtime/schema.ts';
import { parsePricing } from '../../../src/engine/pricing/parsePricing.ts';
import { price } from '../../../src/engine/pricing/price.ts';
import type { Pricing } from '../../../src/engine/pricing/schema.ts';
import { buildOrderPayload } from '../../../src/engine/orders/buildOrder.ts';
import type { OrderPayload } from '../../../src/engine/orders/schema.ts';
import type { RepQuoteInput } from '../../../src/engine/quotes/repQuote.ts';

/** The sample catalogue (public/catalogue) and a real order built from it by the engine. */
const dir = new URL('../../../public/catalogue/', import.meta.url);
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));

export const models: ProductModel[] = ['desk', 'bike', 'sofa'].map((m) =>
  parseModel(read(`${m}.json`)),
);
export const desk = models[0]!;
export const pricing: Pricing = parsePricing(read('pricing.json'), models);
export const snapshot: Snapshot = parseSnapshot(read('availability.json'), models);

/** A valid desk selection (from public/catalogue/requests/price-acme-desks.json, line L2). */
export const deskSelection = (
  read('requests/price-acme-desks.json') as { lines: { selection: Record<string, never> }[] }
).lines[1]!.selection;

/**
 * A rep's quote document for two desks (`deskSelection`), priced today, valid until 2099;
 * `over` replaces any field (`notes`, `discounts`, …).
 */
export function deskRepQuote(over: Partial<RepQuoteInput> = {}): RepQuoteInput {
  return {
    rep: 'Rita Rep',
    validUntil: '2099-12-31',
    pricing: { date: new Date().toISOString().slice(0, 10), currency: 'EUR' },
    customer: { name: 'Ana Lima', email: 'ana@example.com' },
    lines: [{ lineId: 'L1', productId: 'DESK', quantity: 2, selection: deskSelection }],
    ...over,
  };
}

/** A desk order of `quantity` desks plus installation, priced and promised by the engine. */
export function deskOrder(
  idempotencyKey = 'test-key-0001',
  quantity = 3,
  kind: OrderPayload['kind'] = 'order',
  createdAt = '2026-11-23T09:00:00Z',
  customerId?: string,
): OrderPayload {
  const lines = [
    { lineId: 'L1', productId: 'DESK', quantity, selection: deskSelection },
    { lineId: 'L2', productId: 'INSTALL-DESK', quantity, selection: {} },
  ];
  const pricingContext = {
    date: createdAt.slice(0, 10),
    currency: 'EUR',
    ...(customerId !== undefined && { customerId }),
  };
  const priced = price({ ...pricingContext, lines }, { pricing, models });
  const promised = promise(
    {
      now: createdAt,
      lines: lines.slice(0, 1),
      options: { atpCurve: false, suggestions: false, confidence: false },
    },
    { snapshot, models },
  );
  return buildOrderPayload({
    kind,
    idempotencyKey,
    createdAt,
    model: desk,
    models,
    pricing: pricingContext,
    lines,
    price: priced,
    promise: promised,
    ...(snapshot.snapshotAt !== undefined && { snapshotAt: snapshot.snapshotAt }),
    customer: { name: 'Ana Lima', email: 'ana@example.com', company: 'ACME' },
  });
}
