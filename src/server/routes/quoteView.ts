import {
  PricingError,
  priceQuote,
  type PricedQuote,
  parseRepQuote,
  type RepQuote,
  type Snapshot,
  validate,
} from '../../engine/index.ts';
import type { Catalogue } from '../catalogue.ts';
import type { AvailabilityStore, StoredHold } from '../db/availabilityStore.ts';
import type { StoredSubmission, SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';

const listed = (issues: readonly { path: string; message: string }[]) =>
  issues.map((i) => `${i.path}: ${i.message}`).join('; ');

/** Parses a rep quote document from a request body (400 `QUOTE_INVALID`, each issue with its path). */
export function parseQuoteBody(body: unknown): RepQuote {
  const parsed = parseRepQuote(body);
  if (!parsed.ok)
    throw new HttpError(400, 'QUOTE_INVALID', `the quote is invalid: ${listed(parsed.issues)}`, {
      issues: parsed.issues,
    });
  return parsed.quote;
}

/**
 * The availability a rep quote is promised on: the feed's current version net of every active
 * hold but the quote's own, the version and its `snapshotAt` (what the promise audit records),
 * and the own holds left out. Without a feed, the catalogue's `availability.json` (version 0).
 */
export interface PromiseBasis {
  snapshot?: Snapshot | undefined;
  /** The feed's version; 0 for the catalogue's file; absent without any snapshot. */
  version?: number | undefined;
  snapshotAt?: string | undefined;
  own: StoredHold[];
}

/**
 * The `PromiseBasis` at `now`: holds whose reference is in `own` (the quote's number, the buyer
 * request it was converted from) do not delay it, everyone else's do.
 */
export async function promiseBasis(
  availability: AvailabilityStore | undefined,
  catalogue: Catalogue,
  now: Date,
  own: readonly string[],
): Promise<PromiseBasis> {
  const netted = await availability?.nettedExcept(now.toISOString(), own);
  if (netted)
    return {
      snapshot: netted.snapshot,
      version: netted.current.version,
      snapshotAt: netted.current.snapshotAt,
      own: netted.own,
    };
  return catalogue.snapshot
    ? {
        snapshot: catalogue.snapshot,
        version: 0,
        snapshotAt: catalogue.snapshot.snapshotAt,
        own: [],
      }
    : { own: [] };
}

/**
 * Prices a rep quote against the server's catalogue at `now` and promises it on `snapshot` (none:
 * no promise); 422 `QUOTE_UNPRICEABLE`.
 */
export function pricedOn(
  quote: RepQuote,
  catalogue: Catalogue,
  now: Date,
  snapshot: Snapshot | undefined,
): PricedQuote {
  try {
    return priceQuote(quote, {
      pricing: catalogue.pricing,
      models: catalogue.models,
      snapshot,
      now: now.toISOString(),
    });
  } catch (e) {
    if (!(e instanceof PricingError)) throw e;
    throw new HttpError(
      422,
      'QUOTE_UNPRICEABLE',
      `the quote cannot be priced: ${listed(e.issues)}`,
      { issues: e.issues },
    );
  }
}

/** Refuses lines whose selection breaks a constraint of the product's model (422, each with its path). */
export function checkSelections(quote: RepQuote, catalogue: Catalogue): void {
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
      `the quote has invalid configurations: ${listed(issues)}`,
      { issues },
    );
}

/**
 * Refuses (422 `QUOTE_INVALID`, path `$.discounts.documentDiscount`) a quote whose document
 * discount is larger than its lines: a total is never negative.
 */
export function refuseNegativeTotal(priced: PricedQuote): void {
  const issues = priced.price.violations
    .filter((v) => v.rule === 'documentDiscount')
    .map((v) => ({
      path: '$.discounts.documentDiscount',
      message: `the document discount ${v.actual} is larger than the lines' total ${v.limit}: at most ${v.limit}`,
    }));
  if (issues.length > 0)
    throw new HttpError(422, 'QUOTE_INVALID', `the quote is invalid: ${listed(issues)}`, {
      issues,
    });
}

/** `?revision=N` (a positive integer; 400 `QUERY_INVALID` otherwise). */
export function revisionQuery(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(text))
    throw new HttpError(
      400,
      'QUERY_INVALID',
      `?revision must be a positive integer, not '${text}'`,
    );
  return Number(text);
}

/**
 * The quote request stored under `number` when no rep quote has it (`GET /api/quotes/:number`
 * and its line pictures): a request has no revisions, so one asked for, an unknown number or an
 * order's number is 404 `QUOTE_NOT_FOUND`.
 */
export async function storedQuoteRequest(
  store: SubmissionStore,
  number: string,
  revision: number | undefined,
): Promise<StoredSubmission> {
  const found = revision === undefined ? await store.byNumber(number) : undefined;
  if (!found || found.kind === 'order')
    throw new HttpError(
      404,
      'QUOTE_NOT_FOUND',
      `no quote '${number}'${revision === undefined ? '' : ` revision ${revision}`}`,
    );
  return found;
}

/**
 * A body naming at most a revision (`{ revision? }`, approve and duplicate). Any other key is
 * refused: the approver is the signed-in user, never a field a client could fill in.
 */
export function parseRevisionBody(
  body: unknown,
  code: string,
  what: string,
): { revision?: number } {
  // No body at all names no revision (the latest); anything but a JSON object is refused, never
  // read as `{}` (a manager asking for a revision must get that revision or an error).
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    const message = `the body must be a JSON object { revision? }, not ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`;
    throw new HttpError(400, code, `the ${what} is invalid: $: ${message}`, {
      issues: [{ path: '$', message }],
    });
  }
  const b = body as Record<string, unknown>;
  const issues: { path: string; message: string }[] = [];
  for (const key of Object.keys(b))
    if (key !== 'revision')
      issues.push({
        path: `$.${key}`,
        message:
          key === 'approvedBy'
            ? 'not a field: the approver is the signed-in manager (their token)'
            : `unknown field (the body is { revision? })`,
      });
  const revision = b['revision'];
  if (revision !== undefined && !(Number.isInteger(revision) && (revision as number) >= 1))
    issues.push({ path: '$.revision', message: 'a revision number (a positive integer)' });
  if (issues.length > 0)
    throw new HttpError(400, code, `the ${what} is invalid: ${listed(issues)}`, {
      issues,
    });
  return revision === undefined ? {} : { revision: revision as number };
}
