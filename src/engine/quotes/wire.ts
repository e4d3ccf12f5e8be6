/**
 * The wire contract of the reference backend's sign-in, quotes, pipeline and customer-link
 * answers: one zod schema per answer, used by the server (its answers are typed as the schema's
 * input) and by clients (they parse answers with it). Import through `src/engine/index.ts`.
 * Engine results (the price waterfall, the promise) are checked at their top level only: both
 * sides run the same engine.
 */
import type { PriceResult } from '../pricing/price.ts';
import type { QuoteChange, QuotedFigures } from './quoteChanges.ts';
import { repQuoteSchema } from './repQuote.ts';
import { QUOTE_STATES } from './quoteState.ts';
import { z } from '../zod.ts';
import { linePictureSchema } from '../orders/picture.ts';

/** A user's role: a rep quotes; a manager also approves; an admin may do both. */
export const userRoleWire = z.enum(['rep', 'manager', 'admin', 'integration']);

/** Who saved or approved something (name and role; never a token or a password). */
export const userWire = z.object({ name: z.string(), role: userRoleWire });

/**
 * `GET /api/me` and `POST /api/session`: who is signed in and how. `csrfToken` (cookie sessions
 * only) goes in the `X-CSRF-Token` header of every POST and DELETE made with the cookie.
 */
export const meWire = z.object({
  id: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  role: userRoleWire,
  authenticatedBy: z.enum(['session', 'token']),
  csrfToken: z.optional(z.string()),
});

/** Every error answer: a stable code, a message naming the problem, and details. */
export const errorWire = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    differences: z.optional(z.array(z.unknown())),
  }),
});

/** The states of a quote (see `quoteState`). */
export const quoteStateWire = z.enum(QUOTE_STATES);

/** Whether a revision needs, has or does not need a manager's approval. */
export const approvalStatusWire = z.enum(['not-needed', 'required', 'approved']);

/** Who approved a revision and when (ISO instant). */
export const approvalWire = z.object({
  number: z.string(),
  revision: z.int(),
  approvedBy: z.string(),
  approvedAt: z.string(),
});

/** A guardrail a revision breaks (rep and manager answers only: never the customer's). */
export const guardrailWire = z.object({
  rule: z.enum(['minNetUnit', 'maxDiscountPercent', 'documentDiscount']),
  limit: z.string(),
  actual: z.string(),
  lineId: z.optional(z.string()),
  message: z.string(),
});

/** What happened to a quote since it was made (ISO instants; null: not yet). */
export const quoteActivityWire = z.object({
  sentAt: z.nullable(z.string()),
  sentTo: z.nullable(z.string()),
  sentRevision: z.nullable(z.int()),
  viewedAt: z.nullable(z.string()),
  acceptedAt: z.nullable(z.string()),
  /** The order the customer's acceptance placed (`O-…`). */
  order: z.nullable(z.string()),
  lostAt: z.nullable(z.string()),
});

const dateText = z.string();
const money = z.string();

/** One option of a line in words: the attribute's label and the chosen value's label(s). */
export const optionInWordsWire = z.object({ attribute: z.string(), value: z.string() });

/** One line of the customer's document: the product and options in words, list, discounts, net. */
export const customerLineWire = z.object({
  lineId: z.string(),
  product: z.string(),
  quantity: z.int(),
  /** The configured product's picture (every view), when its model has one. */
  picture: z.optional(linePictureSchema),
  options: z.array(optionInWordsWire),
  listUnit: money,
  /** listUnit × quantity. */
  list: money,
  /** Every discount of the line before the document discount (volume, contract, rep, partner). */
  discount: money,
  /** The discount as a percentage of `list` (e.g. "22"), "0" without one. */
  discountPercent: z.string(),
  /** The line's share of the document discount. */
  documentDiscount: money,
  /** After every discount, before tax. */
  net: money,
  taxRate: z.string(),
  tax: money,
  gross: money,
});

