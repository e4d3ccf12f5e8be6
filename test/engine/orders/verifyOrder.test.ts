import { describe, expect, it } from 'vitest';
import { verifyOrder } from '../../../src/engine/orders/verifyOrder.ts';
import type { OrderPayload } from '../../../src/engine/orders/schema.ts';
import { buildOrderPayload } from '../../../src/engine/orders/buildOrder.ts';
import { price } from '../../../src/engine/pricing/price.ts';
import { desk, deskOrder, models, pricing, snapshot } from './orderFixture.ts';

const fresh = (): OrderPayload => structuredClone(deskOrder());

describe('verifyOrder', () => {
  it('verifies the payload the engine built, with and without a snapshot', () => {
    const p = fresh();
    for (const snap of [snapshot, undefined]) {
      const v = verifyOrder(models, pricing, snap, p);
      expect(v.differences).toEqual([]);
      expect(v.status).toBe('verified');
      expect(v.price?.total).toBe(p.totals.total);
      expect(v.needs['L1']?.bom).toEqual(p.lines[0]!.bom);
    }
  });

  it("keeps both texts of each delivery driver: the buyer's words and the rep's detail", () => {
    const p = fresh();
    const drivers = p.promise?.drivers ?? [];
    expect(drivers.length).toBeGreaterThan(0);
    for (const d of drivers) {
      expect(d.buyer.length).toBeGreaterThan(0);
      expect(d.detail.length).toBeGreaterThan(0);
      expect(d.buyer).not.toMatch(/PO-|[A-Z]{3}-[A-Z0-9]+-/);
    }
  });

  // Each tampering → the code and path of the first error it must produce.
  const cases: [string, (p: any) => void, string, string][] = [
    ['a lower total', (p) => (p.totals.total = '1.00'), 'price-mismatch', '$.totals.total'],
    [
      'a lower unit price',
      (p) => (p.lines[0].price.unit = '1.00'),
      'price-mismatch',
      '$.lines[0].price.unit',
    ],
    [
      'a lower line',
      (p) => (p.lines[1].price.line = '0.00'),
      'price-mismatch',
      '$.lines[1].price.line',
    ],
    ['less tax', (p) => (p.totals.tax = '0.00'), 'price-mismatch', '$.totals.tax'],
    [
      'an unknown value',
      (p) => (p.lines[0].selection.frame = 'gold'),
      'invalid-selection',
      '$.lines[0].selection.frame',
    ],
    [
      'a missing required choice',
      (p) => delete p.lines[0].selection.drive,
      'invalid-selection',
      '$.lines[0].selection.drive',
    ],
    [
      'a selection on a service',
      (p) => (p.lines[1].selection = { x: 'y' }),
      'invalid-selection',
      '$.lines[1].selection',
    ],
    [
      'another model version',
      (p) => (p.model.version = '2020-01-01'),
      'model-version',
      '$.model.version',
    ],
    [
      'another model content',
      (p) => (p.model.hash = `sha256:${'0'.repeat(64)}`),
      'model-hash',
      '$.model.hash',
    ],
    ['an unknown model', (p) => (p.model.id = 'CHAIR'), 'unknown-model', '$.model.id'],
    ['a missing BOM line', (p) => p.lines[0].bom.pop(), 'bom-mismatch', '$.lines[0].bom'],
    [
      'more routing hours',
      (p) => (p.lines[0].routing[0].hours += 1),
      'routing-mismatch',
      '$.lines[0].routing',
    ],
    [
      'another currency',
      (p) => (p.totals.currency = 'USD'),
      'currency-mismatch',
      '$.totals.currency',
    ],
    [
      'an unknown product',
      (p) => (p.lines[1].productId = 'NOPE'),
      'price-unavailable',
      '$.lines[1].productId',
    ],
    [
      'a duplicate line id',
      (p) => (p.lines[1].lineId = 'L1'),
      'duplicate-line',
      '$.lines[1].lineId',
    ],
  ];
  it.each(cases)('rejects %s: %s at %s', (_, edit, code, path) => {
    const p = fresh();
    edit(p);
    const v = verifyOrder(models, pricing, undefined, p);
    expect(v.status).toBe('rejected');
    const errors = v.differences.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.path])).toContainEqual([code, path]);
    for (const d of errors) expect(d.message.length).toBeGreaterThan(10);
  });

  it('names the engine price as expected and the claimed one as actual', () => {
    const p = fresh();
    const real = p.totals.total;
    p.totals.total = '1.00';
    const d = verifyOrder(models, pricing, undefined, p).differences.find(
      (x) => x.path === '$.totals.total',
    );
    expect(d).toMatchObject({ expected: real, actual: '1.00', severity: 'error' });
  });

  it('treats equal decimals as equal ("2850.0" = "2850.00")', () => {
    const p = fresh();
    p.totals.subtotal = `${p.totals.subtotal}0`;
    expect(verifyOrder(models, pricing, undefined, p).status).toBe('verified');
  });

  it.each([
    [['2026-11-22', '2026-11-23', '2026-11-24'], 'verified'],
    [['2026-12-01'], 'rejected'],
  ] as const)('price dates %j → %s', (dates, status) => {
    expect(verifyOrder(models, pricing, undefined, fresh(), { priceDates: dates }).status).toBe(
      status,
    );
  });

  it('a changed promise is a warning, not a rejection', () => {
    const p = fresh();
    p.promise = { ...p.promise, deliveryDate: '2026-11-24', snapshotAt: '2026-11-01T00:00:00Z' };
    const v = verifyOrder(models, pricing, snapshot, p);
    expect(v.status).toBe('verified');
    expect(v.differences.map((d) => [d.code, d.severity])).toEqual([
      ['promise-snapshot', 'warning'],
      ['promise-changed', 'warning'],
    ]);
  });

  it('does not mutate the payload', () => {
    const p = fresh();
    const copy = structuredClone(p);
    verifyOrder(models, pricing, snapshot, p);
    expect(p).toEqual(copy);
  });
});

