import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireRep } from '../auth.ts';
import type { ServerConfig } from '../config.ts';
import type { StoredSubmission, SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';

interface ListQuery {
  since?: string;
  limit?: string;
}

function parseList(query: ListQuery): { sinceSeq?: number; sinceTime?: string; limit: number } {
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new HttpError(
      400,
      'QUERY_INVALID',
      `?limit must be an integer from 1 to 1000, not '${query.limit}'`,
    );
  const since = query.since;
  if (since === undefined || since === '') return { limit };
  if (/^\d+$/.test(since)) return { sinceSeq: Number(since), limit };
  const time = Date.parse(since);
  if (Number.isNaN(time))
    throw new HttpError(
      400,
      'QUERY_INVALID',
      `?since must be a cursor (the "next" of a previous page) or an ISO-8601 instant, not '${since}'`,
    );
  return { sinceTime: new Date(time).toISOString(), limit };
}

const summary = (s: StoredSubmission) => ({
  seq: s.seq,
  id: s.id,
  number: s.number,
  kind: s.kind,
  idempotencyKey: s.idempotencyKey,
  receivedAt: s.createdAt,
  payload: s.payload,
});

/**
 * The sales reps' endpoints (bearer token): `GET /api/orders?since=&limit=`,
 * `GET /api/quotes?since=&limit=` (oldest first; `since` is the `next` cursor of the previous
 * page or an ISO instant) and `GET /api/quotes/:number`.
 */
export function listRoutes(
  app: FastifyInstance,
  deps: { store: SubmissionStore; config: ServerConfig },
): void {
  const list =
    (kinds: readonly string[]) => async (request: FastifyRequest<{ Querystring: ListQuery }>) => {
      requireRep(request.headers.authorization, deps.config.repToken);
      const query = parseList(request.query);
      const rows = await deps.store.list({ kinds, ...query });
      return { items: rows.map(summary), next: rows.at(-1)?.seq ?? query.sinceSeq ?? null };
    };
  app.get<{ Querystring: ListQuery }>('/api/orders', list(['order']));
  app.get<{ Querystring: ListQuery }>('/api/quotes', list(['quote-request', 'quote']));
  app.get<{ Params: { number: string } }>('/api/quotes/:number', async (request) => {
    requireRep(request.headers.authorization, deps.config.repToken);
    const found = await deps.store.byNumber(request.params.number);
    if (!found || found.kind === 'order')
      throw new HttpError(404, 'QUOTE_NOT_FOUND', `no quote '${request.params.number}'`);
    return summary(found);
  });
}