/** The seller as configured (`seller.json` in the catalogue directory). */
export const sellerWire = z.object({
  name: z.string(),
  address: z.array(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  website: z.optional(z.string()),
  vatId: z.optional(z.string()),
  /** A URL or site path of the logo image. */
  logoUrl: z.optional(z.string()),
});

/** Why the customer cannot accept (null: they can). */
export const cannotAcceptWire = z.nullable(
  z.object({
    code: z.enum(['APPROVAL_REQUIRED', 'QUOTE_EXPIRED', 'QUOTE_CHANGED', 'QUOTE_CLOSED']),
    message: z.string(),
  }),
);

/**
 * The customer's document (`GET /api/shared/quotes/:token`, and `document` in the rep's view):
 * only what a customer should see — seller, customer, lines with options in words, list price,
 * discounts granted, net, tax, total, validity, terms, delivery, and whether it can be accepted.
 * Never guardrails, costs, product or option ids.
 */
export const customerQuoteWire = z.object({
  number: z.string(),
  revision: z.int(),
  /** The day this revision was made (YYYY-MM-DD). */
  issuedOn: dateText,
  validUntil: dateText,
  state: z.enum(['awaiting-approval', 'open', 'accepted', 'expired', 'closed']),
  approvalStatus: approvalStatusWire,
  approval: z.nullable(approvalWire),
  canAccept: z.boolean(),
  cannotAccept: cannotAcceptWire,
  seller: sellerWire,
  customer: z.object({ name: z.string(), email: z.string(), company: z.optional(z.string()) }),
  rep: z.string(),
  currency: z.string(),
  lines: z.array(customerLineWire),
  /** One-time charges (an option charged once per order), in words. */
  charges: z.array(z.object({ label: z.string(), net: money, tax: money, gross: money })),
  totals: z.object({
    list: money,
    /** Every discount granted: the lines' and the document discount. */
    discounts: money,
    documentDiscount: money,
    net: money,
    tax: money,
    total: money,
  }),
  taxes: z.array(z.object({ rate: z.string(), base: money, amount: money })),
  delivery: z.object({
    shipPolicy: z.enum(['complete', 'asap']),
    status: z.enum(['ok', 'unavailable', 'unknown']),
    shipDate: z.nullable(dateText),
    deliveryDate: z.nullable(dateText),
  }),
  terms: z.object({ payment: z.string(), delivery: z.string(), notes: z.string() }),
  /** The order placed when the customer accepted (null: not accepted). */
  order: z.nullable(z.object({ number: z.string() })),
});

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Figures stored with a revision (what the customer was shown); checked at the top level. */
export const quotedFiguresWire = z.custom<QuotedFigures>(
  (v) =>
    isRecord(v) &&
    typeof v['currency'] === 'string' &&
    isRecord(v['totals']) &&
    typeof v['approvalRequired'] === 'boolean',
  'quoted figures: { currency, totals, approvalRequired, … }',
);

/** A change since a revision was quoted, with its JSON path. */
export const quoteChangeWire = z.custom<QuoteChange>(
  (v) => isRecord(v) && typeof v['kind'] === 'string' && typeof v['message'] === 'string',
  'a change: { kind, path, message }',
);

/** The engine's price of a revision (waterfall, guardrails); checked at the top level. */
export const priceResultWire = z.custom<PriceResult>(
  (v) =>
    isRecord(v) &&
    typeof v['currency'] === 'string' &&
    typeof v['total'] === 'string' &&
    Array.isArray(v['lines']) &&
    Array.isArray(v['violations']),
  'a price result: { currency, total, lines, violations, … }',
);

/** A rep's margin on a line: the list price, the net, and how far below list (no costs are known). */
export const lineMarginWire = z.object({
  lineId: z.string(),
  list: money,
  net: money,
  belowList: money,
  belowListPercent: z.string(),
});

/**
 * A rep quote revision as reps and managers see it (`GET /api/quotes/:number`, saves, convert,
 * duplicate): the quote, the engine's price with its waterfall and guardrails, the state, the
 * approval, the activity, and the customer's `document` exactly as the customer sees it.
 */
export const repQuoteWire = z.object({
  kind: z.literal('rep-quote'),
  number: z.string(),
  revision: z.int(),
  revisions: z.array(z.int()),
  createdAt: z.string(),
  createdBy: z.nullable(userWire),
  history: z.optional(
    z.array(
      z.object({
        revision: z.int(),
        createdAt: z.string(),
        createdBy: z.nullable(userWire),
        total: money,
      }),
    ),
  ),
  quote: repQuoteSchema,
  quoted: quotedFiguresWire,
  price: priceResultWire,
  promise: z.nullable(
    z.looseObject({
      status: z.enum(['ok', 'unavailable']),
      shipDate: z.optional(dateText),
      deliveryDate: z.optional(dateText),
    }),
  ),
  approvalRequired: z.boolean(),
  approvalStatus: approvalStatusWire,
  approval: z.nullable(approvalWire),
  guardrails: z.array(guardrailWire),
  margins: z.array(lineMarginWire),
  changes: z.array(quoteChangeWire),
  state: quoteStateWire,
  activity: quoteActivityWire,
  shareToken: z.string(),
  convertedFrom: z.nullable(z.string()),
  duplicateOf: z.optional(z.object({ number: z.string(), revision: z.int() })),
  document: customerQuoteWire,
});

const customerWire = z.object({
  name: z.string(),
  email: z.string(),
  company: z.optional(z.string()),
});
const productsWire = z.array(
  z.object({ productId: z.string(), name: z.string(), quantity: z.int() }),
);

/** One entry of the pipeline: a buyer's quote request, a rep's quote or an order. */
export const pipelineItemWire = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('quote-request'),
    number: z.string(),
    state: z.enum(['new', 'converted']),
    /** The rep quote it was converted to. */
    convertedTo: z.nullable(z.string()),
    customer: customerWire,
    products: productsWire,
    total: money,
    currency: z.string(),
    receivedAt: z.string(),
    updatedAt: z.string(),
  }),
  z.object({
    kind: z.literal('rep-quote'),
    number: z.string(),
    revision: z.int(),
    state: quoteStateWire,
    approvalStatus: approvalStatusWire,
    convertedFrom: z.nullable(z.string()),
    order: z.nullable(z.string()),
    customer: customerWire,
    products: productsWire,
    total: money,
    currency: z.string(),
    validUntil: dateText,
    createdBy: z.nullable(userWire),
    receivedAt: z.string(),
    updatedAt: z.string(),
  }),
  z.object({
    kind: z.literal('order'),
    number: z.string(),
    /** The rep quote whose acceptance placed it. */
    fromQuote: z.nullable(z.string()),
    customer: customerWire,
    products: productsWire,
    total: money,
    currency: z.string(),
    receivedAt: z.string(),
    updatedAt: z.string(),
  }),
]);

