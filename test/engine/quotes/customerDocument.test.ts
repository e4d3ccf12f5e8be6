import { describe, expect, it } from 'vitest';
import {
  customerDocument,
  type CustomerDocumentInput,
  type SellerConfig,
} from '../../../src/engine/quotes/customerDocument.ts';
import { quotedFigures } from '../../../src/engine/quotes/quoteChanges.ts';
import { priceQuote } from '../../../src/engine/quotes/priceQuote.ts';
import { parseRepQuote, type RepQuote } from '../../../src/engine/quotes/repQuote.ts';
import { customerQuoteWire } from '../../../src/engine/quotes/wire.ts';
import { deskRepQuote, models, pricing, snapshot } from '../orders/orderFixture.ts';

const seller: SellerConfig = {
  seller: {
    name: 'Madeto Werkstätten GmbH',
    address: ['Werkstraße 12', '10115 Berlin'],
    logoUrl: '/catalogue/logo.svg',
  },
  paymentTerms: '30 days net.',
  deliveryTerms: 'Delivered.',
  productNames: new Map([['INSTALL-DESK', 'Desk installation']]),
};

const parsed = (over: Parameters<typeof deskRepQuote>[0]): RepQuote => {
  const r = parseRepQuote(deskRepQuote(over));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.quote;
};

const documentInput = (
  quote: RepQuote,
  approvalStatus: 'not-needed' | 'required' | 'approved',
): CustomerDocumentInput => ({
  number: 'RQ-2026-000001',
  revision: 1,
  createdAt: '2026-12-07T09:00:00.000Z',
  quote,
  priced: priceQuote(quote, { pricing, models, snapshot, now: '2026-12-07T09:00:00Z' }),
  models,
  seller,
  state: approvalStatus === 'required' ? 'awaiting-approval' : 'sent',
  approvalStatus,
  approval: null,
  changed: false,
  order: null,
});

const documentOf = (quote: RepQuote, approvalStatus: 'not-needed' | 'required' | 'approved') =>
  customerDocument(documentInput(quote, approvalStatus));

describe("the customer's document", () => {
  const quote = parsed({
    discounts: { additionalPercent: '40', documentDiscount: '100.00' },
    lines: [
      { ...deskRepQuote().lines[0]!, quantity: 2 },
      { lineId: 'L2', productId: 'INSTALL-DESK', quantity: 2, selection: {} },
    ],
  });
  const doc = documentOf(quote, 'required');

  it('fits the wire contract', () => {
    expect(customerQuoteWire.safeParse(doc).success).toBe(true);
  });

  it("carries each configured line's picture (none for a product without a model)", () => {
    const picture = doc.lines[0]!.picture!;
    expect(picture.views.map((v) => v.view)).toEqual(['front', 'top']);
    expect(picture.views[0]!.layers.length).toBeGreaterThan(5);
    expect(picture.views[0]!.layers.some((l) => l.image.includes('/desk/column-steel'))).toBe(true);
    expect(doc.lines[1]!.picture).toBeUndefined();
  });

  it("quoted figures keep each pictured line's picture as the document draws it", () => {
    const kept = quotedFigures(
      quote,
      priceQuote(quote, { pricing, models, snapshot, now: '2026-12-07T09:00:00Z' }),
      models,
    ).pictures!;
    // The desk line's picture; the installation has no model, so no picture.
    expect(Object.keys(kept)).toEqual(['L1']);
    expect(kept['L1']).toEqual(doc.lines[0]!.picture);
  });

  it('names products and options in words, never by id', () => {
    expect(doc.lines.map((l) => l.product)).toEqual([
      'Arbeitsplatz Pro height-adjustable desk',
      'Desk installation',
    ]);
    expect(doc.lines[0]!.options).toEqual(
      expect.arrayContaining([
        { attribute: 'Frame', value: 'Steel, 3-stage columns' },
        { attribute: 'Width', value: '1600 mm' },
        { attribute: 'Cable tray under the top', value: 'no' },
      ]),
    );
    expect(doc.lines[0]!.options.every((o) => o.value !== '')).toBe(true);
    const text = JSON.stringify(doc);
    for (const id of ['"DESK"', 'INSTALL-DESK', 't-foot', 'frameColour', 'topDecor'])
      expect(text).not.toContain(id);
  });

  it("words a repeated module's options as a customer reads them: the module's and the model's labels", () => {
    const sofa = documentOf(
      parsed({
        lines: [
          {
            lineId: 'L1',
            productId: 'SOFA',
            quantity: 1,
            selection: {
              'seat.count': 2,
              'seat[1].seatType': 'chaise',
              'seat[2].seatType': 'standard',
              'seat[2].headrest': false,
              fabric: 'velvet-emerald',
            },
          },
        ],
      }),
      'not-needed',
    );
    expect(sofa.lines[0]!.options).toEqual([
      { attribute: 'Seat count', value: '2' },
      { attribute: 'Seat 1 – Module', value: 'Chaise longue, 90 × 160 cm' },
      { attribute: 'Seat 2 – Module', value: 'Standard seat, 90 cm' },
      { attribute: 'Seat 2 – Adjustable headrest', value: 'no' },
      { attribute: 'Cover', value: 'Velvet, emerald' },
    ]);
  });

  it('holds no guardrail, violation or cost even when the quote breaks a guardrail', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/guardrail|violation|minimum|maxDiscount|minNetUnit|waterfall|cost/i);
    expect(doc).toMatchObject({ canAccept: false, cannotAccept: { code: 'APPROVAL_REQUIRED' } });
  });

  it('shows list price, the discounts granted and the net, adding up to the total', () => {
    const list = doc.lines.reduce((s, l) => s + Number(l.list), 0);
    expect(Number(doc.totals.list)).toBeCloseTo(list, 2);
    expect(Number(doc.totals.list) - Number(doc.totals.discounts)).toBeCloseTo(
      Number(doc.totals.net),
      2,
    );
    expect(Number(doc.totals.net) + Number(doc.totals.tax)).toBeCloseTo(
      Number(doc.totals.total),
      2,
    );
    expect(doc.lines[0]!.discountPercent).toBe('40');
    expect(doc.totals.documentDiscount).toBe('100.00');
  });

  it('carries validity, terms, delivery and the seller', () => {
    expect(doc).toMatchObject({
      validUntil: '2099-12-31',
      issuedOn: '2026-12-07',
      terms: { payment: '30 days net.', delivery: 'Delivered.' },
      seller: { name: 'Madeto Werkstätten GmbH', logoUrl: '/catalogue/logo.svg' },
      delivery: { shipPolicy: 'complete', status: 'ok' },
    });
    expect(doc.delivery.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('an approved revision can be accepted', () => {
    expect(documentOf(quote, 'approved')).toMatchObject({
      canAccept: true,
      cannotAccept: null,
      state: 'open',
    });
  });
});
