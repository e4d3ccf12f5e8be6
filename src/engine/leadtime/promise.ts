import type { ProductModel, Selection } from '../model/types.ts';
import { atpCurve, splitSuggestion } from './atpCurve.ts';
import { orderConfidence, uncertainSupplies } from './confidence.ts';
import { snapshotContext } from './context.ts';
import {
  lineMemo,
  modelOf,
  orderDeliveryDay,
  planOrder,
  PromiseInputError,
  type OrderPlan,
} from './planOrder.ts';
import { selectionIssues } from '../model/selectionIssues.ts';
import {
  lineResult,
  type Acceptance,
  type AtpPoint,
  type ComponentPromise,
  type Confidence,
  type Driver,
  type LinePromise,
  type PromiseWarning,
  type Suggestion,
  type TimelineEvent,
} from './result.ts';
import type { PromiseRequest, Snapshot } from './schema.ts';
import { optionSwaps, type PriceDelta, type ValidAlternatives } from './suggestions.ts';
import { dateOf } from './time.ts';

/** A promise request (validated by `parsePromiseRequest`, or built in code). */
export interface PromiseRequestInput {
  /** An ISO-8601 instant with offset (C1). */
  now: string;
  lines: readonly { lineId: string; productId: string; quantity: number; selection: Selection }[];
  shipPolicy?: 'complete' | 'asap' | undefined;
  options?: PromiseRequest['options'];
}

/** What `promise` needs besides the request. */
export interface PromiseOptions {
  /** A validated snapshot (`parseSnapshot`). */
  snapshot: Snapshot;
  /** The product models of the request's lines, as a list or by product id. */
  models: readonly ProductModel[] | Readonly<Record<string, ProductModel>>;
  /** The price change per unit of an option swap (C15), e.g. from the pricing engine. */
  priceDelta?: PriceDelta;
  /** The valid alternatives of an attribute (C15), e.g. from the solver; defaults to checking the model's constraints directly. */
  validAlternatives?: ValidAlternatives;
}

/** The promise of a whole request (lead-time.md, "Result"): the order's fields, and each line's. */
export interface PromiseResult {
  status: 'ok' | 'unavailable';
  shipPolicy: 'complete' | 'asap';
  accepted: Acceptance;
  /** The latest line's production end (plant-local). */
  productionEnd?: string;
  /** When everything has shipped / been delivered (the latest line). */
  shipDate?: string;
  deliveryDate?: string;
  /** With `asap`: the first delivery of any line. */
  firstDeliveryDate?: string;
  confidence?: Confidence;
  /** The drivers of the line delivered last. */
  drivers: Driver[];
  components: (ComponentPromise & { lineId: string })[];
  timeline: (TimelineEvent & { lineId: string })[];
  /** The quantity curve, for a request of one line. */
  atpCurve?: AtpPoint[];
  suggestions: Suggestion[];
  warnings: PromiseWarning[];
  lines: LinePromise[];
}

/**
 * Promises ship and delivery dates for a request (lead-time.md, rules C1–C16): plans every line
 * in order against the snapshot, applies the ship policy, then adds the quantity curve and split
 * suggestion (C14), option swaps (C15) and delivery quantiles (C16) unless `request.options`
 * turns them off. Pure: the same request, snapshot and models give the same result.
 *
 * @example
 * const result = promise(
 *   { now: '2026-03-02T09:55:00Z', lines: [{ lineId: '1', productId: 'DESK', quantity: 1, selection: { top: 'oak' } }] },
 *   { snapshot: parseSnapshot(json), models: [desk] },
 * );
 * result.deliveryDate; // '2026-03-24'
 */
export function promise(request: PromiseRequestInput, options: PromiseOptions): PromiseResult {
  return promisePlanned(request, options).result;
}

