import type { PromiseResult } from '../leadtime/promise.ts';
import type { ProductModel, Selection } from '../model/types.ts';
import type { PriceResult } from '../pricing/price.ts';
import { modelHash } from './contentHash.ts';
import { productionNeeds } from './needs.ts';
import { linePicture } from './linePicture.ts';
import { PAYLOAD_VERSION, type OrderPayload } from './schema.ts';

/** What `buildOrderPayload` assembles: the buyer's lines and the engine's results for them. */
export interface BuildOrderInput {
  kind: OrderPayload['kind'];
  /** One per submission chain (e.g. `crypto.randomUUID()`); kept across retries and reloads. */
  idempotencyKey: string;
  /** An ISO-8601 instant with offset: the clock is the caller's. */
  createdAt: string;
  /** The configured product's model; `models` may add models of other lines. */
  model: ProductModel;
  models?: readonly ProductModel[];
  pricing: OrderPayload['pricing'];
  lines: readonly {
    lineId: string;
    productId: string;
    quantity: number;
    selection: Selection;
    /** A rep's discounts of this line (an accepted rep quote's), priced into `price`. */
    discounts?: OrderPayload['lines'][number]['discounts'];
  }[];
  /** `price()` of exactly these lines with `pricing`. */
  price: PriceResult;
  /** `promise()` of these lines, and the snapshot's `snapshotAt`. */
  promise?: Pick<PromiseResult, 'status' | 'shipDate' | 'deliveryDate'> &
    Partial<Pick<PromiseResult, 'drivers'>>;
  snapshotAt?: string;
  customer: OrderPayload['customer'];
  quote?: OrderPayload['quote'];
}

/**
 * Assembles a versioned order payload (orders.md) from the selection and the engine's own results:
 * the model's id, version and content hash, each line's exploded BOM and routing, its picture (when
 * the model has one), its price, the totals and the promise. What it writes is exactly what `verifyOrder` recomputes. Throws a
 * `TypeError` (a programmer error) when the price result has no line for a line id.
 *
 * @example
 * buildOrderPayload({ kind: 'order', idempotencyKey: 'k-0001', createdAt: '2026-11-23T10:00:00Z',
 *   model: desk, pricing: { date: '2026-11-23', currency: 'EUR' }, lines, price: price(req, data),
 *   customer: { name: 'Ana', email: 'ana@example.com' } }).totals.total // '476.00'
 */
export function buildOrderPayload(input: BuildOrderInput): OrderPayload {
  const models = new Map([input.model, ...(input.models ?? [])].map((m) => [m.id, m] as const));
  const priced = new Map(input.price.lines.map((l) => [l.lineId, l] as const));
  const currency = input.price.currency;
  const lines = input.lines.map((l) => {
    const p = priced.get(l.lineId);
    if (!p) throw new TypeError(`buildOrderPayload: the price result has no line '${l.lineId}'`);
    const m = models.get(l.productId);
    const needs = m ? productionNeeds(m, l.selection, l.quantity) : { bom: [], routing: [] };
    const picture = m && linePicture(m, l.selection);
    return {
      lineId: l.lineId,
      productId: l.productId,
      quantity: l.quantity,
      selection: {
        ...(l.selection as Record<string, OrderPayload['lines'][number]['selection'][string]>),
      },
      ...(l.discounts !== undefined && { discounts: { ...l.discounts } }),
      bom: needs.bom,
      routing: needs.routing,
      price: { currency, unit: p.unit, line: p.line },
      ...(picture && { picture }),
    };
  });
  const promise = input.promise && {
    status: input.promise.status,
    ...(input.promise.shipDate !== undefined && { shipDate: input.promise.shipDate }),
    ...(input.promise.deliveryDate !== undefined && { deliveryDate: input.promise.deliveryDate }),
    ...(input.snapshotAt !== undefined && { snapshotAt: input.snapshotAt }),
    // Both texts of each driver: the buyer's words and the rep's detail.
    ...(input.promise.drivers &&
      input.promise.drivers.length > 0 && {
        drivers: input.promise.drivers
          .slice(0, 20)
          .map((d) => ({ kind: d.kind, buyer: d.buyer, detail: d.detail })),
      }),
  };
  return {
    payloadVersion: PAYLOAD_VERSION,
    kind: input.kind,
    idempotencyKey: input.idempotencyKey,
    createdAt: input.createdAt,
    model: { id: input.model.id, version: input.model.version, hash: modelHash(input.model) },
    pricing: input.pricing,
    lines,
    totals: {
      currency,
      subtotal: input.price.subtotal,
      tax: input.price.tax,
      total: input.price.total,
    },
    ...(promise && { promise }),
    customer: input.customer,
    ...(input.quote && { quote: input.quote }),
  };
}
