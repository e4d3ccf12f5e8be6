import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  applyQuoteEvent,
  draftQuote,
  quotedFigures,
  type OrderPayload,
  type QuoteEvent,
  type devMailWire,
  type sendResultWire,
} from '../../engine/index.ts';
import type { z } from '../../engine/zod.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { Catalogue } from '../catalogue.ts';
import type { AvailabilityStore } from '../db/availabilityStore.ts';
import type { QuoteEventStore } from '../db/quoteEventStore.ts';
import { AlreadyConverted, type QuoteRevisionStore } from '../db/quoteRevisionStore.ts';
import type { SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import type { MailCatcher } from '../mail/mailCatcher.ts';
import type { Mailer } from '../mail/mailer.ts';
import { authorOf } from './quoteRoutes.ts';
import { checkSelections, parseQuoteBody } from './quoteView.ts';
import { todayOf, type QuoteViews } from './quoteViews.ts';

interface Deps {
  catalogue: Catalogue;
  quotes: QuoteRevisionStore;
  events: QuoteEventStore;
  store: SubmissionStore;
  auth: Authenticator;
  views: QuoteViews;
  clock: () => Date;
  /** Absent: sending answers 503 naming the missing settings. */
  mailer?: Mailer | undefined;
  mailMissing: readonly string[];
  /** Where a lost quote's hold is released. */
  availability?: AvailabilityStore | undefined;
  /** `npm start`'s local mail catcher (`GET /api/dev/mail`); absent in `madeto serve`. */
  devMail?: MailCatcher | undefined;
}

/** Reads `{ to? }`: an e-mail address to send to instead of the quote's customer. */
function sendBody(body: unknown): { to?: string } {
  if (body === undefined || body === null) return {};
  const fail = (path: string, message: string) =>
    new HttpError(400, 'SEND_INVALID', `the send request is invalid: ${path}: ${message}`, {
      issues: [{ path, message }],
    });
  if (typeof body !== 'object' || Array.isArray(body)) throw fail('$', 'a JSON object { to? }');
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b))
    if (key !== 'to') throw fail(`$.${key}`, 'unknown field (the body is { to? })');
  const to = b['to'];
  if (to === undefined) return {};
  if (
    typeof to !== 'string' ||
    to.length > 320 ||
    !/^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/.test(to)
  )
    throw fail('$.to', 'an e-mail address such as ana@example.com');
  return { to };
}

/**
 * What a rep does with a quote besides editing it:
 *
 * - `POST /api/quotes/:Q-number/convert`: a buyer's quote request becomes revision 1 of a rep
 *   quote (lines, selections, customer and notes kept; priced today, valid 30 days); 201, or 200
 *   with the quote it was converted to already.
 * - `POST /api/quotes/:number/send { to? }`: e-mails the customer's link over SMTP and records it.
 * - `POST /api/quotes/:number/lost`: marks the quote lost and releases its hold.
 * - `GET /api/dev/mail` (only with `devMail`, i.e. `npm start`): the local catcher's messages.
 */
