import type { FastifyInstance } from 'fastify';
import { buildOrderPayload } from '../../engine/orders/buildOrder.ts';
import { PricingError } from '../../engine/pricing/PricingError.ts';
import { priceQuote, type PricedQuote } from '../../engine/quotes/priceQuote.ts';
import { quoteChanges, quotedFigures } from '../../engine/quotes/quoteChanges.ts';
import { parseRepQuote, type RepQuote } from '../../engine/quotes/repQuote.ts';
import { validate } from '../../engine/solver/validate.ts';
import { requireRep } from '../auth.ts';
import type { Catalogue } from '../catalogue.ts';
import type { ServerConfig } from '../config.ts';
import type { StoredQuoteRevision, QuoteRevisionStore } from '../db/quoteRevisionStore.ts';
import type { SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import type { Verifier } from '../verifier.ts';
import type { TrustedSubmit } from './submitRoutes.ts';

interface Deps extends TrustedSubmit {
  config: ServerConfig;
  catalogue: Catalogue;
  quotes: QuoteRevisionStore;
  store: SubmissionStore;
  verifier: Verifier;
}

function parse(body: unknown): RepQuote {
  const parsed = parseRepQuote(body);
  if (!parsed.ok)
    throw new HttpError(
      400,
      'QUOTE_INVALID',
      `the quote is invalid: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues: parsed.issues },
    );
  return parsed.quote;
}

function priced(quote: RepQuote, catalogue: Catalogue, now: Date): PricedQuote {
  try {
    return priceQuote(quote, {
      pricing: catalogue.pricing,
      models: catalogue.models,
      snapshot: catalogue.snapshot,
      now: now.toISOString(),
    });
  } catch (e) {
    if (!(e instanceof PricingError)) throw e;
    throw new HttpError(
      422,
      'QUOTE_UNPRICEABLE',
      `the quote cannot be priced: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues: e.issues },
    );
  }
}

/** A stored revision with its current price and exactly what changed since it was quoted. */
function view(r: StoredQuoteRevision, deps: Deps, revisions?: number[]) {
  const now = priced(r.quote, deps.catalogue, new Date());
  return {
    number: r.number,
    revision: r.revision,
    ...(revisions && { revisions }),
    createdAt: r.createdAt,
    quote: r.quote,
    quoted: r.figures,
    price: now.price,
    promise: now.promise
      ? {
          status: now.promise.status,
          shipPolicy: now.promise.shipPolicy,
          ...(now.promise.shipDate !== undefined && { shipDate: now.promise.shipDate }),
          ...(now.promise.deliveryDate !== undefined && {
            deliveryDate: now.promise.deliveryDate,
          }),
        }
      : null,
    approvalRequired: now.approvalRequired,
    changes: quoteChanges(r.quote, r.figures, now, deps.catalogue.models),
  };
}

/** Refuses lines whose selection breaks a constraint of the product's model (422, each with its path). */
function checkSelections(quote: RepQuote, catalogue: Catalogue): void {
  const issues = quote.lines.flatMap((l, i) => {
    const model = catalogue.models.find((m) => m.id === l.productId);
    return model
      ? validate(model, l.selection).map((v) => ({
          path: `$.lines[${i}].selection`,
          message: `line '${l.lineId}': ${v.message} (constraint '${v.constraintId}')`,
        }))
      : [];
  });
  if (issues.length > 0)
    throw new HttpError(
      422,
      'QUOTE_INVALID_SELECTION',
      `the quote has invalid configurations: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
}

/** The body of an approval: who approves (required) and which revision (default: the latest). */
function parseApproval(body: unknown): { revision?: number; approvedBy: string } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const issues: { path: string; message: string }[] = [];
  const by = b['approvedBy'];
  if (typeof by !== 'string' || by.trim() === '' || by.length > 200)
    issues.push({ path: '$.approvedBy', message: "the approver's name (1 to 200 characters)" });
  const revision = b['revision'];
  if (revision !== undefined && !(Number.isInteger(revision) && (revision as number) >= 1))
    issues.push({ path: '$.revision', message: 'a revision number (a positive integer)' });
  if (issues.length > 0)
    throw new HttpError(
      400,
      'APPROVAL_INVALID',
      `the approval is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      { issues },
    );
  return {
    approvedBy: (by as string).trim(),
    ...(revision !== undefined && { revision: revision as number }),
  };
}

