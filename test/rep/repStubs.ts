import type { CustomerQuoteWire } from '../../src/engine/index.ts';
import { customerDocument } from '../../src/engine/quotes/customerDocument.ts';
import { priceQuote } from '../../src/engine/quotes/priceQuote.ts';
import { quotedFigures, type QuoteChange } from '../../src/engine/quotes/quoteChanges.ts';
import { parseRepQuote, type RepQuote } from '../../src/engine/quotes/repQuote.ts';
import { QuoteApiError } from '../../src/react/rep/apiCall.ts';
import type { PipelineApi } from '../../src/react/rep/pipelineApi.ts';
import type { QuoteView } from '../../src/react/rep/quoteApi.ts';
import type { RepQuoteApi } from '../../src/react/rep/RepQuote.tsx';
import type { SessionApi } from '../../src/react/rep/sessionApi.ts';
import type { SharedQuoteApi } from '../../src/react/rep/SharedQuoteView.tsx';
import { data, models, NOW, repStates, seller } from './repFixtures.ts';

/**
 * Stand-ins for the reference backend, for the `Rep*` stories and the rep browser tests: answers
 * made by the same engine the backend uses (`priceQuote`, `quotedFigures`, `customerDocument`),
 * in the wire shapes (`repQuoteWire`, `customerQuoteWire`), no network.
 */

const NO_ACTIVITY: QuoteView['activity'] = {
  sentAt: null,
  sentTo: null,
  sentRevision: null,
  viewedAt: null,
  acceptedAt: null,
  order: null,
  lostAt: null,
};

/**
 * The backend's answer for `quote` stored as `number`/`revision` (default RQ-2026-000001 / 1),
 * with `changes` since quoted; `over` sets any field (the approval, the state, the activity).
 * Its `document` is the customer's, made by the engine from the same figures.
 */
export function quoteAnswer(
  quote: RepQuote,
  over: Partial<Omit<QuoteView, 'quote' | 'document'>> = {},
  changes: QuoteChange[] = [],
): QuoteView {
  const priced = priceQuote(quote, data);
  const number = over.number ?? 'RQ-2026-000001';
  const revision = over.revision ?? 1;
  const createdAt = over.createdAt ?? '2026-11-23T08:30:00.000Z';
  const approval = over.approval ?? null;
  const approvalStatus =
    over.approvalStatus ??
    (priced.approvalRequired ? (approval ? 'approved' : 'required') : 'not-needed');
  const state =
    over.state ??
    (approvalStatus === 'required'
      ? 'awaiting-approval'
      : approvalStatus === 'approved'
        ? 'approved'
        : 'draft');
  const document = customerDocument({
    number,
    revision,
    createdAt,
    quote,
    priced,
    models,
    seller,
    state,
    approvalStatus,
    approval,
    changed: changes.some((c) => c.kind !== 'delivery-date'),
    order: null,
  });
  return {
    kind: 'rep-quote',
    number,
    revision,
    revisions: Array.from({ length: revision }, (_, i) => i + 1),
    createdAt,
    createdBy: { name: 'Rita Rep', role: 'rep' },
    quote,
    quoted: { ...quotedFigures(quote, priced, models) },
    price: { ...priced.price },
    promise: priced.promise ? { ...priced.promise } : null,
    approvalRequired: priced.approvalRequired,
    approvalStatus,
    approval,
    guardrails: priced.price.violations,
    margins: [],
    changes,
    state,
    activity: NO_ACTIVITY,
    shareToken: 'tok_story',
    convertedFrom: null,
    ...over,
    document,
  };
}

/** The customer's document of `quote` as the share link answers it (see `quoteAnswer`). */
export const customerAnswer = (
  quote: RepQuote,
  over: Partial<Omit<QuoteView, 'quote' | 'document'>> = {},
  changes: QuoteChange[] = [],
): CustomerQuoteWire => quoteAnswer(quote, over, changes).document;

/**
 * Makes `api` refuse every save with `refusal()` (as the backend refuses one) until the returned
 * function is called; from then on it saves as before.
 */
export function refuseSaves(api: Pick<RepQuoteApi, 'save'>, refusal: () => Error): () => void {
  const save = api.save;
  let refuse = true;
  api.save = async (quote, number) => {
    if (refuse) throw refusal();
    return save(quote, number);
  };
  return () => {
    refuse = false;
  };
}

/**
 * A rep API that stores quotes in memory: `save` answers revision 1 of a new number, or the next
 * revision of `number`; `open` answers what was saved. `calls` records every call.
 */
