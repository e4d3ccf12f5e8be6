import type { FastifyInstance } from 'fastify';
import { applyQuoteEvent, buildOrderPayload, quoteChanges } from '../../engine/index.ts';
import type { Catalogue } from '../catalogue.ts';
import { plantToday, type Clock } from '../clock.ts';
import type { InsightStore } from '../db/insightStore.ts';
import type { QuoteRevisionStore, StoredQuoteRevision } from '../db/quoteRevisionStore.ts';
import type { SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { QuoteEventStore } from '../db/quoteEventStore.ts';
import { recordOrderedLines } from './quotedLines.ts';
import type { QuoteViews } from './quoteViews.ts';
import type { TrustedSubmit } from './submitRoutes.ts';

interface Deps extends TrustedSubmit {
  catalogue: Catalogue;
  clock: Clock;
  quotes: QuoteRevisionStore;
  store: SubmissionStore;
  events: QuoteEventStore;
  views: QuoteViews;
  auth: Authenticator;
  insights: InsightStore;
}

/**
 * The customer's share link (public, the unguessable token is the key):
 * `GET /api/shared/quotes/:token` shows the customer's document of the latest revision (and
 * records that the customer viewed it, unless a signed-in rep opened it), and
 * `POST /api/shared/quotes/:token/accept` turns it into an order, with the stored quote's
 * discounts, through the same verification and store as `POST /api/orders` (a repeat answers
 * with the first order, which is recorded as the quote's acceptance). It refuses an expired
 * quote (410), an unapproved revision past a guardrail (409 `APPROVAL_REQUIRED`), a lost quote
 * (409 `QUOTE_CLOSED`) and a quote whose price changed since (409 `QUOTE_CHANGED`).
 */
export function sharedQuoteRoutes(app: FastifyInstance, deps: Deps): void {
  const shared = async (token: string) => {
    const r = await deps.quotes.byShareToken(token);
    if (!r) throw new HttpError(404, 'QUOTE_NOT_FOUND', `no shared quote for this link`);
    return r;
  };
  const models = new Map(deps.catalogue.models.map((m) => [m.id, m] as const));
  const accepted = async (r: StoredQuoteRevision, key: string) => {
    const placed = await deps.store.byKey('server', key);
    if (!placed) return;
    await deps.events.record({
      number: r.number,
      revision: r.revision,
      kind: 'accepted',
      at: placed.createdAt,
      detail: placed.number,
    });
    // The funnel's "ordered" for the rep channel, under the sessions its lines were quoted in;
    // the order stands whatever happens there, and a failure is logged (as a save's "quoted").
    try {
      await recordOrderedLines(deps.insights, models, r, placed.createdAt);
    } catch (error) {
      app.log.warn({ err: error, number: r.number }, 'the accepted quote was not counted');
    }
  };
  app.get<{ Params: { token: string } }>('/api/shared/quotes/:token', async (request) => {
    const r = await shared(request.params.token);
    const signedIn = await deps.auth.user(request).then(
      () => true,
      () => false,
    );
    if (!signedIn)
      await deps.events.record({
        number: r.number,
        revision: r.revision,
        kind: 'viewed',
        at: deps.clock().toISOString(),
        detail: null,
      });
    return (await deps.views.customer(r)).document;
  });
  app.post<{ Params: { token: string } }>(
    '/api/shared/quotes/:token/accept',
    async (request, reply) => {
      const r = await shared(request.params.token);
      // A repeat accept (a double click, a retry) answers with the order the first one placed.
      // The key is the server's own (namespace 'server'): no client key can take or replay it.
      const idempotencyKey = `quote-accept-${r.number}-r${r.revision}`;
      const placed = await deps.store.byKey('server', idempotencyKey);
      if (placed) {
        await accepted(r, idempotencyKey);
        return reply
          .code(placed.statusCode)
          .header('idempotent-replayed', 'true')
          .send(placed.response);
      }
      const now = deps.clock();
      const today = plantToday(now, deps.catalogue, r.quote.lines[0]?.productId);
      const { document, status } = await deps.views.customer(r);
      const verdict = applyQuoteEvent(status.facts, { kind: 'accept' }, today);
      if (!verdict.ok) {
        const message = `quote ${r.number} revision ${r.revision} cannot be accepted: ${verdict.message}`;
        if (verdict.code === 'QUOTE_EXPIRED')
          throw new HttpError(
            410,
            'QUOTE_EXPIRED',
            `quote ${r.number} was valid until ${r.quote.validUntil}; ask your rep for a new one`,
          );
        throw new HttpError(409, verdict.code, message);
      }
      if (document.cannotAccept?.code === 'QUOTE_CHANGED') {
        const { priced } = await deps.views.priced(r.quote, now, { number: r.number });
        const changes = quoteChanges(r.quote, r.figures, priced, deps.catalogue.models).filter(
          (c) => c.kind !== 'delivery-date',
        );
        throw new HttpError(
          409,
          'QUOTE_CHANGED',
          `quote ${r.number} changed since it was quoted: ${changes.map((c) => c.message).join('; ')}`,
          { differences: changes },
        );
      }
      const approval = status.facts.approval === 'approved' ? status.approval : undefined;
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
      // Promised as the order will be: on the feed's current version net of everyone else's
      // holds; the quote's own hold (a converted buyer request's) is handed to the order.
      const { priced, basis } = await deps.views.priced(quoteToday, now, { number: r.number });
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
        ...(basis.snapshotAt !== undefined && { snapshotAt: basis.snapshotAt }),
        customer: {
          ...r.quote.customer,
          notes: `Accepted quote ${r.number} revision ${r.revision}`,
        },
      });
      // The quote is marked accepted before the customer's answer is sent.
      return deps.placeAcceptedQuote(
        payload,
        reply,
        approval !== undefined,
        () => accepted(r, idempotencyKey),
        basis.own[0]?.id,
      );
    },
  );
}
