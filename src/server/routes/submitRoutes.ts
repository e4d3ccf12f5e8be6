import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  canonicalJson,
  parseOrderPayload,
  type OrderDifference,
  type OrderPayload,
} from '../../engine/index.ts';
import { authenticate } from '../auth.ts';
import type { Catalogue } from '../catalogue.ts';
import { acceptedPriceDates, quoteHoldUntil, type Clock } from '../clock.ts';
import type { ServerConfig } from '../config.ts';
import type {
  NewSubmission,
  StoredSubmission,
  SubmissionStore,
  SubmitOutcome,
} from '../db/submissionStore.ts';
import type { StatementBatch } from '../db/statementBatch.ts';
import { HttpError } from '../httpError.ts';
import type { ServerUser } from '../users.ts';
import type { Verifier } from '../verifier.ts';
import type { AvailabilityStore, HeldPromise } from '../db/availabilityStore.ts';
import type { PromiseSnapshot } from '../verifier.ts';
import type { HoldTimes } from '../config.ts';

/** The answer to an accepted order or quote request (stored, and replayed for a repeat). */
export interface SubmitAnswer {
  id: string;
  number: string;
  kind: OrderPayload['kind'];
  idempotencyKey: string;
  status: 'accepted';
  receivedAt: string;
  totals: OrderPayload['totals'];
  /** Differences that did not block (e.g. a promise that moved). */
  warnings: unknown[];
  /**
   * The promise the server gave at submission (net of everyone else's holds), the availability
   * version it used, and the hold reserving what it consumes (pass its id as `Madeto-Hold` when
   * the order of a quote or cart is placed).
   */
  promise?: {
    status: 'ok' | 'unavailable';
    shipDate?: string;
    deliveryDate?: string;
    snapshotVersion: number;
    holdId: string;
    holdExpiresAt: string;
  };
}

function replay(reply: FastifyReply, s: StoredSubmission): unknown {
  return reply.code(s.statusCode).header('idempotent-replayed', 'true').send(s.response);
}

/** What the other routes may do that a browser may not. */
export interface TrustedSubmit {
  /**
   * Places the order of a shared rep quote the customer accepted: the payload is built on the
   * server from the stored quote (never from the browser), so it may carry the quote's
   * `$.pricing.discounts`; it is verified and stored exactly like `POST /api/orders`, except that
   * with `approved` (the quote's revision was approved) a price past a guardrail is a warning.
   * `onStored` runs once the order is stored (or found stored), before the answer is sent: the
   * customer is never told "accepted" before the quote says so. `replaces`: the quote's own hold
   * (a converted buyer request's), released in the order's hold transaction.
   */
  placeAcceptedQuote: (
    payload: OrderPayload,
    reply: FastifyReply,
    approved: boolean,
    onStored?: () => Promise<void>,
    replaces?: string,
  ) => Promise<unknown>;
}

