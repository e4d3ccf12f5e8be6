import { Temporal } from 'temporal-polyfill';
import {
  optionDeltas,
  priceDeltaPerUnit,
  promise,
  type Attribute,
  type OptionDeltas,
  type ProductModel,
  type PromiseResult,
  type Selection,
  type SelectionValue,
} from '../engine/index.ts';
import type { SessionData } from './outcomes.ts';

/**
 * The availability of one value, as a badge. Badges are differences against the current promise
 * (a difference of 0 says nothing about stock), plus what the value's own parts are:
 * - `in-stock`: no later than now, and every part the value brings is taken from stock;
 * - `on-order`: no later than now, but a part of the value comes from a supplier (or a purchase
 *   order): the date already waits for it, or it arrives before what the date waits for;
 * - `earlier` / `delayed`: the delivery date moves by that many days with the value;
 * - `unavailable`: no delivery date with the value.
 */
export type AvailabilityState = 'in-stock' | 'on-order' | 'earlier' | 'delayed' | 'unavailable';

/** A value's availability against the current promise; `days` is the date's move with it. */
export interface AvailabilityBadge {
  state: AvailabilityState;
  days?: number;
}

/** The configured line the what-ifs start from (the session's effective selection). */
export interface OutlookLine {
  model: ProductModel;
  selection: Selection;
  quantity: number;
}

/**
 * What each value would change, computed on demand and remembered: the per-value price deltas
 * (one `optionDeltas` call) and the availability badge of a value (one bare promise per value,
 * plus the current one, shared). Made for one line at one instant (`now`) and pricing date
 * (`today`); a new line needs a new outlook. Nothing is computed before it is asked for, so a
 * widget can ask after the click's paint, a value at a time.
 */
export interface ValueOutlook {
  readonly now: string;
  readonly today: string;
  /** The per-value unit price deltas, or null without a loaded pricing document. */
  deltas(): OptionDeltas | null;
  /** The currency the deltas are in (the session's, else the pricing's base currency). */
  readonly currency: string | undefined;
  /**
   * The unit price delta of one value, as `deltas()` has it (a signed decimal string), computed
   * alone (two prices): a widget can ask a value at a time, in idle time, instead of re-pricing
   * every option at once. Undefined where `deltas()` has none.
   */
  delta(attribute: Attribute, key: string): string | undefined;
  /** The badge of `key` of `attribute`; undefined when nothing can be said. */
  badge(attribute: Attribute, key: string): AvailabilityBadge | undefined;
}

/** Makes the what-ifs of a line at `now` on the pricing date `today` (`valueOutlook`). */
export type OutlookFactory = (
  line: OutlookLine,
  data: SessionData,
  now: string,
  today: string,
) => ValueOutlook;

/**
 * The calendar days from one date to another (positive when `to` is later): the difference of
 * two dates the engine returned, for badges such as "+9 days".
 *
 * @example
 * daysBetween('2026-12-07', '2026-12-16') // 9
 */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from.slice(0, 10)).until(to.slice(0, 10), { largestUnit: 'days' })
    .days;
}

/**
 * The per-value unit price deltas of the line on `date` (the engine's `optionDeltas`: every
 * alternative re-priced), or null while the pricing document is absent, loading or unreadable,
 * or when the engine refuses the line. Costly (one price per value): made for after the paint.
 *
 * @example
 * deltasOf({ model: desk, selection: { frame: 'steel' }, quantity: 1 }, data, '2026-12-07')
 *   ?.deltas.frame // { steel: '0.00', aluminium: '120.00' }
 */
export function deltasOf(line: OutlookLine, data: SessionData, date: string): OptionDeltas | null {
  const pricing = data.pricing;
  if (pricing.state !== 'ready') return null;
  const currency = data.currency ?? pricing.value.baseCurrency;
  if (currency === undefined) return null;
  try {
    return optionDeltas(
      {
        productId: line.model.id,
        selection: line.selection,
        quantity: line.quantity,
        currency,
        date,
        ...(data.customerId !== undefined && { customerId: data.customerId }),
      },
      { pricing: pricing.value, models: [line.model] },
    );
  } catch {
    return null;
  }
}

