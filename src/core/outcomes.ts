import { Temporal } from 'temporal-polyfill';
import {
  price,
  priceDeltaHook,
  promise,
  type PriceResult,
  type Pricing,
  type ProductModel,
  type PromiseResult,
  type Selection,
  type Snapshot,
} from '../engine/index.ts';

/**
 * A document of the session: not configured (`absent`: the widget has no such source), not there
 * yet, unreadable, or parsed.
 */
export type Loaded<T> =
  | { state: 'absent' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; value: T };

/** The documents and buyer facts the price and the promise are computed from. */
export interface SessionData {
  pricing: Loaded<Pricing>;
  snapshot: Loaded<Snapshot>;
  customerId?: string | undefined;
  /** The quoted currency; the pricing document's base currency when unset. */
  currency?: string | undefined;
}

/** The configured line to price and promise. */
export interface LineInput {
  model: ProductModel;
  selection: Selection;
  quantity: number;
  complete: boolean;
}

/** The price of the configured line, or why there is none. */
export type PriceOutcome =
  | { state: 'absent' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'incomplete' | 'valid' | 'approval-required'; result: PriceResult };

/** The delivery promise of the configured line, or why there is none. */
export type PromiseOutcome =
  | { state: 'absent' }
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'incomplete' | 'valid' | 'unavailable'; result: PromiseResult };

/**
 * The plant's calendar day of the instant `now` (the snapshot's plant time zone, else UTC): the
 * one "today" of a session's state, used for the pricing date and the earliest requested date.
 *
 * @example
 * plantToday(desk, data, '2026-12-07T23:30:00Z') // '2026-12-08' for a plant in Europe/Berlin
 */
export function plantToday(
  model: ProductModel,
  data: Pick<SessionData, 'snapshot'>,
  now: string,
): string {
  const zone =
    data.snapshot.state === 'ready'
      ? data.snapshot.value.plants[model.plantId]?.timeZone
      : undefined;
  return Temporal.Instant.from(now)
    .toZonedDateTimeISO(zone ?? 'UTC')
    .toPlainDate()
    .toString();
}

function currencyOf(data: SessionData, pricing: Pricing): string | undefined {
  return data.currency ?? pricing.baseCurrency;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Prices the configured line with the engine's `price()` (the same call the server makes) on
 * `date`: `incomplete` while choices are missing (the price of the choices so far),
 * `approval-required` when a guardrail is broken.
 *
 * @example
 * priceOf(line, data, '2026-12-07').state // 'incomplete' | 'valid' | …
 */
export function priceOf(line: LineInput, data: SessionData, date: string): PriceOutcome {
  const pricing = data.pricing;
  if (pricing.state !== 'ready') return pricing;
  try {
    const result = price(
      {
        date,
        currency: currencyOf(data, pricing.value),
        ...(data.customerId !== undefined && { customerId: data.customerId }),
        lines: [
          {
            lineId: 'L1',
            productId: line.model.id,
            quantity: line.quantity,
            category: line.model.category,
            selection: line.selection,
          },
        ],
      },
      // The line alone: per-value deltas re-price every option (`deltasOf`, after the paint).
      { pricing: pricing.value, models: [line.model], optionDeltas: false },
    );
    const state = !line.complete
      ? 'incomplete'
      : result.approvalRequired
        ? 'approval-required'
        : 'valid';
    return { state, result };
  } catch (error) {
    return { state: 'error', message: message(error) };
  }
}

/**
 * Promises the configured line with the engine's `promise()` against the snapshot at `now`;
 * option swaps carry their price change (on `date`) when the pricing document is loaded.
 *
 * @example
 * promiseOf(line, data, '2026-12-07T09:00:00Z', '2026-12-07').state // 'valid' | 'incomplete' | …
 */
export function promiseOf(
  line: LineInput,
  data: SessionData,
  now: string,
  date: string,
): PromiseOutcome {
  const snapshot = data.snapshot;
  if (snapshot.state !== 'ready') return snapshot;
  const pricing = data.pricing;
  try {
    const result = promise(
      {
        now,
        lines: [
          {
            lineId: 'L1',
            productId: line.model.id,
            quantity: line.quantity,
            selection: line.selection,
          },
        ],
      },
      {
        snapshot: snapshot.value,
        models: [line.model],
        ...(pricing.state === 'ready' &&
          currencyOf(data, pricing.value) !== undefined && {
            priceDelta: priceDeltaHook(
              { pricing: pricing.value, models: [line.model] },
              {
                currency: currencyOf(data, pricing.value)!,
                date,
                ...(data.customerId !== undefined && { customerId: data.customerId }),
              },
            ),
          }),
      },
    );
    const state =
      result.status === 'unavailable' ? 'unavailable' : line.complete ? 'valid' : 'incomplete';
    return { state, result };
  } catch (error) {
    return { state: 'error', message: message(error) };
  }
}
