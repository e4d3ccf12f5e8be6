import { attributeLabel, valueLabel } from '../model/labels.ts';
import type { ProductModel } from '../model/types.ts';
import { linePicture } from '../orders/picture.ts';
import { dec, decInt, minorUnits, money, round, ZERO } from '../pricing/money.ts';
import type { PriceResult } from '../pricing/price.ts';
import type { PricedQuote } from './priceQuote.ts';
import type { ApprovalStatus, QuoteState } from './quoteState.ts';
import type { RepQuote } from './repQuote.ts';
import type { z } from '../zod.ts';
import type { customerQuoteWire, sellerWire } from './wire.ts';

/** The seller as configured: who sells, their terms, and names of products without a model. */
export interface SellerConfig {
  seller: z.output<typeof sellerWire>;
  paymentTerms: string;
  deliveryTerms: string;
  /** Names of products that have no model (services, delivery), by product id. */
  productNames: ReadonlyMap<string, string>;
}

/** What the customer's document is made from: the revision, its price today and its state. */
export interface CustomerDocumentInput {
  number: string;
  revision: number;
  /** When the revision was saved (ISO instant). */
  createdAt: string;
  quote: RepQuote;
  priced: PricedQuote;
  models: readonly ProductModel[];
  seller: SellerConfig;
  state: QuoteState;
  approvalStatus: ApprovalStatus;
  approval: { number: string; revision: number; approvedBy: string; approvedAt: string } | null;
  /** The price changed since the revision was quoted (it cannot be accepted as it is). */
  changed: boolean;
  /** The order placed when the customer accepted. */
  order: string | null;
}

