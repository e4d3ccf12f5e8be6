import type { z } from '../../engine/zod.ts';
import {
  customerDocument,
  quoteChanges,
  quoteState,
  type ApprovalStatus,
  type PricedQuote,
  type RepQuote,
  type QuoteFacts,
  type QuoteState,
  type SellerConfig,
  type customerQuoteWire,
  type quoteActivityWire,
  type repQuoteWire,
  lineMargins,
} from '../../engine/index.ts';
import type { Catalogue } from '../catalogue.ts';
import { plantToday, quoteHoldUntil } from '../clock.ts';
import type { QuoteEventRow, QuoteEventStore } from '../db/quoteEventStore.ts';
import type {
  QuoteApproval,
  QuoteRevisionStore,
  RevisionSummary,
  StoredQuoteRevision,
} from '../db/quoteRevisionStore.ts';
import { repQuoteRenderedViews, withKeptPictures, type RenderedView } from './pictureRoutes.ts';
import {
  TooManyActiveHolds,
  type AvailabilityStore,
  type HeldPromise,
} from '../db/availabilityStore.ts';
import { DEFAULT_HOLD_LIMITS, type HoldLimits, type HoldTimes } from '../config.ts';
import { pricedOn, promiseBasis, type PromiseBasis } from './quoteView.ts';

/** The plant-local calendar day of `now` a quote's validity is compared with. */
export const todayOf = (now: Date, catalogue: Catalogue, productId?: string): string =>
  plantToday(now, catalogue, productId);

/**
 * A revision's approval: `not-needed` when it was within every guardrail as saved, else `approved`
 * when a manager approved this very revision, else `required`. Revisions are never edited: a
 * change is a new revision, which needs its own approval.
 */
export function approvalStatusOf(r: StoredQuoteRevision, approval?: QuoteApproval): ApprovalStatus {
  if (!r.figures.approvalRequired) return 'not-needed';
  return approval ? 'approved' : 'required';
}

const lastOf = (events: readonly QuoteEventRow[], kind: QuoteEventRow['kind']) =>
  events.filter((e) => e.kind === kind).at(-1);

/** The facts of the state machine from the latest revision, its approval and the events. */
export function factsOf(
  latest: StoredQuoteRevision,
  approval: QuoteApproval | undefined,
  events: readonly QuoteEventRow[],
): QuoteFacts {
  return {
    revision: latest.revision,
    validUntil: latest.quote.validUntil,
    approval: approvalStatusOf(latest, approval),
    sentRevision: lastOf(events, 'sent')?.revision,
    viewedRevision: lastOf(events, 'viewed')?.revision,
    acceptedRevision: lastOf(events, 'accepted')?.revision,
    lost: events.some((e) => e.kind === 'lost'),
  };
}

/** What happened to a quote, as the rep's view shows it. */
export function activityOf(events: readonly QuoteEventRow[]): z.input<typeof quoteActivityWire> {
  const sent = lastOf(events, 'sent');
  const accepted = lastOf(events, 'accepted');
  return {
    sentAt: sent?.at ?? null,
    sentTo: sent?.detail ?? null,
    sentRevision: sent?.revision ?? null,
    viewedAt: lastOf(events, 'viewed')?.at ?? null,
    acceptedAt: accepted?.at ?? null,
    order: accepted?.detail ?? null,
    lostAt: lastOf(events, 'lost')?.at ?? null,
  };
}

/**
 * What a saved rep quote revision holds (the answer's `hold`): its hold's id and expiry, and the
 * hold it replaced; or why it holds nothing although saved (`refused`).
 */
export type QuoteHold =
  | { id: string; expiresAt: string; replaced?: string }
  | { refused: { code: 'TOO_MANY_ACTIVE_HOLDS'; message: string } };

/** Everything known about one quote now: its latest revision, approval, events, state. */
export interface QuoteStatus {
  latest: StoredQuoteRevision;
  approval: QuoteApproval | undefined;
  events: QuoteEventRow[];
  facts: QuoteFacts;
  state: QuoteState;
}

/** Builds the rep's and the customer's views of stored revisions, with their state. */
export class QuoteViews {
  constructor(
    private readonly deps: {
      catalogue: Catalogue;
      quotes: QuoteRevisionStore;
      events: QuoteEventStore;
      seller: SellerConfig;
      clock: () => Date;
      /** The live feed the promises use (absent: the catalogue's availability.json). */
      availability?: AvailabilityStore | undefined;
      /** How long a quote's hold lasts without a validity (`quoteDays`). */
      holdTimes?: HoldTimes | undefined;
      /** How many held quotes one user may have (`activePerRep`). */
      holdLimits?: HoldLimits | undefined;
    },
  ) {}

