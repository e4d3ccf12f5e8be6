import type { FastifyInstance } from 'fastify';
import type { Authenticator } from '../auth/authenticator.ts';
import type { StoredSubmission, SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import { isInstant } from '../../engine/index.ts';
import { renderedViews } from './pictureRoutes.ts';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The query of a listing: `?since=` (a cursor or an ISO instant) and `?limit=` (1 to 1000). */
export interface ListQuery {
  since?: string;
  limit?: string;
}

/** Reads `?limit=` (default 100) and `?since=` (a cursor of digits and dots, or an ISO instant). */
export function parseList(query: ListQuery): {
  cursor?: string;
  sinceTime?: string;
  limit: number;
} {
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new HttpError(
      400,
      'QUERY_INVALID',
      `?limit must be an integer from 1 to 1000, not '${query.limit}'`,
    );
  const since = query.since;
  if (since === undefined || since === '') return { limit };
  if (/^\d+(\.\d+)?$/.test(since)) return { cursor: since, limit };
  // A real instant with its offset (Date.parse would take "2026-02-30" as 2 March).
  if (!INSTANT.test(since) || !isInstant(since))
    throw new HttpError(
      400,
      'QUERY_INVALID',
      `?since must be a cursor (the "next" of a previous page) or an ISO-8601 instant with an offset such as 2026-03-02T10:00:00Z, not '${since}'`,
    );
  return { sinceTime: new Date(Date.parse(since)).toISOString(), limit };
}

/** How a listing shows an order, a quote request or a rep's quote payload. */
export const submissionSummary = (s: StoredSubmission) => ({
  seq: s.seq,
  id: s.id,
  number: s.number,
  kind: s.kind,
  idempotencyKey: s.idempotencyKey,
  receivedAt: s.createdAt,
  payload: s.payload,
});

/**
 * `GET /api/orders?since=&limit=` (rep or manager token): orders, oldest first; `since` is the
 * `next` cursor of the previous page or an ISO instant; each with `renderedViews` (where production
 * reads each line's views drawn as SVG files, `pictureRoutes`). Quotes are listed by `quoteRoutes`.
 */
export function listRoutes(
  app: FastifyInstance,
  deps: { store: SubmissionStore; auth: Authenticator },
): void {
  app.get<{ Querystring: ListQuery }>('/api/orders', async (request) => {
    await deps.auth.user(request);
    const { cursor, ...query } = parseList(request.query);
    if (cursor?.includes('.'))
      throw new HttpError(
        400,
        'QUERY_INVALID',
        `?since must be an order cursor (digits), not '${cursor}'`,
      );
    const sinceSeq = cursor === undefined ? undefined : Number(cursor);
    const rows = await deps.store.list({
      kinds: ['order'],
      ...query,
      ...(sinceSeq !== undefined && { sinceSeq }),
    });
    return {
      items: rows.map((r) => ({ ...submissionSummary(r), renderedViews: renderedViews(r) })),
      next: rows.at(-1)?.seq ?? sinceSeq ?? null,
    };
  });
}
