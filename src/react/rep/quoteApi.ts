import { z } from 'zod';
import type { PriceResult } from '../../engine/pricing/price.ts';
import type { QuoteChange, QuotedFigures } from '../../engine/quotes/quoteChanges.ts';
import { repQuoteSchema, type RepQuote, type RepQuoteInput } from '../../engine/quotes/repQuote.ts';
import type { QuotePromise } from './QuoteDocument.tsx';

/** A stored quote revision as the reference backend answers it (`/api/rep/quotes/…`, `/api/shared/quotes/…`). */
export interface QuoteView {
  number: string;
  revision: number;
  revisions?: number[];
  createdAt: string;
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

// The engine's results are checked for shape only at their top level: they come from the same engine.
const quoteViewSchema = z.looseObject({
  number: z.string(),
  revision: z.int(),
  revisions: z.array(z.int()).optional(),
  createdAt: z.string(),
  quote: repQuoteSchema,
  quoted: z.looseObject({ currency: z.string() }),
  price: z.looseObject({ currency: z.string(), total: z.string(), lines: z.array(z.unknown()) }),
  promise: z.looseObject({ status: z.enum(['ok', 'unavailable']) }).nullable(),
  approvalRequired: z.boolean(),
  changes: z.array(z.looseObject({ kind: z.string(), message: z.string() })),
  shareToken: z.string().optional(),
  approval: approvalSchema.nullable().optional(),
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

/** The rep's quote endpoints of the reference backend at `base` (e.g. `''` or `http://…`). */
export function repQuoteApi(base: string, token: string) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    /** Saves a new quote (revision 1), or a new revision of `number`. */
    save: async (quote: RepQuoteInput, number?: string): Promise<QuoteView> =>
      view(
        await call(
          number === undefined
            ? `${base}/api/rep/quotes`
            : `${base}/api/rep/quotes/${encodeURIComponent(number)}/revisions`,
          { method: 'POST', headers, body: JSON.stringify(quote) },
        ),
      ),
    /** Reopens a quote (the latest revision, or `revision`), with what changed since. */
    open: async (number: string, revision?: number): Promise<QuoteView> =>
      view(
        await call(
          `${base}/api/rep/quotes/${encodeURIComponent(number)}${revision === undefined ? '' : `?revision=${revision}`}`,
          { method: 'GET', headers },
        ),
      ),
    /** Approves a revision that needs it (default: the latest) in the name of `approvedBy`. */
    approve: async (
      number: string,
      approvedBy: string,
      revision?: number,
    ): Promise<QuoteApproval> =>
      approvalSchema.parse(
        await call(`${base}/api/rep/quotes/${encodeURIComponent(number)}/approve`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ approvedBy, ...(revision !== undefined && { revision }) }),
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
