import { errorWire } from '../../engine/index.ts';
import type { z } from '../../engine/zod.ts';

/** An error answer of the backend, with its HTTP status, stable code, message and path issues. */
export class QuoteApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Each problem at its JSON path (`$.lines[0].discounts.additionalPercent`), when named. */
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/**
 * How the rep's pages sign in to the reference backend: a bearer `token` (machine clients, the
 * embed's rep mode), or the session cookie the browser sends by itself, with the `csrfToken` of
 * that session on every unsafe request (POST, DELETE). Neither: not signed in.
 */
export interface RepAuth {
  token?: string | undefined;
  csrfToken?: string | undefined;
}

/** The headers of a call with `auth`: the bearer token, else the CSRF token on unsafe methods. */
export function authHeaders(auth: RepAuth, method: string): Record<string, string> {
  if (auth.token) return { authorization: `Bearer ${auth.token}` };
  if (auth.csrfToken && method !== 'GET') return { 'x-csrf-token': auth.csrfToken };
  return {};
}

/**
 * Calls the backend and parses its answer with the endpoint's wire schema; a 4xx/5xx becomes a
 * `QuoteApiError` with the answer's code and message (`errorWire`), or `HTTP_ERROR` when the body
 * is not one. The session cookie goes along (same origin).
 */
export async function apiCall<S extends z.ZodMiniType>(
  url: string,
  init: RequestInit,
  schema: S,
): Promise<z.output<S>> {
  const r = await fetch(url, { credentials: 'same-origin', ...init });
  const body: unknown = r.status === 204 ? {} : await r.json().catch(() => ({}));
  if (!r.ok) {
    const error = errorWire.safeParse(body);
    throw new QuoteApiError(
      r.status,
      error.success ? error.data.error.code : 'HTTP_ERROR',
      error.success
        ? error.data.error.message
        : `${init.method ?? 'GET'} ${url} answered ${r.status}`,
      error.success ? (error.data.error.issues ?? []) : [],
    );
  }
  return schema.parse(body);
}

/** A JSON body's headers plus `auth`'s for `method`. */
export const jsonHeaders = (auth: RepAuth, method: string) => ({
  'content-type': 'application/json',
  ...authHeaders(auth, method),
});