/** The order-payload side of `POST /api/quotes` (quote requests and `kind: "quote"`), which `quoteRoutes` dispatches to. */
export interface QuotePayloadSubmit {
  submitQuotePayload: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** Where an untrusted body carries rep discounts (`$.pricing.discounts`, `$.lines[i].discounts`). */
function discountPaths(body: object): string[] {
  const { pricing, lines } = body as { pricing?: unknown; lines?: unknown };
  const paths =
    typeof pricing === 'object' && pricing !== null && 'discounts' in pricing
      ? ['$.pricing.discounts']
      : [];
  if (Array.isArray(lines))
    lines.forEach((l: unknown, i) => {
      if (typeof l === 'object' && l !== null && 'discounts' in l)
        paths.push(`$.lines[${i}].discounts`);
    });
  return paths;
}

/** The customer id a payload claims for contract prices (`$.pricing.customerId`), if any. */
function claimedCustomer(body: object): unknown {
  const pricing = (body as { pricing?: unknown }).pricing;
  return typeof pricing === 'object' && pricing !== null && 'customerId' in pricing
    ? pricing.customerId
    : undefined;
}

/**
 * `POST /api/orders`, and order payloads sent to `POST /api/quotes` (`QuotePayloadSubmit`): parse,
 * verify with the engine (422 with the differences), then store in one transaction under the
 * idempotency key (201); a repeat gets the first answer, another body under a used key a 409.
 * `kind: "quote"` (a rep's quote payload) needs a rep or manager token; orders and quote requests
 * are public, and refuse rep discounts (`$.pricing.discounts`, `$.lines[i].discounts`: 403): only the accept path of a
 * shared quote (`TrustedSubmit`) places discounted orders. A customer id (contract prices) is
 * taken only from a signed-in request (403 `CUSTOMER_NOT_VERIFIED` without a token).
 */
export function submitRoutes(
  app: FastifyInstance,
  deps: {
    verifier: Verifier;
    store: SubmissionStore;
    config: ServerConfig;
    catalogue: Catalogue;
    clock: Clock;
    users: readonly ServerUser[];
    availability?: AvailabilityStore | undefined;
    holdTimes?: HoldTimes | undefined;
  },
): TrustedSubmit & QuotePayloadSubmit {
  /** The feed's current version to verify a promise on; the catalogue's file without a feed. */
  const currentSnapshot = async (): Promise<PromiseSnapshot | undefined> => {
    const current = await deps.availability?.current();
    if (current) return current;
    return (
      deps.catalogue.snapshot && {
        version: 0,
        document: deps.catalogue.snapshotJson,
        snapshot: deps.catalogue.snapshot,
      }
    );
  };
  const modelled = new Set(deps.catalogue.models.map((m) => m.id));
  /** Until when a submission's hold lasts: an order's time, a quote's validity (plant day's end). */
  const holdUntil = (payload: OrderPayload, now: Date, times: HoldTimes): string => {
    if (payload.kind === 'order')
      return new Date(now.getTime() + times.orderMinutes * 60_000).toISOString();
    return quoteHoldUntil(
      deps.catalogue,
      payload.quote?.validUntil,
      payload.lines[0]?.productId,
      now,
      times.quoteDays,
    );
  };
  /** A date that differs from the one the buyer was shown: a warning difference. */
  const promiseDifferences = (
    payload: OrderPayload,
    held: HeldPromise,
    now: Date,
  ): OrderDifference[] => {
    const shown = payload.promise?.deliveryDate;
    const now_ = held.result.deliveryDate;
    if (shown === undefined || shown === now_) return [];
    const why =
      held.replaced === undefined
        ? ''
        : held.replaced.releasedAt !== null
          ? ` (the hold ${held.replaced.id} had been released)`
          : held.replaced.expiresAt <= now.toISOString()
            ? ` (the hold ${held.replaced.id} expired at ${held.replaced.expiresAt})`
            : '';
    return [
      {
        code: 'promise-changed',
        severity: 'warning',
        path: '$.promise.deliveryDate',
        message: `the delivery date is now ${now_ ?? 'unavailable'}, not ${shown}${why}: re-promised on availability version ${held.snapshotVersion}`,
        expected: now_,
        actual: shown,
      },
    ];
  };
  /**
   * Re-promises a verified submission on the current availability net of every other hold, and
   * holds what it consumes (releasing `replaces`, the cart's or quote's hold), storing the
   * submission (`store`, given the promise and its differences) in the same transaction: one
   * commit for the order, its hold and its audit. Undefined without holds (no feed, or no line
   * with a product model): the caller stores the submission alone.
   */
  const holdAndStore = async (
    payload: OrderPayload,
    now: Date,
    replaces: string | undefined,
    store: (
      batch: StatementBatch,
      held: HeldPromise,
      differences: OrderDifference[],
    ) => Promise<string | undefined>,
  ): Promise<HeldPromise | undefined> => {
    if (!deps.availability || !deps.holdTimes) return undefined;
    // Lines without a product model (services such as installation) have no promise.
    const lines = payload.lines.filter((l) => modelled.has(l.productId));
    if (lines.length === 0) return undefined;
    return deps.availability.promiseAndHold({
      kind: payload.kind === 'order' ? 'order' : 'quote',
      reference: `${payload.kind}:${payload.idempotencyKey}`,
      request: {
        now: now.toISOString(),
        lines: lines.map((l) => ({
          lineId: l.lineId,
          productId: l.productId,
          quantity: l.quantity,
          selection: l.selection,
        })),
      },
      expiresAt: holdUntil(payload, now, deps.holdTimes),
      replaces,
      store: (batch, held) => store(batch, held, promiseDifferences(payload, held, now)),
    });
  };
  const submit =
    (
      allowed: readonly OrderPayload['kind'][],
      trusted: boolean,
      approved = false,
      onStored?: () => Promise<void>,
    ) =>
    async (
      body: unknown,
      header: string | string[] | undefined,
      authorization: string | undefined,
      reply: FastifyReply,
      holdHeader?: string | string[] | undefined,
    ) => {
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new HttpError(
          400,
          'BODY_NOT_OBJECT',
          'the request body must be a JSON object (an order payload)',
        );
      const discounted = trusted ? [] : discountPaths(body);
      if (discounted.length > 0) {
        const message =
          'rep discounts are not accepted from a client; a discounted order is placed by accepting the shared quote (POST /api/shared/quotes/:token/accept)';
        throw new HttpError(403, 'DISCOUNTS_NOT_ALLOWED', `${discounted.join(', ')}: ${message}`, {
          issues: discounted.map((path) => ({ path, message })),
        });
      }
      // Contract prices follow the customer id: anyone could claim a contract customer's id, so a
      // client's order carries one only when a signed-in user (a rep, a manager, or the shop's
      // backend with its token) sends it. 401 for a wrong token, as anywhere.
      const customer = claimedCustomer(body);
      if (!trusted && customer !== undefined) {
        if (authorization === undefined) {
          const message = `contract prices of customer ${JSON.stringify(customer)} are only taken from a signed-in request (Authorization: Bearer <token>); send the order without a customer id, or from your backend with a token`;
          throw new HttpError(403, 'CUSTOMER_NOT_VERIFIED', `$.pricing.customerId: ${message}`, {
            issues: [{ path: '$.pricing.customerId', message }],
          });
        }
        authenticate(authorization, deps.users);
      }
      const bodyKey = (body as { idempotencyKey?: unknown }).idempotencyKey;
      if (typeof header === 'string' && typeof bodyKey === 'string' && header !== bodyKey)
        throw new HttpError(
          400,
          'IDEMPOTENCY_KEY_MISMATCH',
          `the Idempotency-Key header '${header}' differs from $.idempotencyKey '${bodyKey}'`,
        );
      // A rep's quote payload is only stored, or replayed, for a signed-in user: the key look-up
      // below must not answer a stored quote to anyone who knows its key.
      if ((body as { kind?: unknown }).kind === 'quote') authenticate(authorization, deps.users);
      // Keys the server makes (a shared quote's accept) live in their own namespace: a client's
      // key, whatever its text, can never occupy or replay one.
      const namespace = trusted ? 'server' : 'client';
      const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
      // The key's look-up waits for the database (behind a transaction in progress): the payload
      // is parsed and verified meanwhile, and the verdict dropped when the key was used (a replay
      // or a conflict answers as if nothing else had been done).
      const firstOf =
        typeof bodyKey === 'string' ? deps.store.byKey(namespace, bodyKey) : undefined;
      // (The stored submission, not the reply: a reply is thenable, and would be awaited.)
      const used = async () => {
        const first = await firstOf;
        if (first && first.bodyHash !== bodyHash && !trusted) throw conflict(bodyKey as string);
        return first;
      };
      const parsed = parseOrderPayload(body);
      const now = deps.clock();
      const verdictOf =
        parsed.ok && allowed.includes(parsed.payload.kind)
          ? (async () =>
              deps.verifier.verify(
                parsed.payload,
                acceptedPriceDates(now, deps.catalogue),
                // --verify-promise: on the feed's current version (the catalogue's file only
                // without a feed).
                deps.config.verifyPromise ? await currentSnapshot() : undefined,
              ))()
          : undefined;
      // Settled whatever happens first (a replay does not wait for its verdict).
      verdictOf?.catch(() => undefined);
      const first = await used();
      if (first) return replay(reply, first);
      if (!parsed.ok)
        throw new HttpError(
          400,
          'PAYLOAD_INVALID',
          `the payload is invalid (${parsed.issues.length} problem(s))`,
          {
            issues: parsed.issues,
          },
        );
      if (!verdictOf)
        throw new HttpError(
          400,
          'WRONG_ENDPOINT',
          `$.kind '${parsed.payload.kind}' is not accepted here (this endpoint takes ${allowed.join(', ')})`,
        );
      const payload = parsed.payload;
      const verdict = await verdictOf;
      // An approved quote's price may pass a guardrail: that difference is kept as a warning.
      const blocking = verdict.differences.filter(
        (d) => d.severity === 'error' && !(approved && d.code === 'approval-required'),
      );
      if (blocking.length > 0)
        throw new HttpError(
          422,
          'ORDER_REJECTED',
          `the ${payload.kind} does not match the catalogue: ${blocking
            .map((d) => `${d.path}: ${d.message}`)
            .join('; ')}`,
          { differences: verdict.differences },
        );

      const replaces = typeof holdHeader === 'string' ? holdHeader : undefined;
      const receivedAt = now.toISOString();
      const submission = (
        held: HeldPromise | undefined,
        differences: readonly OrderDifference[],
      ): NewSubmission => ({
        kind: payload.kind,
        namespace,
        idempotencyKey: payload.idempotencyKey,
        bodyHash,
        payload,
        currency: payload.totals.currency,
        total: payload.totals.total,
        customerEmail: payload.customer.email,
        createdAt: receivedAt,
        respond: ({ id, number }): SubmitAnswer => ({
          id,
          number,
          kind: payload.kind,
          idempotencyKey: payload.idempotencyKey,
          status: 'accepted',
          receivedAt,
          totals: payload.totals,
          warnings: [...verdict.differences, ...differences],
          ...(held && {
            promise: {
              status: held.result.status,
              ...(held.result.shipDate !== undefined && { shipDate: held.result.shipDate }),
              ...(held.result.deliveryDate !== undefined && {
                deliveryDate: held.result.deliveryDate,
              }),
              snapshotVersion: held.snapshotVersion,
              holdId: held.hold.id,
              holdExpiresAt: held.hold.expiresAt,
            },
          }),
        }),
      });
      // The order, its hold and its audit are stored in one transaction (the hold and audit
      // named by the order's number); a key already used writes nothing, and is answered below.
      let created: StoredSubmission | undefined;
      let unheld: NewSubmission | undefined;
      const held = await holdAndStore(payload, now, replaces, async (batch, h, differences) => {
        const input = submission(h, differences);
        created = await deps.store.insertIn(batch, input);
        if (!created) unheld = input;
        return created?.number;
      });
      const result: SubmitOutcome = !held
        ? await deps.store.submit(submission(undefined, []))
        : created
          ? { outcome: 'created', submission: created }
          : await deps.store.existing(unheld!);
      if (result.outcome !== 'conflict' || trusted) await onStored?.();
      switch (result.outcome) {
        case 'created':
          return reply.code(201).send(result.submission.response);
        case 'replayed':
          return replay(reply, result.submission);
        case 'conflict':
          // The server's accept key names one revision of one quote: whichever concurrent accept
          // stored its order first (their createdAt may differ by a second) is the answer to all.
          if (trusted) return replay(reply, result.submission);
          throw conflict(payload.idempotencyKey);
        default:
          return result satisfies never;
      }
    };

  const route =
    (allowed: readonly OrderPayload['kind'][]) => (request: FastifyRequest, reply: FastifyReply) =>
      submit(allowed, false)(
        request.body,
        request.headers['idempotency-key'],
        request.headers.authorization,
        reply,
        request.headers['madeto-hold'],
      );
  app.post('/api/orders', route(['order']));
  return {
    submitQuotePayload: route(['quote-request', 'quote']),
    placeAcceptedQuote: (payload, reply, approved, onStored, replaces) =>
      submit(['order'], true, approved, onStored)(
        payload,
        payload.idempotencyKey,
        undefined,
        reply,
        replaces,
      ),
  };
}

/** 409 for another body under a used key; it names nothing of the stored submission. */
function conflict(key: string): HttpError {
  return new HttpError(
    409,
    'IDEMPOTENCY_KEY_REUSED',
    `idempotency key '${key}' was already used with a different body; use a new key for a new submission`,
  );
}
