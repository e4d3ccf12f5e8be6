import type { Snapshot } from '../leadtime/schema.ts';
import { promise } from '../leadtime/promise.ts';
import { linePicture } from './picture.ts';
import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { dec } from '../pricing/money.ts';
import { price, type PriceResult } from '../pricing/price.ts';
import { PricingError } from '../pricing/PricingError.ts';
import type { Pricing, PricingInput } from '../pricing/schema.ts';
import { validate } from '../solver/validate.ts';
import { modelHash } from './contentHash.ts';
import type { OrderDifference } from './difference.ts';
import { productionNeeds, type ProductionNeeds } from './needs.ts';
import type { OrderPayload } from './schema.ts';

/** The verdict on a payload: `verified` when no difference is an error. */
export interface OrderVerification {
  status: 'verified' | 'rejected';
  differences: OrderDifference[];
  /** The engine's price of the payload's lines (absent when it could not be priced). */
  price?: PriceResult;
  /** The engine's production needs, by line id. */
  needs: Record<string, ProductionNeeds>;
}

/** Options of `verifyOrder`. */
export interface VerifyOptions {
  /**
   * The price dates a server accepts (e.g. yesterday, today and tomorrow in UTC, for buyers in
   * other time zones); absent: any date is priced as given.
   */
  priceDates?: readonly string[];
}

const same = (a: string, b: string): boolean => dec(a).eq(dec(b));

/**
 * Re-checks a payload with the same engine that built it (orders.md, "Server-side check"): the
 * model (id, version, content hash), every line's selection (`validate`), its production needs
 * (BOM explosion and routing), its price and the totals (`price`, the same code as the widget,
 * with the payload's `pricing.discounts` when an accepted rep quote carries them);
 * with a snapshot, also the promise (differences there are warnings: a promise moves with the
 * plant's load). Pure: it never throws on a bad payload, it lists the differences.
 *
 * @example
 * const v = verifyOrder(desk, pricing, snapshot, { ...payload, totals: { ...payload.totals, total: '1.00' } });
 * v.status; // 'rejected'
 * v.differences[0]; // { code: 'price-mismatch', path: '$.totals.total', expected: '3451.00', actual: '1.00', … }
 */
export function verifyOrder(
  model: ProductModel | readonly ProductModel[],
  pricing: Pricing | PricingInput,
  snapshot: Snapshot | undefined,
  payload: OrderPayload,
  options: VerifyOptions = {},
): OrderVerification {
  const models = new Map<string, ProductModel>(
    ('document' in model ? [model] : (model as readonly ProductModel[])).map((m) => [m.id, m]),
  );
  const out: OrderDifference[] = [];
  const error = (d: Omit<OrderDifference, 'severity'>) => out.push({ ...d, severity: 'error' });

  checkModel(models, payload, error);
  const needs: Record<string, ProductionNeeds> = {};
  const seen = new Set<string>();
  payload.lines.forEach((line, i) => {
    if (seen.has(line.lineId))
      error({
        code: 'duplicate-line',
        path: jsonPath(['lines', i, 'lineId']),
        message: `line id '${line.lineId}' is used by more than one line`,
        actual: line.lineId,
      });
    seen.add(line.lineId);
    const m = models.get(line.productId);
    const lineNeeds = m
      ? checkSelection(m, line, i, error)
      : { bom: [], routing: [] satisfies ProductionNeeds['routing'] };
    if (!m && Object.keys(line.selection).length > 0)
      error({
        code: 'invalid-selection',
        path: jsonPath(['lines', i, 'selection']),
        message: `product '${line.productId}' has no product model, so it takes no selection`,
        actual: line.selection,
      });
    needs[line.lineId] = lineNeeds;
    compareNeeds(lineNeeds, line, i, error);
    if (m && line.picture) comparePicture(m, line, i, error);
  });

  const priced = checkPrice(pricing, [...models.values()], payload, options, error);
  if (snapshot && payload.promise) out.push(...checkPromise(snapshot, models, payload));
  return {
    status: out.some((d) => d.severity === 'error') ? 'rejected' : 'verified',
    differences: out,
    ...(priced && { price: priced }),
    needs,
  };
}

type Report = (d: Omit<OrderDifference, 'severity'>) => void;

