import type { FastifyInstance, FastifyRequest } from 'fastify';
import { applyQuoteEvent, quotedFigures, type RepQuote } from '../../engine/index.ts';
import { requireApprover, type Authenticator, type SignedInUser } from '../auth/authenticator.ts';
import type { Catalogue } from '../catalogue.ts';
import { plantToday, type Clock } from '../clock.ts';
import type { InsightStore } from '../db/insightStore.ts';
import type { IdempotencyClaim } from '../db/quoteIdempotencyStore.ts';
import type { QuoteRevisionStore, StoredQuoteRevision } from '../db/quoteRevisionStore.ts';
import type { SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import { idempotentSave } from './idempotentSave.ts';
import { parseList, submissionSummary, type ListQuery } from './listRoutes.ts';
import { renderedViews, repQuoteRenderedViews } from './pictureRoutes.ts';
import { recordQuotedLines } from './quotedLines.ts';
import {
  checkSelections,
  parseQuoteBody,
  parseRevisionBody,
  refuseNegativeTotal,
  revisionQuery,
  storedQuoteRequest,
} from './quoteView.ts';
import { todayOf, type QuoteViews } from './quoteViews.ts';
import type { QuotePayloadSubmit } from './submitRoutes.ts';

interface Deps extends QuotePayloadSubmit {
  catalogue: Catalogue;
  clock: Clock;
  quotes: QuoteRevisionStore;
  store: SubmissionStore;
  auth: Authenticator;
  views: QuoteViews;
  /** Where a saved quote's lines count as the rep channel's "quoted". */
  insights: InsightStore;
}

/** The author of a revision: the signed-in user's name, role and id. */
export const authorOf = (user: SignedInUser) => ({
  id: user.id,
  name: user.name,
  role: user.role === 'admin' ? ('manager' as const) : user.role,
});

/**
 * An order payload (`payloadVersion`, `kind`) goes the way quote requests always went; anything
 * else is taken for a rep's quote document (which has neither key: its schema is strict).
 */
const isOrderPayload = (body: unknown): boolean =>
  typeof body !== 'object' ||
  body === null ||
  Array.isArray(body) ||
  'kind' in body ||
  'payloadVersion' in body;

const notFound = (number: string, revision?: number) =>
  new HttpError(
    404,
    'QUOTE_NOT_FOUND',
    `no rep quote '${number}'${revision === undefined ? '' : ` revision ${revision}`}`,
  );

/** Reads `?since=S.R` (S: the submissions' cursor, R: the rep quotes'; a bare S leaves R at 0). */
function cursors(cursor: string | undefined): { submissions?: number; repQuotes?: number } {
  if (cursor === undefined) return {};
  const [s, r] = cursor.split('.');
  return { submissions: Number(s), repQuotes: Number(r ?? 0) };
}

/**
 * The one quotes resource (orders.md's `POST /api/quotes`, `GET /api/quotes/:number`), holding
 * the customers' quote requests and reps' quote payloads (order payloads, stored as submissions)
 * and the reps' quote documents with every revision:
 *
 * - `POST /api/quotes`: an order payload (`kind` 'quote-request' public, 'quote' signed in) is
 *   verified and stored as before; any other body is a rep quote document (signed in), checked,
 *   priced on the server and stored as revision 1 of a new `RQ-…` quote (201).
 * - `GET /api/quotes?since=&limit=` (signed in): both kinds, oldest first, each with its `kind`
 *   (`quote-request`, `quote`, `rep-quote`) and `renderedViews` (each line's views drawn as SVG
 *   files, as for orders: `pictureRoutes`); `next` is the cursor of the following page.
 * - `GET /api/quotes/:number?revision=N` (signed in): a rep quote's revision with its revisions
 *   and their `history` (who saved each, when, at what total), author, approval, what changed
 *   since it was quoted and its `renderedViews`; or a stored quote request with its `renderedViews`.
 * - `POST /api/quotes/:number/revisions` (signed in): the next revision, recorded as the user's.
 * - `POST /api/quotes/:number/approve { revision? }` (manager): records the signed-in manager as
 *   approver of a revision past a guardrail (403 `MANAGER_REQUIRED` for a rep).
 * - `POST /api/quotes/:number/duplicate { revision? }` (signed in): a new quote from a revision,
 *   priced today.
 */
export function quoteRoutes(app: FastifyInstance, deps: Deps): void {
  const signIn = (request: FastifyRequest) => deps.auth.user(request);
  // Every line of a saved revision is "quoted" (channel rep) in the insights; the quote is saved
  // whatever happens there, and a failure is logged.
  const models = new Map(deps.catalogue.models.map((m) => [m.id, m] as const));
  const counted = async (r: StoredQuoteRevision) => {
    try {
      await recordQuotedLines(deps.insights, models, r);
    } catch (error) {
      app.log.warn({ err: error, number: r.number }, 'the quote was not counted in the insights');
    }
    return r;
  };
  const save = async (
    quote: RepQuote,
    user: SignedInUser,
    number?: string,
    claim?: IdempotencyClaim,
  ) => {
    checkSelections(quote, deps.catalogue);
    const now = deps.clock();
    // Promised on the live feed net of everyone else's holds (a revision: not of its own).
    const { priced, basis } = await deps.views.priced(quote, now, { number });
    refuseNegativeTotal(priced);
    const figures = quotedFigures(quote, priced, deps.catalogue.models);
    const at = now.toISOString();
    // The revision holds what its promise consumes (replacing the quote's earlier hold), and the
    // promise made with the hold is audited; a refused hold is said in the answer, not an error.
    const audited = async (r: StoredQuoteRevision) => {
      const hold = await deps.views.hold(r, priced, basis, now, user);
      return { r: await counted(r), hold };
    };
    if (number === undefined)
      return audited(await deps.quotes.create(quote, figures, at, authorOf(user), claim));
    const current = await deps.quotes.get(number);
    if (!current) throw notFound(number);
    const status = await deps.views.status(current.found);
    const next = applyQuoteEvent(
      status.facts,
      { kind: 'revise', needsApproval: priced.approvalRequired, validUntil: quote.validUntil },
      todayOf(now, deps.catalogue, quote.lines[0]?.productId),
    );
    if (!next.ok)
      throw new HttpError(409, next.code, `quote ${number} cannot be revised: ${next.message}`);
    const r = await deps.quotes.revise(number, quote, figures, at, authorOf(user), claim);
    if (!r) throw notFound(number);
    return audited(r);
  };
  const revisionOrThrow = async (number: string, revision?: number) => {
    const got = await deps.quotes.get(number, revision);
    if (!got) throw notFound(number, revision);
    return got;
  };
  // The answer to a save, made again from the stored revision (an idempotent replay whose first
  // answer was never stored): the revisions up to it, as they were then.
  const rebuild = async (number: string, revision: number) => {
    const got = await revisionOrThrow(number, revision);
    const revisions = got.revisions.filter((r) => r <= revision);
    return { statusCode: 201, body: await deps.views.rep(got.found, revisions) };
  };

  app.post('/api/quotes', async (request, reply) => {
    if (isOrderPayload(request.body)) return deps.submitQuotePayload(request, reply);
    const user = await signIn(request);
    return idempotentSave({
      request,
      reply,
      user,
      target: 'POST /api/quotes',
      keys: deps.quotes.keys,
      now: deps.clock(),
      rebuild,
      save: async (claim) => {
        const { r, hold } = await save(parseQuoteBody(request.body), user, undefined, claim);
        return { statusCode: 201, body: { ...(await deps.views.rep(r, [1])), hold } };
      },
    });
  });

  app.get<{ Querystring: ListQuery }>('/api/quotes', async (request) => {
    await signIn(request);
    const { cursor, sinceTime, limit } = parseList(request.query);
    const after = cursors(cursor);
    const time = sinceTime === undefined ? {} : { sinceTime };
    const [submissions, repQuotes] = await Promise.all([
      deps.store.list({
        kinds: ['quote-request', 'quote'],
        limit,
        ...time,
        ...(after.submissions !== undefined && { sinceSeq: after.submissions }),
      }),
      deps.quotes.page({
        limit,
        ...time,
        ...(after.repQuotes !== undefined && { afterSeq: after.repQuotes }),
      }),
    ]);
    // Merged by arrival, each source kept in its own order, so that each cursor marks a prefix.
    const items: object[] = [];
    let [s, r] = [after.submissions ?? 0, after.repQuotes ?? 0];
    let [i, j] = [0, 0];
    while (items.length < limit && (i < submissions.length || j < repQuotes.length)) {
      const sub = submissions[i];
      const rep = repQuotes[j];
      if (sub && (!rep || sub.createdAt <= rep.openedAt)) {
        items.push({ ...submissionSummary(sub), renderedViews: renderedViews(sub) });
        s = sub.seq;
        i += 1;
      } else if (rep) {
        items.push({
          kind: 'rep-quote',
          number: rep.number,
          revision: rep.revision,
          receivedAt: rep.openedAt,
          revisedAt: rep.createdAt,
          revisedBy: rep.createdBy,
          customer: rep.quote.customer,
          total: rep.figures.totals.total,
          currency: rep.figures.currency,
          validUntil: rep.quote.validUntil,
          renderedViews: repQuoteRenderedViews(rep, deps.catalogue.models),
        });
        r = rep.seq;
        j += 1;
      }
    }
    return { items, next: `${s}.${r}` };
  });

  app.get<{ Params: { number: string }; Querystring: { revision?: string } }>(
    '/api/quotes/:number',
    async (request) => {
      await signIn(request);
      const { number } = request.params;
      const revision = revisionQuery(request.query.revision);
      const got = await deps.quotes.get(number, revision);
      if (got) {
        const latest = revision === undefined ? got.found : (await deps.quotes.get(number))?.found;
        return deps.views.rep(got.found, got.revisions, {
          history: got.history,
          ...(latest && { latest }),
        });
      }
      const found = await storedQuoteRequest(deps.store, number, revision);
      return { ...submissionSummary(found), renderedViews: renderedViews(found) };
    },
  );

  app.post<{ Params: { number: string } }>(
    '/api/quotes/:number/revisions',
    async (request, reply) => {
      const user = await signIn(request);
      const { number } = request.params;
      return idempotentSave({
        request,
        reply,
        user,
        target: `POST /api/quotes/${number}/revisions`,
        keys: deps.quotes.keys,
        now: deps.clock(),
        rebuild,
        save: async (claim) => {
          const { r, hold } = await save(parseQuoteBody(request.body), user, number, claim);
          const got = await deps.quotes.get(r.number);
          const revisions = got?.revisions ?? [r.revision];
          return { statusCode: 201, body: { ...(await deps.views.rep(r, revisions)), hold } };
        },
      });
    },
  );

  app.post<{ Params: { number: string } }>(
    '/api/quotes/:number/approve',
    async (request, reply) => {
      const user = await signIn(request);
      const { number } = request.params;
      requireApprover(user, `approving quote ${number}`);
      const { revision } = parseRevisionBody(request.body, 'APPROVAL_INVALID', 'approval');
      const got = await revisionOrThrow(number, revision);
      const r = got.found;
      if (r.createdById !== null ? r.createdById === user.id : r.createdBy?.name === user.name)
        throw new HttpError(
          403,
          'SELF_APPROVAL',
          `quote ${number} revision ${r.revision} was saved by ${user.name}: another manager must approve it`,
        );
      const now = deps.clock();
      const status = await deps.views.status(r);
      const next = applyQuoteEvent(
        status.facts,
        { kind: 'approve' },
        todayOf(now, deps.catalogue, r.quote.lines[0]?.productId),
      );
      if (!next.ok)
        throw new HttpError(
          409,
          next.code,
          `quote ${number} revision ${r.revision} cannot be approved: ${next.message}`,
        );
      const approval = await deps.quotes.approve(
        number,
        r.revision,
        user.name,
        now.toISOString(),
        user.id,
      );
      return reply.code(201).send(approval);
    },
  );

  app.post<{ Params: { number: string } }>(
    '/api/quotes/:number/duplicate',
    async (request, reply) => {
      const user = await signIn(request);
      const { number } = request.params;
      const { revision } = parseRevisionBody(request.body, 'DUPLICATE_INVALID', 'duplicate');
      const source = (await revisionOrThrow(number, revision)).found;
      const today = plantToday(deps.clock(), deps.catalogue, source.quote.lines[0]?.productId);
      const quote = { ...source.quote, pricing: { ...source.quote.pricing, date: today } };
      const { r, hold } = await save(quote, user);
      return reply.code(201).send({
        ...(await deps.views.rep(r, [1], {
          convertedFrom: null,
          duplicateOf: { number: source.number, revision: source.revision },
        })),
        hold,
      });
    },
  );
}