export function memoryRepApi(): RepQuoteApi & { calls: { what: string; args: unknown[] }[] } {
  const calls: { what: string; args: unknown[] }[] = [];
  const stored = new Map<string, QuoteView[]>();
  const store = (quote: RepQuote, number: string) => {
    const revisions = stored.get(number) ?? [];
    const view = quoteAnswer(quote, { number, revision: revisions.length + 1 });
    stored.set(number, [...revisions, view]);
    return view;
  };
  const find = (number: string, revision: number | undefined) => {
    const revisions = stored.get(number);
    const view = revisions?.[(revision ?? revisions.length) - 1];
    if (!view) throw new Error(`quote ${number} does not exist`);
    return view;
  };
  const next = () => `RQ-2026-${String(stored.size + 1).padStart(6, '0')}`;
  return {
    calls,
    me: async () => {
      calls.push({ what: 'me', args: [] });
      return {
        id: 'u-rita',
        name: 'Rita Rep',
        email: 'rita@example.com',
        role: 'rep',
        authenticatedBy: 'token',
      };
    },
    save: async (input, number) => {
      calls.push({ what: 'save', args: [input, number] });
      const parsed = parseRepQuote(input);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return store(parsed.quote, number ?? next());
    },
    open: async (number, revision) => {
      calls.push({ what: 'open', args: [number, revision] });
      return find(number, revision);
    },
    // As the backend: a copy of the revision (default: the latest) as a new quote, priced today.
    duplicate: async (number, revision) => {
      calls.push({ what: 'duplicate', args: [number, revision] });
      const view = find(number, revision);
      const quote = {
        ...view.quote,
        pricing: { ...view.quote.pricing, date: data.now.slice(0, 10) },
      };
      return store(quote, next());
    },
    approve: async (number, revision) => {
      calls.push({ what: 'approve', args: [number, revision] });
      return {
        number,
        revision: revision ?? 1,
        approvedBy: 'Mara Klein',
        approvedAt: '2026-11-23T09:15:00.000Z',
      };
    },
    convert: async (number) => {
      calls.push({ what: 'convert', args: [number] });
      throw new Error(`no quote request ${number} in memory`);
    },
    send: async (number, to) => {
      calls.push({ what: 'send', args: [number, to] });
      const view = find(number, undefined);
      return {
        number,
        revision: view.revision,
        sentTo: to ?? view.quote.customer.email,
        sentAt: '2026-11-23T09:20:00.000Z',
        link: `https://shop.example/#/shared/${view.shareToken}`,
        messageId: '<1@madeto.test>',
        state: 'sent',
      };
    },
  };
}

/** A shared-quote API answering `doc` (or failing / never answering), accepting as an order. */
export function sharedApi(doc: CustomerQuoteWire | 'error' | 'pending'): SharedQuoteApi {
  return {
    get: () =>
      doc === 'pending'
        ? new Promise<CustomerQuoteWire>(() => {})
        : doc === 'error'
          ? Promise.reject(new Error('GET /api/shared/quotes/tok_story answered 404'))
          : Promise.resolve(doc),
    accept: async () => ({
      id: 'o-42',
      number: 'O-2026-000042',
      kind: 'order',
      status: 'accepted',
      totals: { total: '0.00', currency: 'EUR' },
    }),
  };
}

/** A session API with one signed-in user after `signIn` (any password but `wrong`). */
export function memorySessionApi(
  role: 'rep' | 'manager' = 'rep',
  signedIn = false,
): SessionApi & { calls: string[] } {
  const calls: string[] = [];
  const user = {
    id: `u-${role}`,
    name: role === 'rep' ? 'Rita Rep' : 'Mara Manager',
    email: `${role}@demo.madeto`,
    role,
    authenticatedBy: 'session' as const,
    csrfToken: 'csrf-1',
  };
  let current = signedIn ? user : null;
  return {
    calls,
    me: async () => {
      calls.push('me');
      return current;
    },
    signIn: async (email, password) => {
      calls.push(`signIn ${email}`);
      if (password === 'wrong')
        throw new QuoteApiError(
          401,
          'SIGN_IN_FAILED',
          'the e-mail address or the password is wrong',
        );
      current = user;
      return user;
    },
    signOut: async () => {
      calls.push('signOut');
      current = null;
    },
  };
}