/**
 * The selection with `key` of `attribute` chosen instead (for a multi: the item toggled); none for
 * number and text attributes, which have no per-value what-if.
 *
 * @example
 * withValue(frameAttribute, 'steel', { frame: 'aluminium' }) // { frame: 'steel' }
 */
export function withValue(
  attribute: Attribute,
  key: string,
  selection: Selection,
): Selection | undefined {
  const chosen = selection[attribute.id];
  switch (attribute.type) {
    case 'choice':
      return { ...selection, [attribute.id]: key };
    case 'boolean':
      return { ...selection, [attribute.id]: key === 'true' };
    case 'multi': {
      const set: readonly string[] = Array.isArray(chosen) ? chosen : [];
      const next: SelectionValue = set.includes(key)
        ? set.filter((x) => x !== key)
        : attribute.values.map((v) => v.id).filter((id) => id === key || set.includes(id));
      return { ...selection, [attribute.id]: next };
    }
    case 'number':
    case 'text':
      return undefined;
    default:
      return attribute satisfies never;
  }
}

type DeltaQuery = Parameters<typeof priceDeltaPerUnit>[0];
type PricingData = Parameters<typeof priceDeltaPerUnit>[2];

/** `-x` of a signed decimal string (zero stays unsigned, as the engine writes it). */
function negated(amount: string): string {
  if (/^-?0(\.0*)?$/.test(amount)) return amount.replace(/^-/, '');
  return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

/**
 * One value's entry of `optionDeltas` (the same selections priced by the same engine): for a
 * chosen choice or boolean, zero; for a chosen multi item, what removing it saves (positive); else
 * the unit price change of choosing it. Undefined for number and text values, or when the engine
 * refuses the line.
 */
function valueDelta(
  line: OutlookLine,
  attribute: Attribute,
  key: string,
  at: { query: DeltaQuery; data: PricingData },
): string | undefined {
  const selection = line.selection;
  const chosen = selection[attribute.id];
  const delta = (to: Selection) => priceDeltaPerUnit(at.query, to, at.data);
  try {
    switch (attribute.type) {
      case 'choice':
        if (!attribute.values.some((v) => v.id === key)) return undefined;
        return delta(chosen === key ? selection : { ...selection, [attribute.id]: key });
      case 'boolean': {
        if (key !== 'true' && key !== 'false') return undefined;
        const value = key === 'true';
        return delta(chosen === value ? selection : { ...selection, [attribute.id]: value });
      }
      case 'multi': {
        if (!attribute.values.some((v) => v.id === key)) return undefined;
        const set: readonly string[] = Array.isArray(chosen) ? chosen : [];
        return set.includes(key)
          ? negated(delta({ ...selection, [attribute.id]: set.filter((x) => x !== key) }))
          : delta({ ...selection, [attribute.id]: [...set, key] });
      }
      case 'number':
      case 'text':
        return undefined;
      default:
        return attribute satisfies never;
    }
  } catch {
    return undefined;
  }
}

/** The BOM items a value brings in itself (a boolean's when true); none for "false". */
function partsOf(attribute: Attribute, key: string): string[] {
  switch (attribute.type) {
    case 'choice':
    case 'multi':
      return (attribute.values.find((v) => v.id === key)?.bom ?? []).map((l) => l.item);
    case 'boolean':
      return key === 'true' ? (attribute.bom ?? []).map((l) => l.item) : [];
    case 'number':
    case 'text':
      return [];
    default:
      return attribute satisfies never;
  }
}

/** A promise without curve, swaps or confidence: only the date and where each part comes from. */
function barePromise(
  line: OutlookLine,
  data: SessionData,
  now: string,
  selection: Selection,
): PromiseResult | null {
  if (data.snapshot.state !== 'ready') return null;
  try {
    return promise(
      {
        now,
        lines: [{ lineId: 'L1', productId: line.model.id, quantity: line.quantity, selection }],
        options: { atpCurve: false, suggestions: false, confidence: false },
      },
      { snapshot: data.snapshot.value, models: [line.model] },
    );
  } catch {
    return null;
  }
}

/**
 * The badge of one value given the current promise and the promise with the value (for a chosen
 * value: without it, for a multi; the current one, else). The difference in days when there is
 * one; with none, "in stock" only when the promise that has the value takes every part the value
 * brings from stock, "from supplier" when one comes from a supplier or a purchase order, and
 * nothing for a value without parts.
 */
function badgeOf(
  attribute: Attribute,
  key: string,
  selected: boolean,
  current: PromiseResult,
  other: PromiseResult,
): AvailabilityBadge | undefined {
  // A chosen multi value: what it costs is the current promise against the one without it.
  const [from, to] = selected && attribute.type === 'multi' ? [other, current] : [current, other];
  if (to.status === 'unavailable') return { state: 'unavailable' };
  const days =
    from.deliveryDate === undefined || to.deliveryDate === undefined
      ? 0
      : daysBetween(from.deliveryDate, to.deliveryDate);
  if (days > 0) return { days, state: 'delayed' };
  if (days < 0) return { days, state: 'earlier' };
  const parts = partsOf(attribute, key);
  if (parts.length === 0) return undefined;
  // The promise that has the value in it: its components say where the value's parts come from.
  const withIt = selected ? current : other;
  const sources = withIt.components.filter((c) => parts.includes(c.item)).map((c) => c.source);
  return sources.length > 0 && sources.every((s) => s === 'stock')
    ? { days: 0, state: 'in-stock' }
    : { days: 0, state: 'on-order' };
}

function isSelected(attribute: Attribute, key: string, selection: Selection): boolean {
  const chosen = selection[attribute.id];
  return attribute.type === 'multi'
    ? Array.isArray(chosen) && chosen.includes(key)
    : String(chosen) === key;
}

/**
 * The what-ifs of a line at the instant `now` (promises) and on the pricing date `today`: see
 * `ValueOutlook`. A session makes one per state with its own clock (`session.outlook(valueOutlook)`).
 *
 * @example
 * const outlook = valueOutlook({ model: desk, selection, quantity: 1 }, data, now, '2026-12-07');
 * outlook.badge(drive, 'dual') // { days: 0, state: 'on-order' }: the motor waits for an order
 */
export function valueOutlook(
  line: OutlookLine,
  data: SessionData,
  now: string,
  today: string,
): ValueOutlook {
  let deltas: OptionDeltas | null | undefined;
  let current: PromiseResult | null | undefined;
  const badges = new Map<string, Map<string, AvailabilityBadge | undefined>>();
  const single = new Map<string, string | undefined>();
  const pricing = data.pricing.state === 'ready' ? data.pricing.value : undefined;
  const currency = pricing && (data.currency ?? pricing.baseCurrency);
  return {
    now,
    today,
    currency,
    delta(attribute, key) {
      const id = `${attribute.id}\u0000${key}`;
      if (single.has(id)) return single.get(id);
      let out: string | undefined;
      if (pricing && currency !== undefined)
        out = valueDelta(line, attribute, key, {
          query: {
            productId: line.model.id,
            selection: line.selection,
            quantity: line.quantity,
            currency,
            date: today,
            ...(data.customerId !== undefined && { customerId: data.customerId }),
          },
          data: { pricing, models: [line.model] },
        });
      single.set(id, out);
      return out;
    },
    deltas() {
      if (deltas === undefined) deltas = deltasOf(line, data, today);
      return deltas;
    },
    badge(attribute, key) {
      let byKey = badges.get(attribute.id);
      if (byKey?.has(key)) return byKey.get(key);
      if (!byKey) badges.set(attribute.id, (byKey = new Map()));
      if (current === undefined) current = barePromise(line, data, now, line.selection);
      let out: AvailabilityBadge | undefined;
      const next = withValue(attribute, key, line.selection);
      if (current && next) {
        const selected = isSelected(attribute, key, line.selection);
        const other =
          selected && attribute.type !== 'multi' ? current : barePromise(line, data, now, next);
        if (other) out = badgeOf(attribute, key, selected, current, other);
      }
      byKey.set(key, out);
      return out;
    },
  };
}