const revisionOf = (text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(text))
    throw new HttpError(
      400,
      'QUERY_INVALID',
      `?revision must be a positive integer, not '${text}'`,
    );
  return Number(text);
};

/**
 * The rep's quote documents with revisions (rep token) and the customer's share link (public):
 * `POST /api/rep/quotes`, `GET /api/rep/quotes`, `GET /api/rep/quotes/:number?revision=N`,
 * `POST /api/rep/quotes/:number/revisions`, `POST /api/rep/quotes/:number/approve` (who approved
 * which revision; a revision past a guardrail is accepted only once approved),
 * `GET /api/shared/quotes/:token` and
 * `POST /api/shared/quotes/:token/accept` (an order, with the stored quote's discounts, through
 * the same verification and store as `POST /api/orders`).
 */
export function repQuoteRoutes(app: FastifyInstance, deps: Deps): void {
  const rep = (authorization: string | undefined) =>
    requireRep(authorization, deps.config.repToken);
  const store = async (quote: RepQuote, number?: string) => {
    checkSelections(quote, deps.catalogue);
    const now = new Date();
    const figures = quotedFigures(quote, priced(quote, deps.catalogue, now), deps.catalogue.models);
    const at = now.toISOString();
    if (number === undefined) return deps.quotes.create(quote, figures, at);
    const r = await deps.quotes.revise(number, quote, figures, at);
    if (!r) throw new HttpError(404, 'QUOTE_NOT_FOUND', `no rep quote '${number}'`);
    return r;
  };

  app.post('/api/rep/quotes', async (request, reply) => {
    rep(request.headers.authorization);
    const r = await store(parse(request.body));
    return reply.code(201).send({ ...view(r, deps, [1]), shareToken: r.shareToken });
  });
  app.get<{ Querystring: { limit?: string } }>('/api/rep/quotes', async (request) => {
    rep(request.headers.authorization);
    const rows = await deps.quotes.listLatest(1000);
    return {
      items: rows.map((r) => ({
        number: r.number,
        revision: r.revision,
        customer: r.quote.customer,
        total: r.figures.totals.total,
        currency: r.figures.currency,
        validUntil: r.quote.validUntil,
        createdAt: r.createdAt,
      })),
    };
  });
  app.get<{ Params: { number: string }; Querystring: { revision?: string } }>(
    '/api/rep/quotes/:number',
    async (request) => {
      rep(request.headers.authorization);
      const got = await deps.quotes.get(request.params.number, revisionOf(request.query.revision));
      if (!got)
        throw new HttpError(
          404,
          'QUOTE_NOT_FOUND',
          `no rep quote '${request.params.number}'${request.query.revision ? ` revision ${request.query.revision}` : ''}`,
        );
      const approval = await deps.quotes.approval(got.found.number, got.found.revision);
      return {
        ...view(got.found, deps, got.revisions),
        shareToken: got.found.shareToken,
        approval: approval ?? null,
      };
    },
  );
  app.post<{ Params: { number: string } }>(
    '/api/rep/quotes/:number/revisions',
    async (request, reply) => {
      rep(request.headers.authorization);
      const r = await store(parse(request.body), request.params.number);
      const got = await deps.quotes.get(r.number);
      return reply
        .code(201)
        .send({ ...view(r, deps, got?.revisions ?? [r.revision]), shareToken: r.shareToken });
    },
  );

  app.post<{ Params: { number: string } }>(
    '/api/rep/quotes/:number/approve',
    async (request, reply) => {
      rep(request.headers.authorization);
      const { revision, approvedBy } = parseApproval(request.body);
      const number = request.params.number;
      const got = await deps.quotes.get(number, revision);
      if (!got)
        throw new HttpError(
          404,
          'QUOTE_NOT_FOUND',
          `no rep quote '${number}'${revision === undefined ? '' : ` revision ${revision}`}`,
        );
      const r = got.found;
      if (!view(r, deps).approvalRequired)
        throw new HttpError(
          409,
          'APPROVAL_NOT_NEEDED',
          `quote ${number} revision ${r.revision} is within every guardrail: it needs no approval`,
        );
      const approval = await deps.quotes.approve(
        number,
        r.revision,
        approvedBy,
        new Date().toISOString(),
      );
      return reply.code(201).send(approval);
    },
  );

  const shared = async (token: string) => {
    const r = await deps.quotes.byShareToken(token);
    if (!r) throw new HttpError(404, 'QUOTE_NOT_FOUND', `no shared quote for this link`);
    return r;
  };
  app.get<{ Params: { token: string } }>('/api/shared/quotes/:token', async (request) =>
    view(await shared(request.params.token), deps),
  );
  app.post<{ Params: { token: string } }>(
    '/api/shared/quotes/:token/accept',
    async (request, reply) => {
      const r = await shared(request.params.token);
      // A repeat accept (a double click, a retry) answers with the order the first one placed.
      const idempotencyKey = `quote-accept-${r.number}-r${r.revision}`;
      const placed = await deps.store.byKey(idempotencyKey);
      if (placed)
        return reply
          .code(placed.statusCode)
          .header('idempotent-replayed', 'true')
          .send(placed.response);
      const now = new Date();
      const today = now.toISOString().slice(0, 10);
      if (r.quote.validUntil < today)
        throw new HttpError(
          410,
          'QUOTE_EXPIRED',
          `quote ${r.number} was valid until ${r.quote.validUntil}; ask your rep for a new one`,
        );
      const v = view(r, deps);
      const approval = v.approvalRequired
        ? await deps.quotes.approval(r.number, r.revision)
        : undefined;
      if (v.approvalRequired && !approval)
        throw new HttpError(
          409,
          'APPROVAL_REQUIRED',
          `quote ${r.number} revision ${r.revision} needs a manager's approval before it can be accepted`,
        );
      if (v.changes.some((c) => c.kind !== 'delivery-date'))
        throw new HttpError(
          409,
          'QUOTE_CHANGED',
          `quote ${r.number} changed since it was quoted: ${v.changes.map((c) => c.message).join('; ')}`,
          { differences: v.changes },
        );
      const model = deps.catalogue.models.find((m) =>
        r.quote.lines.some((l) => l.productId === m.id),
      );
      if (!model)
        throw new HttpError(
          422,
          'QUOTE_UNPRICEABLE',
          `quote ${r.number} has no configured product`,
        );
      const quoteToday = { ...r.quote, pricing: { ...r.quote.pricing, date: today } };
      const now2 = priced(quoteToday, deps.catalogue, now);
      // The rep's discounts come from the stored quote, never from the browser.
      const discounts = r.quote.discounts;
      const pricingContext = {
        ...quoteToday.pricing,
        ...(Object.keys(discounts).length > 0 && { discounts }),
      };
      const payload = buildOrderPayload({
        kind: 'order',
        idempotencyKey,
        createdAt: now.toISOString().replace(/\.\d+Z$/, 'Z'),
        model,
        models: deps.catalogue.models,
        pricing: pricingContext,
        lines: r.quote.lines,
        price: now2.price,
        ...(now2.promise && { promise: now2.promise }),
        ...(deps.catalogue.snapshot?.snapshotAt !== undefined && {
          snapshotAt: deps.catalogue.snapshot.snapshotAt,
        }),
        customer: {
          ...r.quote.customer,
          notes: `Accepted quote ${r.number} revision ${r.revision}`,
        },
      });
      return deps.placeAcceptedQuote(payload, reply, approval !== undefined);
    },
  );
}