function checkModel(
  models: ReadonlyMap<string, ProductModel>,
  payload: OrderPayload,
  error: Report,
): void {
  const m = models.get(payload.model.id);
  if (!m) {
    error({
      code: 'unknown-model',
      path: '$.model.id',
      message: `no product model '${payload.model.id}' here (models: ${[...models.keys()].join(', ')})`,
      actual: payload.model.id,
    });
    return;
  }
  if (m.version !== payload.model.version)
    error({
      code: 'model-version',
      path: '$.model.version',
      message: `model '${m.id}' is at version ${m.version}, the payload was configured on ${payload.model.version}`,
      expected: m.version,
      actual: payload.model.version,
    });
  else if (modelHash(m) !== payload.model.hash)
    error({
      code: 'model-hash',
      path: '$.model.hash',
      message: `model '${m.id}' ${m.version} has different content than the one the payload was configured on`,
      expected: modelHash(m),
      actual: payload.model.hash,
    });
}

function checkSelection(
  model: ProductModel,
  line: OrderPayload['lines'][number],
  i: number,
  error: Report,
): ProductionNeeds {
  for (const v of validate(model, line.selection))
    error({
      code: 'invalid-selection',
      path: jsonPath(['lines', i, 'selection', ...(v.attributes[0] ? [v.attributes[0]] : [])]),
      message: v.message,
      constraintId: v.constraintId,
    });
  return productionNeeds(model, line.selection, line.quantity);
}

function compareNeeds(
  needs: ProductionNeeds,
  line: OrderPayload['lines'][number],
  i: number,
  error: Report,
): void {
  const key = (xs: readonly object[]) => JSON.stringify(xs);
  const bom = [...line.bom].sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  if (key(bom) !== key(needs.bom))
    error({
      code: 'bom-mismatch',
      path: jsonPath(['lines', i, 'bom']),
      message: `line '${line.lineId}': the BOM differs from the explosion of its selection`,
      expected: needs.bom,
      actual: line.bom,
    });
  if (key(line.routing) !== key(needs.routing))
    error({
      code: 'routing-mismatch',
      path: jsonPath(['lines', i, 'routing']),
      message: `line '${line.lineId}': the routing differs from the operations its selection needs`,
      expected: needs.routing,
      actual: line.routing,
    });
}

/**
 * A line's picture must be the model's composition of its selection (no foreign images, no
 * foreign view names): exactly, or without the views' names (a client built before views carried
 * them).
 */
function comparePicture(
  model: ProductModel,
  line: OrderPayload['lines'][number],
  i: number,
  error: Report,
): void {
  const expected = linePicture(model, line.selection);
  const unnamed = expected && {
    views: expected.views.map(({ label: _label, ...v }) => v),
  };
  const actual = JSON.stringify(line.picture);
  if (JSON.stringify(expected) !== actual && JSON.stringify(unnamed) !== actual)
    error({
      code: 'picture-mismatch',
      path: jsonPath(['lines', i, 'picture']),
      message: `line '${line.lineId}': the picture is not the model's picture of its selection`,
      expected,
      actual: line.picture,
    });
}