  /**
   * A rep quote priced at `now` and promised on the feed's current version net of every active
   * hold but its own: those of quote `own.number` and of the buyer request it was converted from
   * (`own.convertedFrom`; looked up when not given). `basis` says which version was used.
   */
  async priced(
    quote: RepQuote,
    now: Date,
    own: { number?: string | undefined; convertedFrom?: string | null | undefined } = {},
  ): Promise<{ priced: PricedQuote; basis: PromiseBasis }> {
    const from =
      own.convertedFrom !== undefined || own.number === undefined
        ? own.convertedFrom
        : await this.deps.events.convertedFrom(own.number);
    const refs = [own.number, from].filter((r): r is string => typeof r === 'string');
    const basis = await promiseBasis(this.deps.availability, this.deps.catalogue, now, refs);
    return { priced: pricedOn(quote, this.deps.catalogue, now, basis.snapshot), basis };
  }

  /**
   * Holds what stored revision `r`'s promise consumes, through the same `promiseAndHold` as a
   * buyer's quote request: kind `quote`, reference the quote's number, until the end of its
   * `validUntil` day at the plant; the hold replaces the quote's own (`basis.own`: the previous
   * revision's, or the converted buyer request's), so a quote holds once. The promise is made
   * with the hold (net of everyone else's holds) and audited with its id and the revision. A
   * refused hold (the user's `activePerRep` held quotes) leaves the quote saved without one and
   * says so (`refused`); without a feed there is no hold, and the promise is audited alone.
   * `user`: the signed-in user saving it (the limit counts their quotes' holds).
   */
  async hold(
    r: StoredQuoteRevision,
    priced: PricedQuote,
    basis: PromiseBasis,
    now: Date,
    user: { id: string },
  ): Promise<QuoteHold | null> {
    const availability = this.deps.availability;
    const times = this.deps.holdTimes;
    const lines = this.promisedLines(r);
    if (!availability || !times || !basis.version || lines.length === 0) {
      await this.recordPromise(r, priced, basis, now);
      return null;
    }
    const at = now.toISOString();
    const replaces = basis.own[0];
    const request = { now: at, shipPolicy: r.quote.shipPolicy, lines };
    let held: HeldPromise | undefined;
    try {
      held = await availability.promiseAndHold({
        kind: 'quote',
        reference: r.number,
        request,
        audit: {
          revision: r.revision,
          ...request,
          ...(basis.own.length > 0 && { ownHolds: basis.own.map((h) => h.id) }),
        },
        expiresAt: quoteHoldUntil(
          this.deps.catalogue,
          r.quote.validUntil,
          r.quote.lines[0]?.productId,
          now,
          times.quoteDays,
        ),
        replaces: replaces?.id,
        client: {
          id: `user:${user.id}`,
          maxActive: this.deps.holdLimits?.activePerRep ?? DEFAULT_HOLD_LIMITS.activePerRep,
        },
      });
    } catch (error) {
      if (!(error instanceof TooManyActiveHolds)) throw error;
      await this.recordPromise(r, priced, basis, now);
      return {
        refused: {
          code: 'TOO_MANY_ACTIVE_HOLDS',
          message: `the quote is saved but reserves nothing: your quotes already hold stock or capacity ${error.active} times, the most is ${error.limit}; mark quotes lost or let them expire to free holds`,
        },
      };
    }
    if (!held) {
      await this.recordPromise(r, priced, basis, now);
      return null;
    }
    // One hold per quote: any other of its own still active (a revision saved at the same time,
    // a request's hold of a quote converted before quotes held) is released; the last placed
    // stays (whichever save releases, they agree on it).
    const from = await this.deps.events.convertedFrom(r.number);
    await availability.releaseOwn(at, from === null ? [r.number] : [r.number, from], 'quote', true);
    return {
      id: held.hold.id,
      expiresAt: held.hold.expiresAt,
      ...(held.replaced && { replaced: held.replaced.id }),
    };
  }

  /** The lines of `r` a promise is made for (products the catalogue models), as audited. */
  private promisedLines(r: StoredQuoteRevision) {
    const modelled = new Set(this.deps.catalogue.models.map((m) => m.id));
    return r.quote.lines
      .filter((l) => modelled.has(l.productId))
      .map(({ lineId, productId, quantity, selection }) => ({
        lineId,
        productId,
        quantity,
        selection,
      }));
  }

  /**
   * Records the promise a stored revision was given (`priced` on `basis`) in the promise audit,
   * under the quote's number with the feed version it used: "what did we promise, on what
   * data". Nothing without a promise or without a feed version (the catalogue's file is not one).
   */
  async recordPromise(
    r: StoredQuoteRevision,
    priced: PricedQuote,
    basis: PromiseBasis,
    now: Date,
  ): Promise<void> {
    const result = priced.promise;
    if (!result || !this.deps.availability || !basis.version) return;
    await this.deps.availability.recordPromise({
      kind: 'quote',
      reference: r.number,
      snapshotVersion: basis.version,
      promisedAt: now.toISOString(),
      result,
      request: {
        revision: r.revision,
        now: now.toISOString(),
        shipPolicy: r.quote.shipPolicy,
        lines: this.promisedLines(r),
        ...(basis.own.length > 0 && { ownHolds: basis.own.map((h) => h.id) }),
      },
    });
  }

