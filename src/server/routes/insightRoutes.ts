import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  attributeLabel,
  canonicalSelection,
  canonicalJson,
  channelSchema,
  commonConfigurations,
  componentDemand,
  eventBatchSchema,
  frequentConflicts,
  funnel,
  historicalWinRate,
  jsonPath,
  leadTimeByWeek,
  optionPopularity,
  postponementAdvisor,
  quoteState,
  selectionIssues,
  selectionLabel,
  sha256Hex,
  winLossByDiscount,
  type AdvisorLine,
  type DemandLine,
  type EventBatch,
  type InsightFilter,
  type InsightSettings,
  type OrderPayload,
  type ProductModel,
  type QuoteOutcome,
  type ValuePopularity,
  valueLabel,
} from '../../engine/index.ts';
import { requireApprover, type Authenticator } from '../auth/authenticator.ts';
import type { Catalogue } from '../catalogue.ts';
import type { AvailabilityStore } from '../db/availabilityStore.ts';
import type { InsightStore } from '../db/insightStore.ts';
import type { QuoteEventRow, QuoteEventStore } from '../db/quoteEventStore.ts';
import type { QuoteRevisionStore } from '../db/quoteRevisionStore.ts';
import type { SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import { toCsv } from './csv.ts';
import { factsOf, todayOf } from './quoteViews.ts';

interface Deps {
  catalogue: Catalogue;
  insights: InsightStore;
  quotes: QuoteRevisionStore;
  events: QuoteEventStore;
  store: SubmissionStore;
  auth: Authenticator;
  clock: () => Date;
  /** The live feed demand and the advisor read stock and purchase orders from (absent: the catalogue's file). */
  availability?: AvailabilityStore | undefined;
  /** The shop's `insights.json`: the win rate's prior and minimum, the idle minutes. */
  settings: InsightSettings;
}

/** The largest `POST /api/events` body (a batch holds at most 200 events). */
export const EVENTS_BODY_LIMIT = 128 * 1024;
/** Days of recent demand the advisor re-promises. */
const ADVISOR_DAYS = 90;
const ADVISOR_MAX_LINES = 200;
const ALL = 10_000_000;

const invalid = (message: string, path: string) =>
  new HttpError(400, 'QUERY_INVALID', message, { issues: [{ path, message }] });
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const FILTER_KEYS = ['from', 'to', 'channel', 'productId', 'limit', 'format'];

/** Reads `?from=&to=&channel=&productId=&limit=&format=` (400 `QUERY_INVALID` naming the parameter). */
export function parseInsightQuery(
  query: Record<string, unknown>,
  products: ReadonlySet<string>,
): { filter: InsightFilter; limit: number; csv: boolean } {
  for (const key of Object.keys(query))
    if (!FILTER_KEYS.includes(key))
      throw invalid(`unknown parameter ?${key} (${FILTER_KEYS.join(', ')})`, `?${key}`);
  const text = (key: string) => {
    const v = query[key];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') throw invalid(`?${key} is given more than once`, `?${key}`);
    return v;
  };
  const date = (key: string) => {
    const v = text(key);
    if (v !== undefined && !DATE.test(v))
      throw invalid(`?${key} must be a date YYYY-MM-DD, not '${v}'`, `?${key}`);
    return v;
  };
  const from = date('from');
  const to = date('to');
  if (from !== undefined && to !== undefined && from > to)
    throw invalid(`?from (${from}) is after ?to (${to})`, '?from');
  const channel = text('channel');
  if (channel !== undefined && !channelSchema.safeParse(channel).success)
    throw invalid(`?channel must be shop or rep, not '${channel}'`, '?channel');
  const productId = text('productId');
  if (productId !== undefined && !products.has(productId))
    throw invalid(`?productId '${productId}' is not a product of the catalogue`, '?productId');
  const limitText = text('limit');
  if (limitText !== undefined && !/^[1-9]\d{0,2}$/.test(limitText))
    throw invalid(`?limit must be an integer from 1 to 999, not '${limitText}'`, '?limit');
  const format = text('format');
  if (format !== undefined && format !== 'csv' && format !== 'json')
    throw invalid(`?format must be csv or json, not '${format}'`, '?format');
  return {
    filter: {
      from,
      to,
      channel: channel as InsightFilter['channel'],
      productId,
    },
    limit: limitText === undefined ? 10 : Number(limitText),
    csv: format === 'csv',
  };
}

/**
 * Checks a batch's events against the catalogue: a known product, known attributes, values and
 * constraints, and no text attribute (free text may be personal: it is never reported). Throws
 * 400 `EVENTS_INVALID` naming each problem's JSON path.
 */
function checkAgainstCatalogue(batch: EventBatch, models: ReadonlyMap<string, ProductModel>): void {
  const issues: { path: string; message: string }[] = [];
  batch.events.forEach((e, i) => {
    const at = ['events', i];
    const model = models.get(e.productId);
    if (!model) {
      issues.push({
        path: jsonPath([...at, 'productId']),
        message: `'${e.productId}' is not a product of the catalogue`,
      });
      return;
    }
    const textAttribute = (attr: string, path: PropertyKey[]) => {
      if (model.attributes.find((a) => a.id === attr)?.type === 'text')
        issues.push({
          path: jsonPath(path),
          message: `'${attr}' is a text attribute: free text is never reported (it may be personal)`,
        });
    };
    switch (e.type) {
      case 'chosen':
        textAttribute(e.attributeId, [...at, 'attributeId']);
        issues.push(
          ...selectionIssues({ [e.attributeId]: e.value }, model, at).map((p) => ({
            ...p,
            path: jsonPath([...at, 'value']),
          })),
        );
        break;
      case 'conflict': {
        if (!model.attributes.some((a) => a.id === e.attributeId))
          issues.push({
            path: jsonPath([...at, 'attributeId']),
            message: `'${e.attributeId}' is not an attribute of ${model.id}`,
          });
        e.constraintIds.forEach((c, j) => {
          if (!model.constraints.some((k) => k.id === c))
            issues.push({
              path: jsonPath([...at, 'constraintIds', j]),
              message: `'${c}' is not a constraint of ${model.id}`,
            });
        });
        break;
      }
      case 'completed':
      case 'quoteRequested':
      case 'ordered':
        for (const attr of Object.keys(e.selection))
          textAttribute(attr, [...at, 'selection', attr]);
        issues.push(...selectionIssues(e.selection, model, at));
        break;
      case 'opened':
      case 'abandoned':
        break;
      default:
        e satisfies never;
    }
  });
  if (issues.length > 0)
    throw new HttpError(
      400,
      'EVENTS_INVALID',
      `the events are not accepted: ${issues[0]!.path}: ${issues[0]!.message}`,
      { issues: issues.slice(0, 50) },
    );
}

function sendCsv<T extends object>(
  reply: FastifyReply,
  name: string,
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(rows, columns));
}