function checkPrice(
  pricing: Pricing | PricingInput,
  models: readonly ProductModel[],
  payload: OrderPayload,
  options: VerifyOptions,
  error: Report,
): PriceResult | undefined {
  const { date, currency } = payload.pricing;
  if (options.priceDates && !options.priceDates.includes(date))
    error({
      code: 'price-date',
      path: '$.pricing.date',
      message: `prices are quoted for ${options.priceDates.join(', ')}, not ${date}`,
      expected: options.priceDates,
      actual: date,
    });
  const currencies: [string, string][] = [
    ['$.totals.currency', payload.totals.currency],
    ...payload.lines.map((l, i): [string, string] => [
      jsonPath(['lines', i, 'price', 'currency']),
      l.price.currency,
    ]),
  ];
  for (const [path, c] of currencies)
    if (c !== currency)
      error({
        code: 'currency-mismatch',
        path,
        message: `amounts are in ${currency} ($.pricing.currency), not ${c}`,
        expected: currency,
        actual: c,
      });

  let result: PriceResult;
  try {
    result = price(
      {
        date,
        currency,
        ...(payload.pricing.customerId !== undefined && {
          customerId: payload.pricing.customerId,
        }),
        ...(payload.pricing.taxId !== undefined && { taxId: payload.pricing.taxId }),
        ...(payload.pricing.discounts !== undefined && {
          discounts: payload.pricing.discounts,
        }),
        lines: payload.lines.map((l) => ({
          lineId: l.lineId,
          productId: l.productId,
          quantity: l.quantity,
          selection: l.selection,
          ...(l.discounts !== undefined && { discounts: l.discounts }),
        })),
      },
      // The check compares totals only: the per-value deltas the widget shows are not needed here.
      { pricing, models, optionDeltas: false },
    );
  } catch (e) {
    if (!(e instanceof PricingError)) throw e;
    for (const issue of e.issues)
      error({ code: 'price-unavailable', path: issue.path, message: issue.message });
    return undefined;
  }

  const compare = (path: string, expected: string, actual: string, what: string) => {
    if (!same(expected, actual))
      error({
        code: 'price-mismatch',
        path,
        message: `${what} is ${expected} ${currency}, not ${actual}`,
        expected,
        actual,
      });
  };
  const byId = new Map(result.lines.map((l) => [l.lineId, l]));
  payload.lines.forEach((l, i) => {
    const mine = byId.get(l.lineId);
    if (!mine) return;
    compare(
      jsonPath(['lines', i, 'price', 'unit']),
      mine.unit,
      l.price.unit,
      `line '${l.lineId}' unit price`,
    );
    compare(
      jsonPath(['lines', i, 'price', 'line']),
      mine.line,
      l.price.line,
      `line '${l.lineId}' net amount`,
    );
  });
  compare('$.totals.subtotal', result.subtotal, payload.totals.subtotal, 'the subtotal');
  compare('$.totals.tax', result.tax, payload.totals.tax, 'the tax');
  compare('$.totals.total', result.total, payload.totals.total, 'the total');
  if (payload.kind === 'order' && result.approvalRequired)
    error({
      code: 'approval-required',
      path: '$.kind',
      message: `this price needs a sales rep's approval (${result.violations.map((v) => v.message).join('; ')}): send a quote request instead of an order`,
      actual: payload.kind,
    });
  return result;
}

function checkPromise(
  snapshot: Snapshot,
  models: ReadonlyMap<string, ProductModel>,
  payload: OrderPayload,
): OrderDifference[] {
  const claimed = payload.promise!;
  const out: OrderDifference[] = [];
  const warn = (d: Omit<OrderDifference, 'severity'>) => out.push({ ...d, severity: 'warning' });
  if (
    claimed.snapshotAt !== undefined &&
    snapshot.snapshotAt !== undefined &&
    claimed.snapshotAt !== snapshot.snapshotAt
  )
    warn({
      code: 'promise-snapshot',
      path: '$.promise.snapshotAt',
      message: `the promise was made on the snapshot of ${claimed.snapshotAt}; the current one is of ${snapshot.snapshotAt}`,
      expected: snapshot.snapshotAt,
      actual: claimed.snapshotAt,
    });
  const lines = payload.lines
    .filter((l) => models.has(l.productId))
    .map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      quantity: l.quantity,
      selection: l.selection,
    }));
  if (lines.length === 0) return out;
  let result: ReturnType<typeof promise>;
  try {
    result = promise(
      {
        now: payload.createdAt,
        lines,
        options: { atpCurve: false, suggestions: false, confidence: false },
      },
      { snapshot, models: Object.fromEntries(models) },
    );
  } catch (e) {
    // A promise that cannot be computed is not a reason to refuse an order: say so, and go on.
    warn({
      code: 'promise-changed',
      path: '$.promise',
      message: `the promise could not be recomputed: ${e instanceof Error ? e.message : String(e)}`,
    });
    return out;
  }
  for (const field of ['shipDate', 'deliveryDate'] as const)
    if (claimed[field] !== undefined && claimed[field] !== result[field])
      warn({
        code: 'promise-changed',
        path: `$.promise.${field}`,
        message: `the ${field === 'shipDate' ? 'ship' : 'delivery'} date is now ${result[field] ?? 'unavailable'}, not ${claimed[field]}`,
        expected: result[field],
        actual: claimed[field],
      });
  return out;
}