/** `GET /api/pipeline`: one page, newest first, with how many match in all. */
export const pipelinePageWire = z.object({
  items: z.array(pipelineItemWire),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
  pages: z.int(),
});

/** `GET /api/approvals`: the latest revisions waiting for a manager, oldest first. */
export const approvalQueueWire = z.object({
  items: z.array(
    z.object({
      number: z.string(),
      revision: z.int(),
      customer: customerWire,
      total: money,
      currency: z.string(),
      createdAt: z.string(),
      createdBy: z.nullable(userWire),
      guardrails: z.array(guardrailWire),
      /** The signed-in manager saved this revision: someone else must approve it. */
      ownRevision: z.boolean(),
    }),
  ),
});

/** `POST /api/quotes/:number/send`: who it went to, when, and the link it carries. */
export const sendResultWire = z.object({
  number: z.string(),
  revision: z.int(),
  sentTo: z.string(),
  sentAt: z.string(),
  link: z.string(),
  messageId: z.string(),
  state: quoteStateWire,
});

/** `POST /api/shared/quotes/:token/accept`: the order placed (201, or the same one again). */
export const acceptResultWire = z.looseObject({
  id: z.string(),
  number: z.string(),
  kind: z.literal('order'),
  status: z.literal('accepted'),
  totals: z.looseObject({ total: money, currency: z.string() }),
});

/** `GET /api/dev/mail` (npm start only): what the local mail catcher received, newest first. */
export const devMailWire = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      receivedAt: z.string(),
      from: z.string(),
      to: z.array(z.string()),
      subject: z.string(),
      text: z.string(),
      links: z.array(z.string()),
    }),
  ),
});

/**
 * A stored order, quote request or rep's quote payload as the listings and `GET /api/quotes/:Q-…`
 * answer it: its number, kind, key, arrival and the verified order payload.
 */
export const submissionWire = z.object({
  seq: z.int(),
  id: z.string(),
  number: z.string(),
  kind: z.enum(['order', 'quote-request', 'quote']),
  idempotencyKey: z.string(),
  receivedAt: z.string(),
  payload: z.unknown(),
});

/** `GET /api/quotes/:number`: a rep quote's revision, or a stored quote request. */
export const quoteLookupWire = z.union([repQuoteWire, submissionWire]);

/** The typed answers. */
export type MeWire = z.output<typeof meWire>;
export type ErrorWire = z.output<typeof errorWire>;
export type CustomerQuoteWire = z.output<typeof customerQuoteWire>;
export type RepQuoteWire = z.output<typeof repQuoteWire>;
export type PipelineItemWire = z.output<typeof pipelineItemWire>;
export type PipelinePageWire = z.output<typeof pipelinePageWire>;
export type ApprovalQueueWire = z.output<typeof approvalQueueWire>;
export type SendResultWire = z.output<typeof sendResultWire>;
export type AcceptResultWire = z.output<typeof acceptResultWire>;
export type DevMailWire = z.output<typeof devMailWire>;
export type SubmissionWire = z.output<typeof submissionWire>;
export type QuoteLookupWire = z.output<typeof quoteLookupWire>;
export type SellerWire = z.output<typeof sellerWire>;
