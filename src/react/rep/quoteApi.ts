import {
  type PriceResult,
  type QuoteChange,
  type QuotedFigures,
  repQuoteSchema,
  type RepQuote,
  type RepQuoteInput,
} from '../../engine/index.ts';
import { z } from '../../engine/zod.ts';
import type { QuotePromise } from './QuoteDocument.tsx';

/** A signed-in user of the reference backend (`GET /api/me`): a rep quotes, a manager also approves. */
export interface QuoteUser {
  name: string;
  role: 'rep' | 'manager';
}

/** A stored quote revision as the reference backend answers it (`/api/quotes/…`, `/api/shared/quotes/…`). */
export interface QuoteView {
  number: string;
  revision: number;
  revisions?: number[];
  createdAt: string;
  /** Who saved this revision (rep answers only; `null`: saved before the server knew users). */
  createdBy?: QuoteUser | null;
  /** Every revision: when, by whom, at what total as quoted (a reopened quote only). */
  history?: { revision: number; createdAt: string; createdBy: QuoteUser | null; total: string }[];
  quote: RepQuote;
  quoted: QuotedFigures;
  price: PriceResult;
  promise: QuotePromise | null;
  approvalRequired: boolean;
  changes: QuoteChange[];
  shareToken?: string;
  /** Who approved this revision (reopened quotes only; `null`: not approved). */
  approval?: QuoteApproval | null;
}

/** Who approved a revision of a rep's quote, and when (ISO instant). */
export interface QuoteApproval {
  number: string;
  revision: number;
  approvedBy: string;
  approvedAt: string;
}

const approvalSchema = z.object({
  number: z.string(),
  revision: z.int(),
  approvedBy: z.string(),
  approvedAt: z.string(),
});

const userSchema = z.object({ name: z.string(), role: z.enum(['rep', 'manager']) });

// The engine's results are checked for shape only at their top level: they come from the same engine.
const quoteViewSchema = z.looseObject({
  number: z.string(),
  revision: z.int(),
  revisions: z.optional(z.array(z.int())),
  createdAt: z.string(),
  createdBy: z.optional(z.nullable(userSchema)),
  history: z.optional(
    z.array(
      z.object({
        revision: z.int(),
        createdAt: z.string(),
        createdBy: z.nullable(userSchema),
        total: z.string(),
      }),
    ),
  ),
  quote: repQuoteSchema,
  quoted: z.looseObject({ currency: z.string() }),
  price: z.looseObject({ currency: z.string(), total: z.string(), lines: z.array(z.unknown()) }),
  promise: z.nullable(z.looseObject({ status: z.enum(['ok', 'unavailable']) })),
  approvalRequired: z.boolean(),
  changes: z.array(z.looseObject({ kind: z.string(), message: z.string() })),
  shareToken: z.optional(z.string()),
  approval: z.optional(z.nullable(approvalSchema)),
});

/** An error answer of the backend, with its code and message. */
export class QuoteApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call(url: string, init: RequestInit): Promise<unknown> {
  const r = await fetch(url, init);
  const body = (await r.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
  };
  if (!r.ok)
    throw new QuoteApiError(
      r.status,
      body.error?.code ?? 'HTTP_ERROR',
      body.error?.message ?? `${init.method ?? 'GET'} ${url} answered ${r.status}`,
    );
  return body;
}

const view = (json: unknown): QuoteView => quoteViewSchema.parse(json) as unknown as QuoteView;

/** A fresh `Idempotency-Key` for one save (128 random bits, hex). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A save that may be sent again under its key: no answer at all, or a gateway's 502/503/504. */
const retryable = (e: unknown): boolean =>
  e instanceof QuoteApiError ? [502, 503, 504].includes(e.status) : e instanceof TypeError;

/** Options of `repQuoteApi`. */
export interface RepQuoteApiOptions {
  /**
   * The pauses (ms) before each retry of a save that got no answer or a 502/503/504, under the
   * same `Idempotency-Key` (so that a save that did arrive is not made twice); default
   * `[500, 2000]` (three attempts). `[]`: no retry.
   */
  retryDelays?: readonly number[];
}

/**
 * The rep's side of the quotes resource of the reference backend at `base` (e.g. `''` or
 * `http://…`), signed in with `token` (a rep's or a manager's). Each save is sent with a fresh
 * `Idempotency-Key` and retried under the same key when it got no answer (`options`).
 */
export function repQuoteApi(base: string, token: string, options: RepQuoteApiOptions = {}) {
  const retryDelays = options.retryDelays ?? [500, 2000];
  const headers = (as = token) => ({
    authorization: `Bearer ${as}`,
    'content-type': 'application/json',
  });
  const quoteUrl = (number: string) => `${base}/api/quotes/${encodeURIComponent(number)}`;
  const revisionBody = (revision?: number) =>
    JSON.stringify(revision === undefined ? {} : { revision });
  return {
    /** Who the token signs in (name and role). */
    me: async (): Promise<QuoteUser> =>
      userSchema.parse(await call(`${base}/api/me`, { method: 'GET', headers: headers() })),
    /**
     * Saves a new quote (revision 1), or a new revision of `number`: once, however many times it
     * is retried (one `Idempotency-Key` for this call, resent on each retry).
     */
    save: async (quote: RepQuoteInput, number?: string): Promise<QuoteView> => {
      const url = number === undefined ? `${base}/api/quotes` : `${quoteUrl(number)}/revisions`;
      const init: RequestInit = {
        method: 'POST',
        headers: { ...headers(), 'idempotency-key': newIdempotencyKey() },
        body: JSON.stringify(quote),
      };
      for (let attempt = 0; ; attempt += 1) {
        try {
          return view(await call(url, init));
        } catch (e) {
          const pause = retryDelays[attempt];
          if (pause === undefined || !retryable(e)) throw e;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    },
    /** Reopens a quote (the latest revision, or `revision`), with what changed since. */
    open: async (number: string, revision?: number): Promise<QuoteView> =>
      view(
        await call(`${quoteUrl(number)}${revision === undefined ? '' : `?revision=${revision}`}`, {
          method: 'GET',
          headers: headers(),
        }),
      ),
    /** Saves a copy of a revision (default: the latest) as a new quote priced today. */
    duplicate: async (number: string, revision?: number): Promise<QuoteView> =>
      view(
        await call(`${quoteUrl(number)}/duplicate`, {
          method: 'POST',
          headers: headers(),
          body: revisionBody(revision),
        }),
      ),
    /**
     * Approves a revision that needs it (default: the latest). The server records the signed-in
     * manager as approver; `asToken` signs this one call in with another (a manager's) token.
     * A rep's token is refused (`QuoteApiError` 403 `MANAGER_REQUIRED`).
     */
    approve: async (number: string, revision?: number, asToken?: string): Promise<QuoteApproval> =>
      approvalSchema.parse(
        await call(`${quoteUrl(number)}/approve`, {
          method: 'POST',
          headers: headers(asToken || token),
          body: revisionBody(revision),
        }),
      ),
  };
}

/** The customer's side of a share link: read the quote, accept it (an order). */
export function sharedQuoteApi(base: string, token: string) {
  const url = `${base}/api/shared/quotes/${encodeURIComponent(token)}`;
  return {
    get: async (): Promise<QuoteView> => view(await call(url, { method: 'GET' })),
    accept: async (): Promise<{ number: string; kind: string }> =>
      z.looseObject({ number: z.string(), kind: z.string() }).parse(
        await call(`${url}/accept`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      ),
  };
}