export function quoteActionRoutes(app: FastifyInstance, deps: Deps): void {
  const latestOrThrow = async (number: string) => {
    const got = await deps.quotes.get(number);
    if (!got) throw new HttpError(404, 'QUOTE_NOT_FOUND', `no rep quote '${number}'`);
    return got;
  };
  const event = async (number: string, e: QuoteEvent, what: string) => {
    const got = await latestOrThrow(number);
    const status = await deps.views.status(got.found);
    const next = applyQuoteEvent(
      status.facts,
      e,
      todayOf(deps.clock(), deps.catalogue, got.found.quote.lines[0]?.productId),
    );
    if (!next.ok)
      throw new HttpError(
        next.code === 'QUOTE_EXPIRED' ? 410 : 409,
        next.code,
        `quote ${number} cannot be ${what}: ${next.message}`,
      );
    return { got, next };
  };

  app.post<{ Params: { number: string } }>(
    '/api/quotes/:number/convert',
    async (request, reply) => {
      const user = await deps.auth.user(request);
      const { number } = request.params;
      const request_ = await deps.store.byNumber(number);
      if (!request_ || request_.kind !== 'quote-request')
        throw new HttpError(404, 'QUOTE_REQUEST_NOT_FOUND', `no buyer quote request '${number}'`);
      const existing = async (quoteNumber: string) => {
        const got = await latestOrThrow(quoteNumber);
        return reply
          .code(200)
          .send(await deps.views.rep(got.found, got.revisions, { convertedFrom: number }));
      };
      const already = await deps.events.convertedTo(number);
      if (already !== null) return existing(already);
      const p = request_.payload as OrderPayload;
      const now = deps.clock();
      const today = todayOf(now, deps.catalogue, p.lines[0]?.productId);
      const draft = draftQuote(p.lines[0]!.productId, today, p.pricing.currency);
      const quote = parseQuoteBody({
        rep: user.name,
        validUntil: draft.validUntil,
        shipPolicy: 'complete',
        pricing: {
          date: today,
          currency: p.pricing.currency,
          ...(p.pricing.customerId !== undefined && { customerId: p.pricing.customerId }),
          ...(p.pricing.taxId !== undefined && { taxId: p.pricing.taxId }),
        },
        discounts: {},
        customer: {
          name: p.customer.name,
          email: p.customer.email,
          ...(p.customer.company !== undefined && { company: p.customer.company }),
        },
        notes: p.customer.notes ?? '',
        lines: p.lines.map((l) => ({
          lineId: l.lineId,
          productId: l.productId,
          quantity: l.quantity,
          selection: l.selection,
        })),
      });
      checkSelections(quote, deps.catalogue);
      // The buyer's request holds its material: that hold does not delay the rep's quote of it.
      const { priced, basis } = await deps.views.priced(quote, now, { convertedFrom: number });
      const figures = quotedFigures(quote, priced, deps.catalogue.models);
      try {
        const r = await deps.quotes.create(
          quote,
          figures,
          now.toISOString(),
          authorOf(user),
          undefined,
          number,
        );
        // The quote's hold replaces the request's (`basis.own`): the material is held once.
        const hold = await deps.views.hold(r, priced, basis, now, user);
        return reply
          .code(201)
          .send({ ...(await deps.views.rep(r, [1], { convertedFrom: number })), hold });
      } catch (e) {
        if (!(e instanceof AlreadyConverted)) throw e;
        const to = await deps.events.convertedTo(number);
        if (to === null) throw e;
        return existing(to);
      }
    },
  );

  app.post<{ Params: { number: string } }>('/api/quotes/:number/send', async (request) => {
    const user = await deps.auth.user(request);
    const { number } = request.params;
    const { to } = sendBody(request.body);
    if (!deps.mailer)
      throw new HttpError(
        503,
        'MAIL_NOT_CONFIGURED',
        `sending e-mail is not configured: set ${deps.mailMissing.join(', ')}`,
      );
    const { got, next } = await event(number, { kind: 'send' }, 'sent');
    const r = got.found;
    const recipient = to ?? r.quote.customer.email;
    const link = deps.mailer.link(r.shareToken);
    const { document } = await deps.views.customer(r);
    const seller = document.seller.name;
    const total = `${document.totals.total} ${document.currency}`;
    const text = [
      `Dear ${r.quote.customer.name},`,
      '',
      `${user.name} of ${seller} has prepared quote ${r.number} for you: ${total}, valid until ${r.quote.validUntil}.`,
      '',
      'View and accept it here:',
      link,
      '',
      seller,
    ].join('\n');
    const escape = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const html = `<p>Dear ${escape(r.quote.customer.name)},</p><p>${escape(user.name)} of ${escape(seller)} has prepared quote ${escape(r.number)} for you: ${escape(total)}, valid until ${escape(r.quote.validUntil)}.</p><p><a href="${escape(link)}">View and accept quote ${escape(r.number)}</a></p><p>${escape(seller)}</p>`;
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send({
        to: recipient,
        subject: `Quote ${r.number} from ${seller}`,
        text,
        html,
      }));
    } catch (e) {
      throw new HttpError(
        502,
        'MAIL_FAILED',
        `the mail server did not take the message: ${(e as Error).message}`,
      );
    }
    const sentAt = deps.clock().toISOString();
    await deps.events.record({
      number,
      revision: r.revision,
      kind: 'sent',
      at: sentAt,
      detail: recipient,
    });
    const answer: z.input<typeof sendResultWire> = {
      number,
      revision: r.revision,
      sentTo: recipient,
      sentAt,
      link,
      messageId,
      state: next.ok ? next.state : 'sent',
    };
    return answer;
  });

  app.post<{ Params: { number: string } }>('/api/quotes/:number/lost', async (request) => {
    await deps.auth.user(request);
    const { number } = request.params;
    const { got } = await event(number, { kind: 'lose' }, 'marked lost');
    const at = deps.clock().toISOString();
    await deps.events.record({
      number,
      revision: got.found.revision,
      kind: 'lost',
      at,
      detail: null,
    });
    // A lost quote reserves nothing: its hold (or its buyer request's) is released.
    const from = await deps.events.convertedFrom(number);
    await deps.availability?.releaseOwn(at, from === null ? [number] : [number, from], 'lost');
    return deps.views.rep(got.found, got.revisions);
  });

  const devMail = deps.devMail;
  if (devMail)
    app.get('/api/dev/mail', async (request: FastifyRequest) => {
      void request;
      const answer: z.input<typeof devMailWire> = { messages: devMail.messages() };
      return answer;
    });
}