/** `promise`, with the plan its dates come from (what a hold of the promise consumes). */
export function promisePlanned(
  request: PromiseRequestInput,
  options: PromiseOptions,
): { result: PromiseResult; plan: OrderPlan } {
  const ctx = snapshotContext(options.snapshot);
  const models = new Map<string, ProductModel>(
    Array.isArray(options.models)
      ? (options.models as readonly ProductModel[]).map((m) => [m.id, m])
      : Object.entries(options.models as Readonly<Record<string, ProductModel>>),
  );
  const shipPolicy = request.shipPolicy ?? 'asap';
  const lines = request.lines;
  const want = { atpCurve: true, suggestions: true, confidence: true, ...request.options };
  const noDelays = new Map<string, number>();
  // Every line's selection must name its model's attributes and values: an unknown value is an
  // input error at its JSON path, never an internal error deep in planning.
  lines.forEach((line, i) => {
    const problem = selectionIssues(line.selection, modelOf(ctx, models, line.productId, i), [
      'lines',
      i,
    ])[0];
    if (problem) throw new PromiseInputError(problem.path, problem.message);
  });
  const plan = planOrder(ctx, models, lines, request.now, shipPolicy, noDelays);

  const results = plan.lines.map((linePlan, i) => {
    const out = lineResult(linePlan);
    const shipDay = plan.shipDays[i];
    const deliveryDay = plan.deliveryDays[i];
    if (shipDay !== undefined) out.shipDate = dateOf(shipDay);
    if (deliveryDay !== undefined) out.deliveryDate = dateOf(deliveryDay);
    const line = lines[i]!;
    const model = modelOf(ctx, models, line.productId, i);
    const state = plan.statesBefore[i]!;
    if (want.atpCurve) {
      out.atpCurve = atpCurve(ctx, model, line, request.now, state, noDelays);
      const split =
        want.suggestions && linePlan.status === 'ok'
          ? splitSuggestion(
              ctx,
              model,
              line,
              request.now,
              state,
              noDelays,
              out.atpCurve,
              request.options?.maxShipments,
            )
          : undefined;
      if (split) out.suggestions.push(split);
    }
    if (want.suggestions)
      out.suggestions.unshift(
        ...optionSwaps(ctx, model, line, request.now, state, noDelays, linePlan, out.drivers, {
          priceDelta: options.priceDelta,
          validAlternatives: options.validAlternatives,
        }),
      );
    return out;
  });

  let orderConfidenceResult: Confidence | undefined;
  if (want.confidence && plan.lines.every((l) => l.status === 'ok')) {
    const quantiles = options.snapshot.policies.quantiles ?? [];
    const memo = lineMemo(
      plan,
      uncertainSupplies(plan).map((u) => u.key),
    );
    const conf = orderConfidence(
      plan,
      (delays) => {
        const again = planOrder(ctx, models, lines, request.now, shipPolicy, delays, memo);
        const order = orderDeliveryDay(again);
        return { ...(order === undefined ? {} : { order }), lines: again.deliveryDays };
      },
      quantiles,
    );
    orderConfidenceResult = conf.order;
    conf.lines.forEach((c, i) => {
      if (c) results[i]!.confidence = c;
    });
  }
  return { result: orderResult(results, shipPolicy, orderConfidenceResult), plan };
}

/** Folds the line promises into the order's result (C13). */
function orderResult(
  lines: LinePromise[],
  shipPolicy: 'complete' | 'asap',
  confidence: Confidence | undefined,
): PromiseResult {
  const ok = lines.every((l) => l.status === 'ok');
  const max = (xs: (string | undefined)[]) =>
    xs.reduce<string | undefined>(
      (m, x) => (x !== undefined && (m === undefined || x > m) ? x : m),
      undefined,
    );
  const min = (xs: (string | undefined)[]) =>
    xs.reduce<string | undefined>(
      (m, x) => (x !== undefined && (m === undefined || x < m) ? x : m),
      undefined,
    );
  const last = [...lines]
    .sort((a, b) => ((a.deliveryDate ?? '9') < (b.deliveryDate ?? '9') ? -1 : 1))
    .pop()!;
  const out: PromiseResult = {
    status: ok ? 'ok' : 'unavailable',
    shipPolicy,
    accepted: lines[0]!.accepted,
    drivers: ok ? last.drivers : lines.flatMap((l) => (l.status === 'ok' ? [] : l.drivers)),
    components: lines.flatMap((l) => l.components.map((c) => ({ ...c, lineId: l.lineId }))),
    timeline: lines.flatMap((l) => l.timeline.map((e) => ({ ...e, lineId: l.lineId }))),
    suggestions: lines.flatMap((l) =>
      lines.length === 1 ? l.suggestions : l.suggestions.map((s) => ({ ...s, lineId: l.lineId })),
    ),
    warnings: lines.flatMap((l) => l.warnings),
    lines,
  };
  if (ok) {
    out.productionEnd = max(lines.map((l) => l.productionEnd))!;
    out.shipDate = max(lines.map((l) => l.shipDate))!;
    out.deliveryDate = max(lines.map((l) => l.deliveryDate))!;
    if (shipPolicy === 'asap') out.firstDeliveryDate = min(lines.map((l) => l.deliveryDate))!;
  }
  if (confidence) out.confidence = confidence;
  if (lines.length === 1 && lines[0]!.atpCurve) out.atpCurve = lines[0]!.atpCurve;
  return out;
}
