import {
  buildOrderPayload,
  type OrderPayload,
  type PriceResult,
  type PromiseResult,
} from '../../engine/index.ts';
import type { ConfiguratorPanelContext } from '../engine/valueExtras.ts';
import { customerIdOf, snapshotOf } from './panelEngine.ts';
import type { QuoteValues } from './quoteSchema.ts';

/** The shape of issue 6's submit adapter as the panels call it (the acknowledgement is opaque). */
export type SubmitFunction = (payload: OrderPayload) => Promise<unknown>;

export { newIdempotencyKey } from './idempotencyKey.ts';

/** What a quote request is built from: the panels' context, the engine's results, the form. */
export interface QuotePayloadInput {
  context: ConfiguratorPanelContext;
  /** `price()` of the configured line `L1` (what the price panel shows). */
  price: PriceResult;
  promise: PromiseResult | undefined;
  /** The submission instant (ISO-8601). */
  now: string;
  idempotencyKey: string;
  customer: QuoteValues;
}

/**
 * The `quote-request` payload (orders.md) of the configured line: assembled by the engine's
 * `buildOrderPayload` from the same price and promise the panels show. The payload has no field
 * for a requested delivery date, so a requested date is written as the first line of the notes
 * (`Requested delivery date: YYYY-MM-DD`); empty optional fields are left out.
 *
 * @example
 * quotePayload({ context, price, promise, now: '2026-11-23T09:30:00Z', idempotencyKey: 'k-0001',
 *   customer: { name: 'Ada', email: 'ada@example.com', company: '', notes: '', requestedDate: '' } }).kind
 * // 'quote-request'
 */
export function quotePayload(input: QuotePayloadInput): OrderPayload {
  const { context, price, customer } = input;
  const customerId = customerIdOf(context.customer);
  const snapshot = snapshotOf(context.availability);
  const notes = [
    customer.requestedDate && `Requested delivery date: ${customer.requestedDate}`,
    customer.notes,
  ]
    .filter((x) => x !== '')
    .join('\n');
  return buildOrderPayload({
    kind: 'quote-request',
    idempotencyKey: input.idempotencyKey,
    createdAt: input.now,
    model: context.model,
    pricing: {
      date: price.date,
      currency: price.currency,
      ...(customerId !== undefined && { customerId }),
    },
    lines: [
      {
        lineId: 'L1',
        productId: context.model.id,
        quantity: context.quantity,
        selection: context.selection,
      },
    ],
    price,
    ...(input.promise && { promise: input.promise }),
    ...(snapshot.state === 'ready' &&
      snapshot.value.snapshotAt !== undefined && { snapshotAt: snapshot.value.snapshotAt }),
    customer: {
      name: customer.name,
      email: customer.email,
      ...(customer.company !== '' && { company: customer.company }),
      ...(notes !== '' && { notes }),
    },
    quote: { approvalRequired: price.approvalRequired },
  });
}
