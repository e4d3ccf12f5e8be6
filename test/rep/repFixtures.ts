import type { RepQuoteProps } from '../../src/react/rep/RepQuote.tsx';
import type { QuoteApproval } from '../../src/react/rep/quoteApi.ts';
import { parseSnapshot } from '../../src/engine/leadtime/parseSnapshot.ts';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import type { ProductModel, Selection } from '../../src/engine/model/types.ts';
import { parsePricing } from '../../src/engine/pricing/parsePricing.ts';
import { compareConfigurations } from '../../src/engine/quotes/compareConfigurations.ts';
import { priceQuote } from '../../src/engine/quotes/priceQuote.ts';
import { parseRepQuote, type RepQuote } from '../../src/engine/quotes/repQuote.ts';
import deskJson from '../../public/catalogue/desk.json';
import bikeJson from '../../public/catalogue/bike.json';
import sofaJson from '../../public/catalogue/sofa.json';
import pricingJson from '../../public/catalogue/pricing.json';
import availabilityJson from '../../public/catalogue/availability.json';
import acme from '../../public/catalogue/requests/price-acme-desks.json';
import mixed from '../../public/catalogue/requests/promise-mixed.json';
import { parseSellerConfig } from '../../src/react/rep/sellerConfig.ts';

/**
 * Rep quotes on the sample catalogue (browser-safe: JSON imports, no `node:fs`), shared by the
 * rep browser tests and the `Rep*` stories.
 */
export const NOW = '2026-11-23T09:30:00+01:00';
export const models: ProductModel[] = [deskJson, bikeJson, sofaJson].map((m) => parseModel(m));
export const pricing = parsePricing(pricingJson, models);
export const snapshot = parseSnapshot(availabilityJson, models);
export const data = { pricing, models, snapshot, now: NOW };

/** A valid desk (line L2 of the sample request: laminate, dual motor, no cable tray). */
export const deskSelection = acme.lines[1]!
  .selection as Selection as RepQuote['lines'][number]['selection'];

/** A rep's quote of desks and their installation, with `over` applied. */
export function repQuote(over: Partial<RepQuote> = {}): RepQuote {
  const parsed = parseRepQuote({
    rep: 'Rita Rep',
    validUntil: '2026-12-23',
    pricing: { date: '2026-11-23', currency: 'EUR' },
    customer: { name: 'Ana Lima', email: 'ana@example.com', company: 'ACME' },
    notes: 'Deliver to the loading dock, gate 3.',
    lines: [
      { lineId: 'L1', productId: 'DESK', quantity: 3, selection: deskSelection },
      {
        lineId: 'L2',
        productId: 'DESK',
        quantity: 2,
        selection: { ...deskSelection, cableTray: true },
      },
      { lineId: 'L3', productId: 'INSTALL-DESK', quantity: 5 },
    ],
    ...over,
  });
  if (!parsed.ok) throw new Error(`repQuote fixture: ${JSON.stringify(parsed.issues)}`);
  return parsed.quote;
}

/** A desk line and a bike line (e-assist) side by side: two products, each in its own words. */
export const productsComparison = (() => {
  const quote = repQuote({
    lines: mixed.lines.slice(0, 2).map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      quantity: 1,
      selection: l.selection as RepQuote['lines'][number]['selection'],
    })),
  });
  return compareConfigurations(quote, quote.lines[0]!, quote.lines[1]!, data);
})();

/** The named states of a rep quote, for stories and tests. */
export const repStates = {
  valid: repQuote(),
  approvalRequired: repQuote({ discounts: { additionalPercent: '40', documentDiscount: '50.00' } }),
  shipAsap: repQuote({ shipPolicy: 'asap' }),
} as const;

/** The priced quote of a state. */
export const pricedState = (name: keyof typeof repStates) => priceQuote(repStates[name], data);

/** Lines L1 and L2 side by side. */
export const comparison = compareConfigurations(
  repStates.valid,
  repStates.valid.lines[0]!,
  repStates.valid.lines[1]!,
  data,
);

/**
 * The props of the rep editor on the sample catalogue at `NOW`, starting from the valid quote;
 * `over` replaces any of them (an `api` stand-in, another `initial`, a `locale`).
 */
export function editorProps(over: Partial<RepQuoteProps> = {}): RepQuoteProps {
  return {
    models,
    pricing: data.pricing,
    snapshot: data.snapshot,
    apiBase: '',
    token: 't0ken',
    now: NOW,
    initial: repStates.valid,
    ...over,
  };
}

/** A manager's approval of `storedForApproval()`. */
export const managerApproval: QuoteApproval = {
  number: 'RQ-2026-000007',
  revision: 2,
  approvedBy: 'Mara Manager',
  approvedAt: '2026-11-23T09:15:00.000Z',
};

/** A seller's configuration (as `seller.json`), parsed: the seller on the documents. */
export const seller = parseSellerConfig({
  name: 'Madeto Werkstätten GmbH',
  address: ['Werkstraße 12', '10115 Berlin', 'Germany'],
  email: 'sales@madeto.example',
  phone: '+49 30 1234 5678',
  vatId: 'DE123456789',
  logoUrl: '/catalogue/img/desk.svg',
  paymentTerms: 'Payment within 30 days of the invoice date, net.',
  deliveryTerms: 'Delivered to the address given.',
  productNames: { 'INSTALL-DESK': 'Desk installation' },
});
