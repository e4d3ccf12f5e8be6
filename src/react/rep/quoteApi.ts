import {
  acceptResultWire,
  approvalWire,
  customerQuoteWire,
  meWire,
  repQuoteWire,
  sendResultWire,
  type AcceptResultWire,
  type CustomerQuoteWire,
  type MeWire,
  type RepQuoteWire,
  type SendResultWire,
  type RepQuoteInput,
} from '../../engine/index.ts';
import type { z } from '../../engine/zod.ts';
import { createHttpBatchSender } from '../insights/insightsLink.ts';
import { apiCall, authHeaders, jsonHeaders, QuoteApiError, type RepAuth } from './apiCall.ts';

export { QuoteApiError } from './apiCall.ts';
export type { RepAuth } from './apiCall.ts';

/** A signed-in user of the reference backend: a rep quotes; a manager (or admin) also approves. */
export type QuoteUser = Pick<MeWire, 'name' | 'role'>;

/** A stored rep quote revision as reps and managers see it (`repQuoteWire`). */
export type QuoteView = RepQuoteWire;

/** Who approved a revision of a rep's quote, and when (ISO instant). */
export type QuoteApproval = z.output<typeof approvalWire>;

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
 * `http://…`), signed in with `auth`: a bearer token (a string, or `{ token }`), or the session
 * cookie with its `{ csrfToken }`. Every answer is parsed with its wire schema. Each save is sent
 * with a fresh `Idempotency-Key` and retried under the same key when it got no answer (`options`).
 */
export function repQuoteApi(
  base: string,
  auth: string | RepAuth,
  options: RepQuoteApiOptions = {},
) {
  const creds: RepAuth = typeof auth === 'string' ? { token: auth } : auth;
  const retryDelays = options.retryDelays ?? [500, 2000];
  const quoteUrl = (number: string) => `${base}/api/quotes/${encodeURIComponent(number)}`;
  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: jsonHeaders(creds, 'POST'),
    body: JSON.stringify(body),
  });
  const revisionBody = (revision?: number) => (revision === undefined ? {} : { revision });
  return {
    /**
     * Sends configuration events (issue 20) to `POST /api/events`, signed in as the rep, so the
     * lines the rep configures count as channel `rep` (`createHttpBatchSender`'s retries).
     */
    events: createHttpBatchSender(`${base}/api/events`, (url, init) =>
      fetch(url, { ...init, headers: { ...init?.headers, ...authHeaders(creds, 'POST') } }),
    ),
    /** Who is signed in (name, role and, for a session, its CSRF token). */
    me: (): Promise<MeWire> =>
      apiCall(`${base}/api/me`, { method: 'GET', headers: jsonHeaders(creds, 'GET') }, meWire),
    /**
     * Saves a new quote (revision 1), or a new revision of `number`: once, however many times it
     * is retried (one `Idempotency-Key` for this call, resent on each retry).
     */
    save: async (quote: RepQuoteInput, number?: string): Promise<QuoteView> => {
      const url = number === undefined ? `${base}/api/quotes` : `${quoteUrl(number)}/revisions`;
      const init = post(quote);
      init.headers = {
        ...(init.headers as Record<string, string>),
        'idempotency-key': newIdempotencyKey(),
      };
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await apiCall(url, init, repQuoteWire);
        } catch (e) {
          const pause = retryDelays[attempt];
          if (pause === undefined || !retryable(e)) throw e;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    },
    /** Reopens a quote (the latest revision, or `revision`), with what changed since. */
    open: (number: string, revision?: number): Promise<QuoteView> =>
      apiCall(
        `${quoteUrl(number)}${revision === undefined ? '' : `?revision=${revision}`}`,
        { method: 'GET', headers: jsonHeaders(creds, 'GET') },
        repQuoteWire,
      ),
    /** Saves a copy of a revision (default: the latest) as a new quote priced today. */
    duplicate: (number: string, revision?: number): Promise<QuoteView> =>
      apiCall(`${quoteUrl(number)}/duplicate`, post(revisionBody(revision)), repQuoteWire),
    /**
     * Approves a revision that needs it (default: the latest) in the signed-in manager's name.
     * A rep is refused (`QuoteApiError` 403 `MANAGER_REQUIRED`), and so is a manager approving
     * their own revision (403 `SELF_APPROVAL`).
     */
    approve: (number: string, revision?: number): Promise<QuoteApproval> =>
      apiCall(`${quoteUrl(number)}/approve`, post(revisionBody(revision)), approvalWire),
    /** Turns a buyer's quote request (`Q-…`) into a rep quote (lines and selections kept). */
    convert: (number: string): Promise<QuoteView> =>
      apiCall(`${quoteUrl(number)}/convert`, post({}), repQuoteWire),
    /** E-mails the customer's link of the latest revision (to the quote's customer, or `to`). */
    send: (number: string, to?: string): Promise<SendResultWire> =>
      apiCall(`${quoteUrl(number)}/send`, post(to === undefined ? {} : { to }), sendResultWire),
  };
}

/** The customer's side of a share link: read the quote's document, accept it (an order). */
export function sharedQuoteApi(base: string, token: string) {
  const url = `${base}/api/shared/quotes/${encodeURIComponent(token)}`;
  return {
    get: (): Promise<CustomerQuoteWire> => apiCall(url, { method: 'GET' }, customerQuoteWire),
    accept: (): Promise<AcceptResultWire> =>
      apiCall(
        `${url}/accept`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
        acceptResultWire,
      ),
  };
}