  /** The status of the quote whose latest revision is `latest`. */
  async status(latest: StoredQuoteRevision): Promise<QuoteStatus> {
    const [approval, events] = await Promise.all([
      this.deps.quotes.approval(latest.number, latest.revision),
      this.deps.events.of([latest.number]),
    ]);
    const facts = factsOf(latest, approval, events);
    return {
      latest,
      approval,
      events,
      facts,
      state: quoteState(
        facts,
        todayOf(this.deps.clock(), this.deps.catalogue, latest.quote.lines[0]?.productId),
      ),
    };
  }

  private document(
    r: StoredQuoteRevision,
    priced: PricedQuote,
    status: QuoteStatus,
    approval: QuoteApproval | undefined,
  ): z.input<typeof customerQuoteWire> {
    const changes = quoteChanges(r.quote, r.figures, priced, this.deps.catalogue.models);
    const document = customerDocument({
      number: r.number,
      revision: r.revision,
      createdAt: r.createdAt,
      quote: r.quote,
      priced,
      models: this.deps.catalogue.models,
      seller: this.deps.seller,
      state: status.state,
      approvalStatus: approvalStatusOf(r, approval),
      approval: approval ?? null,
      changed: changes.some((c) => c.kind !== 'delivery-date'),
      order: status.events.find((e) => e.kind === 'accepted')?.detail ?? null,
    });
    return withKeptPictures(document, r.figures);
  }

  /** The customer's document of the latest revision (what the share link shows and the PDF prints). */
  async customer(latest: StoredQuoteRevision): Promise<{
    document: z.input<typeof customerQuoteWire>;
    status: QuoteStatus;
    priced: PricedQuote;
  }> {
    const status = await this.status(latest);
    const { priced } = await this.priced(latest.quote, this.deps.clock(), {
      number: latest.number,
    });
    return { document: this.document(latest, priced, status, status.approval), status, priced };
  }

  /**
   * The rep's view of revision `r` (any revision; the state is the quote's): the quote, today's
   * price with guardrails and margins, the approval of this revision, the activity, and the
   * customer's document of this revision, and where each line's views are drawn as SVG files
   * (`renderedViews`, naming the revision; server-made references the rep app does not read, so
   * they are not part of `repQuoteWire`).
   */
  async rep(
    r: StoredQuoteRevision,
    revisions: number[],
    extra: {
      history?: RevisionSummary[];
      latest?: StoredQuoteRevision;
      convertedFrom?: string | null;
      duplicateOf?: { number: string; revision: number };
    } = {},
  ): Promise<z.input<typeof repQuoteWire> & { renderedViews: RenderedView[] }> {
    const status = await this.status(extra.latest ?? r);
    const approval =
      r.revision === status.latest.revision
        ? status.approval
        : await this.deps.quotes.approval(r.number, r.revision);
    const convertedFrom =
      extra.convertedFrom !== undefined
        ? extra.convertedFrom
        : await this.deps.events.convertedFrom(r.number);
    const { priced } = await this.priced(r.quote, this.deps.clock(), {
      number: r.number,
      convertedFrom,
    });
    const p = priced.price;
    const margins = lineMargins(p);
    const promise = priced.promise;
    return {
      kind: 'rep-quote',
      number: r.number,
      revision: r.revision,
      revisions,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      ...(extra.history && { history: extra.history }),
      quote: r.quote,
      quoted: r.figures,
      price: p,
      promise: promise
        ? {
            status: promise.status,
            shipPolicy: promise.shipPolicy,
            ...(promise.shipDate !== undefined && { shipDate: promise.shipDate }),
            ...(promise.deliveryDate !== undefined && { deliveryDate: promise.deliveryDate }),
          }
        : null,
      approvalRequired: priced.approvalRequired,
      approvalStatus: approvalStatusOf(r, approval),
      approval: approval ?? null,
      guardrails: p.violations,
      margins,
      changes: quoteChanges(r.quote, r.figures, priced, this.deps.catalogue.models),
      state: status.state,
      activity: activityOf(status.events),
      shareToken: r.shareToken,
      convertedFrom,
      ...(extra.duplicateOf && { duplicateOf: extra.duplicateOf }),
      document: this.document(r, priced, status, approval),
      renderedViews: repQuoteRenderedViews(r, this.deps.catalogue.models),
    };
  }
}