/** A pipeline API over fixed items (filtered by kind and state, searched, paged). */
export function memoryPipelineApi(
  items: Awaited<ReturnType<PipelineApi['page']>>['items'],
  queue: Awaited<ReturnType<PipelineApi['approvals']>>['items'] = [],
): PipelineApi & { queries: unknown[] } {
  const queries: unknown[] = [];
  return {
    queries,
    page: async (q) => {
      queries.push(q);
      const matching = items.filter(
        (i) =>
          (!q.kind || i.kind === q.kind) &&
          (!q.state || (i.kind !== 'order' && i.state === q.state)) &&
          (!q.q ||
            `${i.number} ${i.customer.name} ${i.products.map((p) => p.name).join(' ')}`
              .toLowerCase()
              .includes(q.q.toLowerCase())),
      );
      const size = q.pageSize ?? 20;
      const page = q.page ?? 1;
      return {
        items: matching.slice((page - 1) * size, page * size),
        page,
        pageSize: size,
        total: matching.length,
        pages: Math.max(1, Math.ceil(matching.length / size)),
      };
    },
    approvals: async () => ({ items: queue }),
  };
}

/**
 * Revision 2 of the approval-required quote as the backend answers it (not approved yet);
 * `over` replaces any field.
 */
export function storedForApproval(over: Partial<Omit<QuoteView, 'quote' | 'document'>> = {}) {
  return quoteAnswer(repStates.approvalRequired, {
    number: 'RQ-2026-000007',
    revision: 2,
    createdAt: NOW,
    ...over,
  });
}

const customer = { name: 'Ana Lima', email: 'ana@example.com', company: 'ACME' };
const desks = [{ productId: 'DESK', name: 'Arbeitsplatz Pro height-adjustable desk', quantity: 2 }];

/** A pipeline of each kind and several states: a new request, quotes, an order. */
export const pipelineItems: Awaited<ReturnType<PipelineApi['page']>>['items'] = [
  {
    kind: 'quote-request',
    number: 'Q-2026-000004',
    state: 'new',
    convertedTo: null,
    customer: { name: 'Bruno Costa', email: 'bruno@example.com' },
    products: desks,
    total: '1742.00',
    currency: 'EUR',
    receivedAt: '2026-11-23T08:00:00.000Z',
    updatedAt: '2026-11-23T08:00:00.000Z',
  },
  {
    kind: 'rep-quote',
    number: 'RQ-2026-000007',
    revision: 2,
    state: 'awaiting-approval',
    approvalStatus: 'required',
    convertedFrom: 'Q-2026-000003',
    order: null,
    customer,
    products: desks,
    total: '1358.76',
    currency: 'EUR',
    validUntil: '2026-12-23',
    createdBy: { name: 'Rita Rep', role: 'rep' },
    receivedAt: '2026-11-22T08:00:00.000Z',
    updatedAt: '2026-11-23T07:30:00.000Z',
  },
  {
    kind: 'rep-quote',
    number: 'RQ-2026-000006',
    revision: 1,
    state: 'accepted',
    approvalStatus: 'not-needed',
    convertedFrom: null,
    order: 'O-2026-000042',
    customer,
    products: desks,
    total: '1742.00',
    currency: 'EUR',
    validUntil: '2026-12-20',
    createdBy: { name: 'Rita Rep', role: 'rep' },
    receivedAt: '2026-11-20T08:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
  },
  {
    kind: 'order',
    number: 'O-2026-000042',
    fromQuote: 'RQ-2026-000006',
    customer,
    products: desks,
    total: '2072.98',
    currency: 'EUR',
    receivedAt: '2026-11-21T10:00:00.000Z',
    updatedAt: '2026-11-21T10:00:00.000Z',
  },
];

/** The approval queue: one revision a rep saved, one the manager saved themselves. */
export const approvalItems: Awaited<ReturnType<PipelineApi['approvals']>>['items'] = [
  {
    number: 'RQ-2026-000007',
    revision: 2,
    customer,
    total: '1358.76',
    currency: 'EUR',
    createdAt: '2026-11-23T07:30:00.000Z',
    createdBy: { name: 'Rita Rep', role: 'rep' },
    guardrails: [
      {
        rule: 'minNetUnit',
        limit: '520.00',
        actual: '506.22',
        lineId: 'L1',
        message: 'line L1: net unit 506.22 below the minimum 520.00',
      },
    ],
    ownRevision: false,
  },
  {
    number: 'RQ-2026-000008',
    revision: 1,
    customer: { name: 'Bruno Costa', email: 'bruno@example.com' },
    total: '980.00',
    currency: 'EUR',
    createdAt: '2026-11-23T08:10:00.000Z',
    createdBy: { name: 'Mara Manager', role: 'manager' },
    guardrails: [
      {
        rule: 'maxDiscountPercent',
        limit: '25',
        actual: '30',
        lineId: 'L1',
        message: 'line L1: a 30 % discount exceeds the maximum 25 %',
      },
    ],
    ownRevision: true,
  },
];
