import type { FastifyInstance } from 'fastify';
import {
  QUOTE_STATES,
  type approvalQueueWire,
  type pipelineItemWire,
  type pipelinePageWire,
} from '../../engine/index.ts';
import type { z } from '../../engine/zod.ts';
import { requireApprover, type Authenticator } from '../auth/authenticator.ts';
import type { Catalogue } from '../catalogue.ts';
import type { QuoteRevisionStore } from '../db/quoteRevisionStore.ts';
import type { Db } from '../db/createDb.ts';
import { pipelinePage } from '../db/pipelineIndex.ts';
import { HttpError } from '../httpError.ts';
import { pricedOn } from './quoteView.ts';
import { todayOf } from './quoteViews.ts';

type Item = z.input<typeof pipelineItemWire>;

/** The query of `GET /api/pipeline`. */
export interface PipelineQuery {
  q?: string;
  kind?: string;
  state?: string;
  page?: string;
  pageSize?: string;
}

const KINDS = ['quote-request', 'rep-quote', 'order'] as const;
const STATES = [...QUOTE_STATES, 'new', 'converted'] as const;
const QUERY_KEYS = new Set(['q', 'kind', 'state', 'page', 'pageSize']);
/** The most entries one page holds. */
export const MAX_PAGE_SIZE = 100;

const invalid = (message: string, path: string) =>
  new HttpError(400, 'QUERY_INVALID', message, { issues: [{ path, message }] });

/** Reads and checks the pipeline's query (400 `QUERY_INVALID` naming the parameter). */
export function parsePipelineQuery(query: Record<string, unknown>): {
  q: string;
  kind?: (typeof KINDS)[number];
  state?: (typeof STATES)[number];
  page: number;
  pageSize: number;
} {
  for (const key of Object.keys(query))
    if (!QUERY_KEYS.has(key))
      throw invalid(`unknown parameter ?${key} (q, kind, state, page, pageSize)`, `?${key}`);
  const text = (key: string) => {
    const v = query[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw invalid(`?${key} is given more than once`, `?${key}`);
    return v;
  };
  const q = (text('q') ?? '').trim();
  if (q.length > 200) throw invalid('?q is longer than 200 characters', '?q');
  const kind = text('kind');
  if (kind !== undefined && !KINDS.some((k) => k === kind))
    throw invalid(`?kind must be one of ${KINDS.join(', ')}, not '${kind}'`, '?kind');
  const state = text('state');
  if (state !== undefined && !STATES.some((s) => s === state))
    throw invalid(`?state must be one of ${STATES.join(', ')}, not '${state}'`, '?state');
  const int = (key: string, fallback: number, max: number) => {
    const v = text(key);
    if (v === undefined) return fallback;
    if (!/^[1-9]\d{0,6}$/.test(v) || Number(v) > max)
      throw invalid(`?${key} must be an integer from 1 to ${max}, not '${v}'`, `?${key}`);
    return Number(v);
  };
  return {
    q,
    ...(kind !== undefined && { kind: kind as (typeof KINDS)[number] }),
    ...(state !== undefined && { state: state as (typeof STATES)[number] }),
    page: int('page', 1, 1_000_000),
    pageSize: int('pageSize', 20, MAX_PAGE_SIZE),
  };
}

interface Deps {
  db: Db;
  catalogue: Catalogue;
  quotes: QuoteRevisionStore;
  auth: Authenticator;
  clock: () => Date;
}

/**
 * The rep's inbox and pipeline and the manager's approval queue:
 *
 * - `GET /api/pipeline?q=&kind=&state=&page=&pageSize=` (signed in): buyers' quote requests
 *   (`new`, `converted`), rep quotes (with their state) and orders, newest first, searched by
 *   number, customer (name, e-mail, company) and product (id or name), case-insensitive; one
 *   page read in SQL from the index `pipeline_entries` (see `pipelineIndex.ts`).
 * - `GET /api/approvals` (manager or admin): the latest revisions waiting for approval (found in
 *   the index), oldest first, each saying whether the signed-in manager saved it (then someone
 *   else must approve).
 */
export function pipelineRoutes(app: FastifyInstance, deps: Deps): void {
  const productName = new Map(deps.catalogue.models.map((m) => [m.id, m.name] as const));
  const products = (lines: readonly { productId: string; quantity: number }[]) =>
    lines.map((l) => ({
      productId: l.productId,
      name: productName.get(l.productId) ?? l.productId,
      quantity: l.quantity,
    }));
  const customerOf = (c: { name: string; email: string; company?: string | undefined }) => ({
    name: c.name,
    email: c.email,
    ...(c.company !== undefined && { company: c.company }),
  });

  // The latest revisions awaiting approval: found in the index, then read one by one.
  const awaitingApproval = async () => {
    const { items } = await pipelinePage(deps.db.kysely as never, {
      q: '',
      productIds: [],
      kind: 'rep-quote',
      state: 'awaiting-approval',
      page: 1,
      pageSize: 10_000,
      today: todayOf(deps.clock(), deps.catalogue),
    });
    const found = await Promise.all(items.map((i) => deps.quotes.get(i.number)));
    return found
      .flatMap((f) => (f ? [f.found] : []))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number.localeCompare(b.number));
  };

  app.get<{ Querystring: Record<string, unknown> }>('/api/pipeline', async (request) => {
    await deps.auth.user(request);
    const query = parsePipelineQuery(request.query);
    const needle = query.q.toLowerCase();
    // The catalogue's product names are searched here; the index holds the ids.
    const named =
      needle === ''
        ? []
        : deps.catalogue.models.filter((m) => m.name.toLowerCase().includes(needle));
    const { items, total } = await pipelinePage(deps.db.kysely as never, {
      q: query.q,
      productIds: named.map((m) => m.id),
      kind: query.kind,
      state: query.state,
      page: query.page,
      pageSize: query.pageSize,
      today: todayOf(deps.clock(), deps.catalogue),
    });
    const page: z.input<typeof pipelinePageWire> = {
      items: items.map((i): Item => ({ ...i, products: products(i.products) })),
      page: query.page,
      pageSize: query.pageSize,
      total,
      pages: Math.max(1, Math.ceil(total / query.pageSize)),
    };
    return page;
  });

  app.get('/api/approvals', async (request) => {
    const user = await deps.auth.user(request);
    requireApprover(user, 'the approval queue');
    const queue: z.input<typeof approvalQueueWire> = {
      items: (await awaitingApproval()).map((r) => ({
        number: r.number,
        revision: r.revision,
        customer: customerOf(r.quote.customer),
        total: r.figures.totals.total,
        currency: r.figures.currency,
        createdAt: r.createdAt,
        createdBy: r.createdBy,
        // Guardrails are prices only: no promise is made (none is shown here).
        guardrails: pricedOn(r.quote, deps.catalogue, deps.clock(), undefined).price.violations,
        ownRevision:
          r.createdById !== null ? r.createdById === user.id : r.createdBy?.name === user.name,
      })),
    };
    return queue;
  });
}
