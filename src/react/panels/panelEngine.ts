import {
  plantToday,
  priceOf,
  promiseOf,
  type LineInput,
  type Loaded,
  type PriceOutcome,
  type PromiseOutcome,
  type SessionData,
} from '../../core/index.ts';
import { parsePricing, parseSnapshot, type Pricing, type Snapshot } from '../../engine/index.ts';
import type { ConfiguratorPanelContext } from '../engine/valueExtras.ts';

/**
 * What the panels ask the engine, built from the panel context: the pricing document and the
 * availability snapshot parsed once per object, the price and the promise of the one configured
 * line. Nothing here computes money or dates itself: it shapes requests and names the outcome.
 */

export type { Loaded, PriceOutcome, PromiseOutcome } from '../../core/index.ts';

function cached<T>(parse: (raw: unknown) => T): (raw: unknown) => Loaded<T> {
  const cache = new WeakMap<object, Loaded<T>>();
  return (raw) => {
    if (raw === null) return { state: 'absent' };
    if (raw === undefined) return { state: 'loading' };
    if (typeof raw !== 'object') return { state: 'error', message: 'not a JSON object' };
    const hit = cache.get(raw);
    if (hit) return hit;
    let out: Loaded<T>;
    try {
      out = { state: 'ready', value: parse(raw) };
    } catch (error) {
      out = { state: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    cache.set(raw, out);
    return out;
  };
}

/** The context's pricing document, parsed (cached per document object). */
export const pricingOf = cached<Pricing>(parsePricing);

/** The context's availability snapshot, parsed (cached per snapshot object). */
export const snapshotOf = cached<Snapshot>(parseSnapshot);

/** The customer id of the context's `customer`: a string, or an object's `customerId`/`id`. */
export function customerIdOf(customer: unknown): string | undefined {
  if (typeof customer === 'string' && customer !== '') return customer;
  if (typeof customer === 'object' && customer !== null) {
    const { customerId, id } = customer as { customerId?: unknown; id?: unknown };
    if (typeof customerId === 'string') return customerId;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** The plant's time zone of the context's product, when the snapshot knows the plant. */
export function plantZone(context: ConfiguratorPanelContext): string | undefined {
  const snapshot = snapshotOf(context.availability);
  return snapshot.state === 'ready'
    ? snapshot.value.plants[context.model.plantId]?.timeZone
    : undefined;
}

/** The currency of the panels: the widget's, else the pricing document's base currency. */
export function currencyOf(
  context: ConfiguratorPanelContext,
  pricing: Pricing,
): string | undefined {
  return context.currency ?? pricing.baseCurrency;
}

/** The pricing date: an explicit date, else the plant's calendar day of `now` (`plantToday`). */
export function pricingDate(context: ConfiguratorPanelContext, now: string, date?: string): string {
  if (date !== undefined) return date;
  // Inside the widget the session's clock read `now` and made its `today` once.
  if (context.session?.now === now) return context.session.today;
  return plantToday(context.model, lineOf(context).data, now);
}

type Cache<T> = WeakMap<ConfiguratorPanelContext, Map<string, T>>;

/**
 * One engine call per panel context (the widget makes a new context object when the selection,
 * quantity or documents change) and key, shared by the panels, the form and the value extras.
 */
function remember<T>(
  cache: Cache<T>,
  context: ConfiguratorPanelContext,
  key: string,
  compute: () => T,
): T {
  let byKey = cache.get(context);
  if (!byKey) cache.set(context, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  byKey.set(key, value);
  return value;
}

const priceCache: Cache<PriceOutcome> = new WeakMap();
const promiseCache: Cache<PromiseOutcome> = new WeakMap();

/**
 * Prices the configured line with the engine's `price()` (the same call the server makes):
 * `incomplete` while choices are missing (the price of the choices so far), `approval-required`
 * when a guardrail is broken.
 */
export function priceOutcome(context: ConfiguratorPanelContext, date: string): PriceOutcome {
  // Inside the widget the session priced this state already, once.
  if (context.session && context.session.today === date) return context.session.price;
  return remember(priceCache, context, date, () => computePrice(context, date));
}

/** The session's data and line of a panel context (outside a widget: stories, tests). */
export function lineOf(context: ConfiguratorPanelContext): { line: LineInput; data: SessionData } {
  return {
    line: {
      model: context.model,
      selection: context.selection,
      quantity: context.quantity,
      complete: context.complete,
    },
    data: {
      pricing: pricingOf(context.pricing),
      snapshot: snapshotOf(context.availability),
      customerId: customerIdOf(context.customer),
      currency: context.currency,
    },
  };
}

function computePrice(context: ConfiguratorPanelContext, date: string): PriceOutcome {
  const { line, data } = lineOf(context);
  return priceOf(line, data, date);
}

/**
 * Promises the configured line with the engine's `promise()` against the context's snapshot at
 * `now`; option swaps carry their price change when the pricing document is loaded.
 */
export function promiseOutcome(context: ConfiguratorPanelContext, now: string): PromiseOutcome {
  if (context.session && context.session.now === now) return context.session.promise;
  return remember(promiseCache, context, now, () => computePromise(context, now));
}

function computePromise(context: ConfiguratorPanelContext, now: string): PromiseOutcome {
  const { line, data } = lineOf(context);
  return promiseOf(line, data, now, pricingDate(context, now));
}