/** A product id as words when nothing names it: `INSTALL-DESK` → "Install desk". */
const humanize = (id: string): string => {
  const words = id.replace(/[-_]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const cannot = (code: NonNullable<Doc['cannotAccept']>['code'], message: string) => ({
  code,
  message,
});

type Doc = z.input<typeof customerQuoteWire>;

/** Why a customer cannot accept (null: they can), in the customer's terms. */
function cannotAccept(input: CustomerDocumentInput): Doc['cannotAccept'] {
  const { state } = input;
  if (state === 'accepted' || state === 'lost')
    return cannot(
      'QUOTE_CLOSED',
      state === 'accepted' ? 'This quote has been accepted.' : 'This quote has been withdrawn.',
    );
  if (state === 'expired')
    return cannot(
      'QUOTE_EXPIRED',
      `This quote was valid until ${input.quote.validUntil}. Please ask for a new one.`,
    );
  if (input.approvalStatus === 'required')
    return cannot(
      'APPROVAL_REQUIRED',
      'This quote is being approved by our sales manager; you can accept it once it is approved.',
    );
  if (input.changed)
    return cannot(
      'QUOTE_CHANGED',
      'Prices have changed since this quote was made. Please ask for an updated quote.',
    );
  return null;
}

/**
 * The customer's document of a quote revision: only what a customer should see — the seller, the
 * lines with their product and options in words (labels from the model, never ids), list price,
 * discounts granted and net, tax, totals, validity, terms and delivery, and whether (and why not)
 * it can be accepted. It never holds guardrails, violations, costs, product or option ids.
 *
 * @example
 * customerDocument({ …, quote, priced: priceQuote(quote, data), state: 'sent', approvalStatus: 'approved' })
 *   .lines[0].options // [{ attribute: 'Frame', value: 'Steel' }, …]
 */
export function customerDocument(input: CustomerDocumentInput): Doc {
  const { quote, priced, seller } = input;
  const p: PriceResult = priced.price;
  const currency = p.currency;
  const dp = minorUnits(currency);
  const byId = new Map(input.models.map((m) => [m.id, m] as const));
  const source = new Map(quote.lines.map((l) => [l.lineId, l] as const));
  const productName = (id: string) =>
    byId.get(id)?.name ?? seller.productNames.get(id) ?? humanize(id);
  let listTotal = ZERO;
  let lineDiscounts = ZERO;
  const lines = p.lines.map((l) => {
    const model = byId.get(l.productId);
    const selection = source.get(l.lineId)?.selection ?? {};
    const list = round(dec(l.listUnit).times(decInt(l.quantity)), dp, 'halfUp');
    const extended = dec(l.extended);
    const discount = list.gt(extended) ? list.minus(extended) : ZERO;
    listTotal = listTotal.plus(list);
    lineDiscounts = lineDiscounts.plus(discount);
    const picture = model && linePicture(model, selection);
    return {
      lineId: l.lineId,
      product: productName(l.productId),
      quantity: l.quantity,
      ...(picture && { picture }),
      options: model
        ? Object.entries(selection)
            .filter(([, value]) => !(Array.isArray(value) && value.length === 0))
            .map(([attributeId, value]) => ({
              attribute: attributeLabel(model, attributeId),
              value: valueLabel(model, attributeId, value),
            }))
        : [],
      listUnit: l.listUnit,
      list: money(list, currency),
      discount: money(discount, currency),
      discountPercent: list.gt(ZERO)
        ? round(discount.times(decInt(100)).div(list), 2, 'halfUp').toFixed()
        : '0',
      documentDiscount: l.documentDiscount,
      net: l.line,
      taxRate: l.taxRate,
      tax: l.tax,
      gross: l.gross,
    };
  });
  const charges = p.charges.map((c) => {
    const model = byId.get(p.lines.find((l) => l.lineId === c.lineId)?.productId ?? '');
    const attribute = model?.attributes.find((a) => a.id === c.attribute)?.label ?? c.attribute;
    const value =
      model && c.value !== undefined ? `: ${valueLabel(model, c.attribute, c.value)}` : '';
    return { label: `${attribute}${value}`, net: c.line, tax: c.tax, gross: c.gross };
  });
  listTotal = listTotal.plus(p.charges.reduce((s, c) => s.plus(dec(c.line)), ZERO));
  const documentDiscount = dec(p.documentDiscount);
  const why = cannotAccept(input);
  const promise = priced.promise;
  return {
    number: input.number,
    revision: input.revision,
    issuedOn: input.createdAt.slice(0, 10),
    validUntil: quote.validUntil,
    state:
      input.state === 'accepted'
        ? 'accepted'
        : input.state === 'expired'
          ? 'expired'
          : input.state === 'lost'
            ? 'closed'
            : input.approvalStatus === 'required'
              ? 'awaiting-approval'
              : 'open',
    approvalStatus: input.approvalStatus,
    approval: input.approval,
    canAccept: why === null,
    cannotAccept: why,
    seller: seller.seller,
    customer: {
      name: quote.customer.name,
      email: quote.customer.email,
      ...(quote.customer.company !== undefined && { company: quote.customer.company }),
    },
    rep: quote.rep,
    currency,
    lines,
    charges,
    totals: {
      list: money(listTotal, currency),
      discounts: money(lineDiscounts.plus(documentDiscount), currency),
      documentDiscount: p.documentDiscount,
      net: p.subtotal,
      tax: p.tax,
      total: p.total,
    },
    taxes: p.taxes.map((t) => ({ rate: t.rate, base: t.base, amount: t.amount })),
    delivery: {
      shipPolicy: quote.shipPolicy,
      status: promise ? promise.status : 'unknown',
      shipDate: promise?.shipDate ?? null,
      deliveryDate: promise?.deliveryDate ?? null,
    },
    terms: {
      payment: seller.paymentTerms,
      delivery: seller.deliveryTerms,
      notes: quote.notes,
    },
    order: input.order === null ? null : { number: input.order },
  };
}

/**
 * A rep's margins on each line: the list price, the net after every discount, and how far below
 * list it is (no costs are known to the pricing file, so this is the margin given away).
 *
 * @example
 * lineMargins(priced.price)[0] // { lineId: 'L1', list: '1742.00', net: '1219.40', belowList: '522.60', belowListPercent: '30' }
 */
export function lineMargins(p: PriceResult): {
  lineId: string;
  list: string;
  net: string;
  belowList: string;
  belowListPercent: string;
}[] {
  const dp = minorUnits(p.currency);
  return p.lines.map((l) => {
    const list = round(dec(l.listUnit).times(decInt(l.quantity)), dp, 'halfUp');
    const below = list.minus(dec(l.line));
    return {
      lineId: l.lineId,
      list: money(list, p.currency),
      net: l.line,
      belowList: money(below, p.currency),
      belowListPercent: list.gt(ZERO)
        ? round(below.times(decInt(100)).div(list), 2, 'halfUp').toFixed()
        : '0',
    };
  });
}
