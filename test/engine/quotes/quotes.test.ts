import { describe, expect, it } from 'vitest';
import { price } from '../../../src/engine/pricing/price.ts';
import type { Pricing } from '../../../src/engine/pricing/schema.ts';
import { compareConfigurations } from '../../../src/engine/quotes/compareConfigurations.ts';
import { draftQuote } from '../../../src/engine/quotes/draftQuote.ts';
import { priceQuote } from '../../../src/engine/quotes/priceQuote.ts';
import { quoteChanges, quotedFigures } from '../../../src/engine/quotes/quoteChanges.ts';
import { parseRepQuote, type RepQuote } from '../../../src/engine/quotes/repQuote.ts';
import { deskSelection, models, pricing, snapshot } from '../orders/orderFixture.ts';

const NOW = '2026-11-23T09:00:00Z';
const data = { pricing, models, snapshot, now: NOW };

function quote(over: Partial<RepQuote> = {}): RepQuote {
  const parsed = parseRepQuote({
    rep: 'Rita Rep',
    validUntil: '2026-12-23',
    pricing: { date: '2026-11-23', currency: 'EUR' },
    customer: { name: 'Ana Lima', email: 'ana@example.com', company: 'ACME' },
    lines: [
      { lineId: 'L1', productId: 'DESK', quantity: 3, selection: deskSelection },
      { lineId: 'L2', productId: 'INSTALL-DESK', quantity: 3 },
    ],
    ...over,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.quote;
}

describe('parseRepQuote', () => {
  it.each([
    [{ rep: '' }, '$.rep'],
    [{ validUntil: '2026-13-01' }, '$.validUntil'],
    [{ lines: [] }, '$.lines'],
    [{ discounts: { additionalPercent: '101' } }, '$.discounts.additionalPercent'],
    [{ customer: { name: 'A', email: 'nope' } }, '$.customer.email'],
  ])('rejects %j at %s', (over, path) => {
    const base = { ...quote(), ...over };
    const r = parseRepQuote(base);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
  });
  it('applies defaults: complete shipping, no discounts, empty notes', () => {
    const q = quote();
    expect([q.shipPolicy, q.discounts, q.notes]).toEqual(['complete', {}, '']);
  });
});

describe('priceQuote', () => {
  it.each([
    // discounts → whether the engine's guardrail (DESK: max 25 %, min net 520) asks for approval
    [{}, false],
    [{ additionalPercent: '5' }, false],
    [{ additionalPercent: '40' }, true],
    [{ additionalPercent: '15', partnerPercent: '15' }, true],
  ])('discounts %j → approvalRequired %s, priced exactly as price()', (discounts, approval) => {
    const q = quote({ discounts });
    const r = priceQuote(q, data);
    expect(r.approvalRequired).toBe(approval);
    const direct = price(
      { ...q.pricing, lines: q.lines, discounts },
      { pricing, models, optionDeltas: false },
    );
    expect(r.price.total).toBe(direct.total);
    expect(r.price.violations.length > 0).toBe(approval);
  });
  it('never clamps: a deeper discount gives a lower total even past the guardrail', () => {
    const totals = ['20', '40', '60'].map((p) =>
      Number(priceQuote(quote({ discounts: { additionalPercent: p } }), data).price.total),
    );
    expect(totals[0]).toBeGreaterThan(totals[1]!);
    expect(totals[1]).toBeGreaterThan(totals[2]!);
  });
  it('a document discount lowers the subtotal by exactly that amount', () => {
    const plain = priceQuote(quote(), data).price.subtotal;
    const less = priceQuote(quote({ discounts: { documentDiscount: '100.00' } }), data).price
      .subtotal;
    expect(Number(plain) - Number(less)).toBeCloseTo(100, 2);
  });
  it.each(['complete', 'asap'] as const)('promises with ship policy %s', (shipPolicy) => {
    const r = priceQuote(quote({ shipPolicy }), data);
    expect(r.promise?.shipPolicy).toBe(shipPolicy);
    expect(r.promise?.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('has no promise without a snapshot', () => {
    expect(priceQuote(quote(), { pricing, models, now: NOW }).promise).toBeUndefined();
  });
});

describe('quoteChanges', () => {
  const q = quote();
  const stored = quotedFigures(q, priceQuote(q, data), models);
  it('reports nothing when nothing changed', () => {
    expect(quoteChanges(q, stored, priceQuote(q, data), models)).toEqual([]);
  });
  it('reports the new unit price, net and totals when the desk book changes', () => {
    const dearer: Pricing = structuredClone(pricing);
    for (const book of dearer.priceBooks) {
      const desk = book.products['DESK'];
      if (desk?.list !== undefined) desk.list = (Number(desk.list) + 100).toFixed(2);
    }
    const now = priceQuote(q, { ...data, pricing: dearer });
    const changes = quoteChanges(q, stored, now, models);
    const kinds = changes.map((c) => `${c.kind} ${c.path}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'line-price $.lines[0].price.unit',
        'line-price $.lines[0].price.line',
        'total $.totals.total',
      ]),
    );
    const unit = changes.find((c) => c.path === '$.lines[0].price.unit')!;
    expect(unit.before).toBe(stored.lines['L1']!.unit);
    expect(unit.after).toBe(now.price.lines[0]!.unit);
  });
  it('reports a changed model (content hash) and a model that vanished', () => {
    const edited = models.map((m) =>
      m.id === 'DESK' ? { ...m, version: 'next', document: { ...m.document, x: 1 } } : m,
    );
    const r = quoteChanges(q, stored, priceQuote(q, data), edited as typeof models);
    expect(r[0]).toMatchObject({ kind: 'model-changed', after: 'next' });
    const gone = quoteChanges(
      q,
      stored,
      priceQuote(q, data),
      models.filter((m) => m.id !== 'DESK'),
    );
    expect(gone[0]).toMatchObject({ kind: 'model-missing', path: '$.lines' });
  });
  it('reports approval and delivery date changes', () => {
    const r = quoteChanges(
      q,
      { ...stored, approvalRequired: true, promise: { deliveryDate: '2000-01-01' } },
      priceQuote(q, data),
      models,
    );
    expect(r.map((c) => c.kind)).toEqual(['approval', 'delivery-date']);
  });
});

describe('compareConfigurations', () => {
  it('lists the differing options, the total difference and both delivery dates', () => {
    const q = quote();
    const left = q.lines[0]!;
    const right = { ...left, lineId: 'B', selection: { ...left.selection, cableTray: true } };
    const c = compareConfigurations(q, left, right, data);
    expect(c.differingOptions).toEqual([{ attribute: 'cableTray', left: false, right: true }]);
    expect(Number(c.totalDifference)).toBeCloseTo(
      Number(c.sides[1].total) - Number(c.sides[0].total),
      2,
    );
    expect(c.sides.map((s) => s.deliveryDate)).toEqual([
      expect.stringMatching(/^\d{4}/),
      expect.stringMatching(/^\d{4}/),
    ]);
  });
  it('identical configurations differ in nothing', () => {
    const q = quote();
    const c = compareConfigurations(q, q.lines[0]!, q.lines[0]!, data);
    expect([c.differingOptions, c.totalDifference]).toEqual([[], '0.00']);
  });
});

describe("draftQuote: an empty quote, valid a number of calendar days from the rep's date", () => {
  it.each([
    ['2026-11-23', undefined, '2026-12-23'],
    ['2026-01-31', undefined, '2026-03-02'],
    ['2028-02-01', undefined, '2028-03-02'], // a leap year: 29 days in February
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'], // across the European clock change: still two days
  ] as const)('%s + %s days → valid until %s', (today, days, validUntil) => {
    const draft = draftQuote('DESK', today, 'EUR', days);
    expect(draft.validUntil).toBe(validUntil);
    expect(draft.pricing).toEqual({ date: today, currency: 'EUR' });
    expect(draft.lines).toEqual([{ lineId: 'L1', productId: 'DESK', quantity: 1, selection: {} }]);
  });

  it('is a quote the schema accepts once the rep and customer are filled in', () => {
    const draft = draftQuote('DESK', '2026-11-23', 'CHF');
    const parsed = parseRepQuote({
      ...draft,
      rep: 'Rita Rep',
      customer: { name: 'Ana Lima', email: 'ana@example.com' },
    });
    expect(parsed.ok).toBe(true);
  });

  it('rejects a date that is not a calendar date, naming it', () => {
    expect(() => draftQuote('DESK', '2026-02-30', 'EUR')).toThrow(/2026-02-30/);
  });
});