describe("verifyOrder with an accepted quote's discounts ($.pricing.discounts)", () => {
  const discounted = (discounts: NonNullable<OrderPayload['pricing']['discounts']>) => {
    const base = fresh();
    const pricingContext = { ...base.pricing, discounts };
    const lines = base.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      quantity: l.quantity,
      selection: l.selection,
    }));
    const priced = price({ ...pricingContext, lines }, { pricing, models });
    return buildOrderPayload({
      kind: 'order',
      idempotencyKey: base.idempotencyKey,
      createdAt: base.createdAt,
      model: desk,
      models,
      pricing: pricingContext,
      lines,
      price: priced,
      customer: base.customer,
    });
  };

  it.each([
    [{ additionalPercent: '5' }, []],
    [{ partnerPercent: '3', documentDiscount: '50.00' }, []],
    // Past a guardrail: the engine never clamps, and an order needs approval first.
    [{ additionalPercent: '40' }, ['approval-required']],
  ])('%j: re-priced with the discounts → %j, below the list total', (discounts, codes) => {
    const p = discounted(discounts);
    const v = verifyOrder(models, pricing, undefined, p);
    expect(v.differences.map((d) => d.code)).toEqual(codes);
    expect(v.price?.total).toBe(p.totals.total);
    expect(Number(p.totals.total)).toBeLessThan(Number(fresh().totals.total));
  });

  it.each([
    ['dropped', undefined],
    ['raised', { additionalPercent: '9' }],
  ])('discounts %s after pricing → rejected at $.totals.total', (_, after) => {
    const p = discounted({ additionalPercent: '5' });
    const { discounts: _d, ...rest } = p.pricing;
    p.pricing = after === undefined ? rest : { ...rest, discounts: after };
    const v = verifyOrder(models, pricing, undefined, p);
    expect(v.status).toBe('rejected');
    expect(v.differences.map((d) => d.path)).toContain('$.totals.total');
  });
});
