import type { FastifyInstance } from 'fastify';
import { buildOrderPayload } from '../../engine/index.ts';
import type { Catalogue } from '../catalogue.ts';
import { plantToday, type Clock } from '../clock.ts';
import type { QuoteRevisionStore } from '../db/quoteRevisionStore.ts';
import type { SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import { pricedNow, sharedView } from './quoteView.ts';
import type { TrustedSubmit } from './submitRoutes.ts';

interface Deps extends TrustedSubmit {
  catalogue: Catalogue;
  clock: Clock;
  quotes: QuoteRevisionStore;
  store: SubmissionStore;
}

/**
 * The customer's share link (public, the unguessable token is the key):
 * `GET /api/shared/quotes/:token` shows the latest revision read-only, and
 * `POST /api/shared/quotes/:token/accept` turns it into an order, with the stored quote's
 * discounts, through the same verification and store as `POST /api/orders` (a repeat answers
 * with the first order). It refuses an expired quote (410), an unapproved revision past a
 * guardrail (409 `APPROVAL_REQUIRED`) and a quote whose price changed since (409 `QUOTE_CHANGED`).
 */
export function sharedQuoteRoutes(app: FastifyInstance, deps: Deps): void {
  const shared = async (token: string) => {
    const r = await deps.quotes.byShareToken(token);
    if (!r) throw new HttpError(404, 'QUOTE_NOT_FOUND', `no shared quote for this link`);
    return r;
  };
  app.get<{ Params: { token: string } }>('/api/shared/quotes/:token', async (request) =>
    sharedView(await shared(request.params.token), deps.catalogue, deps.clock()),
  );
  app.post<{ Params: { token: string } }>(
    '/api/shared/quotes/:token/accept',
    async (request, reply) => {
      const r = await shared(request.params.token);
      // A repeat accept (a double click, a retry) answers with the order the first one placed.
      // The key is the server's own (namespace 'server'): no client key can take or replay it.
      const idempotencyKey = `quote-accept-${r.number}-r${r.revision}`;
      const placed = await deps.store.byKey('server', idempotencyKey);
      if (placed)
        return reply
          .code(placed.statusCode)
          .header('idempotent-replayed', 'true')
          .send(placed.response);
      const now = deps.clock();
      const today = plantToday(now, deps.catalogue, r.quote.lines[0]?.productId);
      if (r.quote.validUntil < today)
        throw new HttpError(
          410,
          'QUOTE_EXPIRED',
          `quote ${r.number} was valid until ${r.quote.validUntil}; ask your rep for a new one`,
        );
      const v = sharedView(r, deps.catalogue, now);
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
      const priced = pricedNow(quoteToday, deps.catalogue, now);
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
        price: priced.price,
        ...(priced.promise && { promise: priced.promise }),
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