/**
 * Configuration events and the manufacturer's insights (issue 20):
 *
 * - `POST /api/events` (anyone; `channel: "rep"` needs a signed-in user): a batch of at most 200
 *   events, strict (`EVENTS_INVALID` naming each JSON path), checked against the catalogue, stored
 *   once per `batchId` (a repeat is acknowledged with `replayed: true`; another body under the same
 *   id is 409 `BATCH_CONFLICT`).
 * - `GET /api/insights/{popularity,configurations,funnel,conflicts,leadtime,winloss,demand,advisor}`
 *   (manager or admin) with `?from=&to=&channel=&productId=&limit=`, each also as `?format=csv`
 *   (the table the dashboard shows: a configuration as its canonical JSON, a conflict's
 *   constraint ids space-separated; the funnel's steps; win/loss's bands).
 * - `GET /api/insights/popular?productId=` (anyone): each choice or multi attribute's most chosen
 *   value in the shop's last 90 days (`popularValues`), once the product has the shop's
 *   `popular.minSample` completed configurations (insights.json; 20 by default); no counts.
 */
export function insightRoutes(app: FastifyInstance, deps: Deps): void {
  const models = new Map(deps.catalogue.models.map((m) => [m.id, m] as const));
  const products = new Set(models.keys());

  app.post('/api/events', { bodyLimit: EVENTS_BODY_LIMIT }, async (request, reply) => {
    const parsed = eventBatchSchema.safeParse(request.body);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 50)
        .map((i) => ({ path: jsonPath(i.path), message: i.message }));
      throw new HttpError(
        400,
        'EVENTS_INVALID',
        `the events are not accepted: ${issues[0]?.path}: ${issues[0]?.message}`,
        { issues },
      );
    }
    const batch = parsed.data;
    const repAt = batch.events.findIndex((e) => e.channel === 'rep');
    if (repAt !== -1) {
      try {
        await deps.auth.user(request);
      } catch (error) {
        if (error instanceof HttpError && error.status === 401)
          throw new HttpError(
            401,
            error.code,
            `$.events[${repAt}].channel: rep events need a signed-in user; ${error.message}`,
          );
        throw error;
      }
    }
    checkAgainstCatalogue(batch, models);
    const hash = `sha256:${sha256Hex(canonicalJson(batch))}`;
    const outcome = await deps.insights.storeBatch(
      batch.batchId,
      hash,
      batch.events,
      deps.clock().toISOString(),
    );
    if (outcome === 'conflict')
      throw new HttpError(
        409,
        'BATCH_CONFLICT',
        `batch ${batch.batchId} was stored with other events; a new batch needs a new batchId`,
      );
    return reply.code(outcome === 'stored' ? 201 : 200).send({
      batchId: batch.batchId,
      accepted: batch.events.length,
      replayed: outcome === 'replayed',
      // The shop's idle time: the widget reports a configuration left this long as abandoned.
      idleAbandonMinutes: deps.settings.idleAbandonMinutes,
    });
  });

  const manager = async (request: FastifyRequest) => {
    const user = await deps.auth.user(request);
    requireApprover(user, 'reading the insights');
    return parseInsightQuery(request.query as Record<string, unknown>, products);
  };
  const attributeWords = (productId: string, attributeId: string) => {
    const model = models.get(productId);
    return model ? attributeLabel(model, attributeId) : attributeId;
  };
  // The model's words: a value's label, a number with its unit, a boolean as yes / no.
  const labels = (productId: string, attributeId: string, value: string) => {
    const model = models.get(productId);
    return model
      ? {
          attributeLabel: attributeLabel(model, attributeId),
          valueLabel: valueLabel(model, attributeId, value),
        }
      : { attributeLabel: attributeId, valueLabel: value };
  };

  app.get('/api/insights/popularity', async (request, reply) => {
    const { filter, csv } = await manager(request);
    const rows = optionPopularity(await deps.insights.sums(['stage', 'value'], filter), filter).map(
      (p) => ({
        ...p,
        ...labels(p.productId, p.attributeId, p.value),
      }),
    );
    if (csv)
      return sendCsv(reply, 'popularity', rows, [
        'productId',
        'attributeId',
        'attributeLabel',
        'value',
        'valueLabel',
        'count',
        'share',
        'firstDay',
        'lastDay',
      ]);
    return { filter, rows };
  });

  app.get('/api/insights/configurations', async (request, reply) => {
    const { filter, limit, csv } = await manager(request);
    const [stages, configs] = await Promise.all([
      deps.insights.sums(['stage'], filter),
      deps.insights.topConfigurations(filter, limit),
    ]);
    // In the model's words for a person ("Frame: Steel, 3-stage columns; …"); the ids beside.
    const rows = commonConfigurations([...stages, ...configs], {}, limit).map((r) => {
      const model = models.get(r.productId);
      return {
        ...r,
        configuration: model ? selectionLabel(model, r.selection) : canonicalSelection(r.selection),
      };
    });
    if (csv)
      return sendCsv(
        reply,
        'configurations',
        rows.map((r) => ({ ...r, selection: canonicalSelection(r.selection) })),
        ['productId', 'configuration', 'count', 'share', 'selection'],
      );
    return { filter, rows };
  });

  app.get('/api/insights/funnel', async (request, reply) => {
    const { filter, csv } = await manager(request);
    const result = funnel(await deps.insights.sums(['stage', 'abandoned'], filter), filter);
    if (csv)
      return sendCsv(reply, 'funnel', result.steps, ['stage', 'sessions', 'dropped', 'dropRate']);
    return { filter, ...result };
  });

  app.get('/api/insights/conflicts', async (request, reply) => {
    const { filter, limit, csv } = await manager(request);
    const rows = frequentConflicts(
      await deps.insights.sums(['conflict'], filter),
      filter,
      limit,
    ).map((c) => ({
      ...c,
      attributeLabel: attributeWords(c.productId, c.attributeId),
      messages: c.constraintIds.map(
        (id) => models.get(c.productId)?.constraints.find((k) => k.id === id)?.message ?? id,
      ),
    }));
    if (csv)
      return sendCsv(
        reply,
        'conflicts',
        rows.map((r) => ({
          ...r,
          ...r.resolutions,
          constraintIds: r.constraintIds.join(' '),
          messages: r.messages.join(' | '),
        })),
        [
          'productId',
          'attributeId',
          'attributeLabel',
          'constraintIds',
          'messages',
          'count',
          'repaired',
          'reverted',
          'unresolved',
        ],
      );
    return { filter, rows };
  });

  app.get('/api/insights/leadtime', async (request, reply) => {
    const { filter, csv } = await manager(request);
    const rows = leadTimeByWeek(await deps.insights.sums(['leadtime'], filter, 'week'), filter);
    if (csv)
      return sendCsv(reply, 'leadtime', rows, [
        'productId',
        'week',
        'configurations',
        'p50',
        'p90',
      ]);
    return { filter, rows };
  });

  /** Rep quotes with their state, discount and lines. */
  const repQuotes = async () => {
    const [latest, approvals, events] = await Promise.all([
      deps.quotes.latestAll(),
      deps.quotes.approvals(),
      deps.events.of(),
    ]);
    const byQuote = new Map<string, QuoteEventRow[]>();
    for (const e of events) byQuote.set(e.number, [...(byQuote.get(e.number) ?? []), e]);
    const today = todayOf(deps.clock(), deps.catalogue);
    return latest.map((r) => {
      const state = quoteState(
        factsOf(r, approvals.get(`${r.number}#${r.revision}`), byQuote.get(r.number) ?? []),
        today,
      );
      const bp = (p: string | undefined) => (p === undefined ? 0 : Math.round(Number(p) * 100));
      return {
        r,
        state,
        outcome: (state === 'accepted'
          ? 'won'
          : state === 'lost' || state === 'expired'
            ? 'lost'
            : 'open') as QuoteOutcome['outcome'],
        discountBasisPoints:
          bp(r.quote.discounts.additionalPercent) + bp(r.quote.discounts.partnerPercent),
      };
    });
  };

  app.get('/api/insights/winloss', async (request, reply) => {
    const { csv } = await manager(request);
    const quotes = await repQuotes();
    const bands = winLossByDiscount(quotes);
    if (csv)
      return sendCsv(reply, 'winloss', bands, [
        'label',
        'upToBasisPoints',
        'won',
        'lost',
        'open',
        'winRate',
      ]);
    return {
      bands,
      // The observed won ÷ decided (null with none decided); demand weights by the smoothed rate.
      winRate: historicalWinRate(quotes).observed ?? null,
      quotes: quotes.length,
    };
  });

  /** Orders, open quotes (rep quotes not decided, buyers' requests not converted) and the win rate. */
  const demandLines = async () => {
    const [quotes, submissions, conversions] = await Promise.all([
      repQuotes(),
      deps.store.list({ kinds: ['quote-request', 'order'], limit: ALL }),
      deps.events.conversions(),
    ]);
    const orders: (DemandLine & { at: string })[] = [];
    const open: (DemandLine & { at: string })[] = [];
    for (const s of submissions) {
      const p = s.payload as OrderPayload;
      if (s.kind === 'quote-request' && conversions.has(s.number)) continue;
      const needDate = p.promise?.deliveryDate ?? s.createdAt.slice(0, 10);
      for (const l of p.lines)
        (s.kind === 'order' ? orders : open).push({
          productId: l.productId,
          quantity: l.quantity,
          selection: l.selection,
          needDate,
          at: s.createdAt,
        });
    }
    for (const q of quotes) {
      if (q.outcome !== 'open') continue;
      const needDate = q.r.figures.promise?.deliveryDate ?? q.r.quote.validUntil;
      for (const l of q.r.quote.lines)
        open.push({
          productId: l.productId,
          quantity: l.quantity,
          selection: l.selection,
          needDate,
          at: q.r.createdAt,
        });
    }
    const { prior, minDecided } = deps.settings.winRate;
    return { orders, open, winRate: historicalWinRate(quotes, prior, minDecided) };
  };

  /**
   * The stock, purchase orders and capacity demand is set against and the advisor re-promises on:
   * the feed's current version (not net of holds: the orders holding it are counted as demand), or
   * the catalogue's `availability.json` when the server has no feed.
   */
  const snapshotOrFail = async () => {
    const snapshot = (await deps.availability?.current())?.snapshot ?? deps.catalogue.snapshot;
    if (!snapshot)
      throw new HttpError(
        409,
        'NO_SNAPSHOT',
        "there is no availability snapshot (PUT /api/availability or the catalogue's availability.json): demand and the advisor need stock and purchase orders",
      );
    return snapshot;
  };

  app.get('/api/insights/demand', async (request, reply) => {
    const { filter, csv } = await manager(request);
    const snapshot = await snapshotOrFail();
    const { orders, open, winRate } = await demandLines();
    const keep = (l: DemandLine) =>
      filter.productId === undefined || l.productId === filter.productId;
    const result = componentDemand({
      models: Object.fromEntries(models),
      snapshot,
      orders: orders.filter(keep),
      openQuotes: open.filter(keep),
      winRate: winRate.rate,
    });
    if (csv)
      return sendCsv(reply, 'demand', result.rows, [
        'item',
        'week',
        'confirmed',
        'expected',
        'total',
        'inbound',
        'projected',
      ]);
    return {
      ...result,
      // What the weight rests on, for the dashboard to say: the shop's Beta prior (Laplace's
      // (won + 1) ÷ (decided + 2) by default), and whether enough quotes were decided to use them.
      winRateBasis: {
        method: winRate.prior.won === 1 && winRate.prior.lost === 1 ? 'laplace' : 'beta',
        prior: winRate.prior,
        minDecided: winRate.minDecided,
        basis: winRate.basis,
        won: winRate.won,
        lost: winRate.lost,
        decided: winRate.decided,
      },
      orderLines: orders.length,
      openQuoteLines: open.length,
    };
  });

  app.get('/api/insights/advisor', async (request, reply) => {
    const { filter, csv } = await manager(request);
    const snapshot = await snapshotOrFail();
    const now = deps.clock();
    const since = new Date(now.getTime() - ADVISOR_DAYS * 86_400_000).toISOString();
    const { orders, open } = await demandLines();
    const lines: AdvisorLine[] = [...orders, ...open]
      .filter(
        (l) =>
          l.at >= since &&
          (filter.productId === undefined || l.productId === filter.productId) &&
          models.has(l.productId),
      )
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .slice(-ADVISOR_MAX_LINES)
      .map(({ productId, quantity, selection }) => ({ productId, quantity, selection }));
    const advice = postponementAdvisor({
      models: Object.fromEntries(models),
      snapshot,
      lines,
      now: now.toISOString(),
      maxCandidates: 8,
    });
    if (csv)
      return sendCsv(reply, 'advisor', advice.advice, [
        'item',
        'quantity',
        'medianDays',
        'daysSaved',
        'linesFaster',
        'drivenLines',
      ]);
    return { days: ADVISOR_DAYS, ...advice };
  });

  app.get<{ Querystring: Record<string, unknown> }>('/api/insights/popular', async (request) => {
    const productId = request.query.productId;
    if (typeof productId !== 'string' || !products.has(productId))
      throw invalid(`?productId must name a product of the catalogue`, '?productId');
    const now = deps.clock();
    const from = new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
    const filter: InsightFilter = { from, channel: 'shop', productId };
    const rows = await deps.insights.sums(['stage', 'value'], filter);
    const sample = rows
      .filter((r) => r.kind === 'stage' && r.key === 'completed')
      .reduce((s, r) => s + r.count, 0);
    const { minSample, minValue } = deps.settings.popular;
    const enough = sample >= minSample;
    return {
      productId,
      minSample,
      enough,
      popular: enough
        ? popularValues(optionPopularity(rows, filter), models.get(productId)!, minValue)
        : [],
    };
  });
}

/**
 * The value the widget may call popular, per choice or multi attribute of `model`: the most
 * chosen, when at least `minValue` configurations hold it and no other value is as
 * common (a tie names none). `rows` are one product's, sorted by attribute then count (as
 * `optionPopularity` sorts them). No count or share is handed out: only which value.
 */
export function popularValues(
  rows: readonly ValuePopularity[],
  model: ProductModel,
  minValue: number,
): { attributeId: string; value: string }[] {
  const kinds = new Map(model.attributes.map((a) => [a.id, a.type] as const));
  const out: { attributeId: string; value: string }[] = [];
  rows.forEach((p, i) => {
    const before = rows[i - 1];
    if (before?.attributeId === p.attributeId) return;
    const kind = kinds.get(p.attributeId);
    if (kind !== 'choice' && kind !== 'multi') return;
    const next = rows[i + 1];
    if (p.count < minValue) return;
    if (next?.attributeId === p.attributeId && next.count === p.count) return;
    out.push({ attributeId: p.attributeId, value: p.value });
  });
  return out;
}
