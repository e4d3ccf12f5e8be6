import {
  optionDeltas,
  promise,
  type OptionDeltas,
  type PromiseResult,
  type Attribute,
  type Selection,
  type SelectionValue,
} from '../../engine/index.ts';
import type {
  ConfiguratorPanelContext,
  ValueExtras,
  ValueExtrasFn,
} from '../engine/valueExtras.ts';
import { formatDelta } from '../i18n/format.ts';
import { translator } from '../i18n/messages.ts';
import { daysBetween, nowInstant } from './clock.ts';
import { currencyOf, customerIdOf, pricingDate, pricingOf, snapshotOf } from './panelEngine.ts';

/** Options of `createValueExtras`: a fixed `now` and pricing date (tests, stories, replays). */
export interface ValueExtrasOptions {
  /** The instant promises are made at; by default the real clock, read once per selection. */
  now?: string;
  /** The pricing date `YYYY-MM-DD`; by default the plant's day of `now`. */
  date?: string;
}

/** A value's availability against the current promise (undefined when nothing can be said). */
interface Badge {
  days?: number;
  state: NonNullable<ValueExtras['availabilityState']>;
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

/**
 * The badge of a value whose promise `withValue` is no later than the current one: "in stock"
 * only when the promise with the value takes every part it brings from stock; "from supplier"
 * when one comes from a supplier or a purchase order; nothing for a value without parts.
 */
function sameDayBadge(parts: readonly string[], withValue: PromiseResult): Badge | undefined {
  if (parts.length === 0) return undefined;
  const sources = withValue.components.filter((c) => parts.includes(c.item)).map((c) => c.source);
  return sources.length > 0 && sources.every((s) => s === 'stock')
    ? { days: 0, state: 'in-stock' }
    : { days: 0, state: 'on-order' };
}

interface PerContext {
  now: string;
  deltas?: OptionDeltas | null;
  current?: PromiseResult | null;
  badges: Map<string, Map<string, Badge>>;
}

function withValue(attribute: Attribute, key: string, selection: Selection): Selection | undefined {
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

function barePromise(
  context: ConfiguratorPanelContext,
  now: string,
  selection: Selection,
): PromiseResult | null {
  const snapshot = snapshotOf(context.availability);
  if (snapshot.state !== 'ready') return null;
  try {
    return promise(
      {
        now,
        lines: [
          { lineId: 'L1', productId: context.model.id, quantity: context.quantity, selection },
        ],
        options: { atpCurve: false, suggestions: false, confidence: false },
      },
      { snapshot: snapshot.value, models: [context.model] },
    );
  } catch {
    return null;
  }
}

function badgesOf(
  entry: PerContext,
  context: ConfiguratorPanelContext,
  attribute: Attribute,
): Map<string, Badge> {
  const hit = entry.badges.get(attribute.id);
  if (hit) return hit;
  const out = new Map<string, Badge>();
  entry.badges.set(attribute.id, out);
  if (entry.current === undefined)
    entry.current = barePromise(context, entry.now, context.selection);
  const current = entry.current;
  if (!current || attribute.type === 'number' || attribute.type === 'text') return out;
  const keys = attribute.type === 'boolean' ? ['false', 'true'] : attribute.values.map((v) => v.id);
  const chosen = context.selection[attribute.id];
  for (const key of keys) {
    const selected =
      attribute.type === 'multi'
        ? Array.isArray(chosen) && chosen.includes(key)
        : String(chosen) === key;
    const other =
      selected && attribute.type !== 'multi'
        ? current
        : barePromise(context, entry.now, withValue(attribute, key, context.selection)!);
    if (!other) continue;
    // A chosen multi value: what it costs is the current promise against the one without it.
    const [from, to] = selected && attribute.type === 'multi' ? [other, current] : [current, other];
    // The promise that has the value in it: its components say where the value's parts come from.
    const withIt = selected ? current : other;
    if (to.status === 'unavailable') {
      out.set(key, { state: 'unavailable' });
      continue;
    }
    const days =
      from.deliveryDate === undefined || to.deliveryDate === undefined
        ? 0
        : daysBetween(from.deliveryDate, to.deliveryDate);
    const badge =
      days > 0
        ? { days, state: 'delayed' as const }
        : days < 0
          ? { days, state: 'earlier' as const }
          : sameDayBadge(partsOf(attribute, key), withIt);
    if (badge) out.set(key, badge);
  }
  return out;
}

function deltasOf(entry: PerContext, context: ConfiguratorPanelContext, date?: string) {
  if (entry.deltas !== undefined) return entry.deltas;
  const pricing = pricingOf(context.pricing);
  entry.deltas = null;
  if (pricing.state !== 'ready') return null;
  const currency = currencyOf(context, pricing.value);
  const customerId = customerIdOf(context.customer);
  if (currency === undefined) return null;
  try {
    entry.deltas = optionDeltas(
      {
        productId: context.model.id,
        selection: context.selection,
        quantity: context.quantity,
        currency,
        date: pricingDate(context, entry.now, date),
        ...(customerId !== undefined && { customerId }),
      },
      { pricing: pricing.value, models: [context.model] },
    );
  } catch {
    entry.deltas = null;
  }
  return entry.deltas;
}

/** A badge's words: the difference in days, or where the value's parts come from. */
function badgeText(badge: Badge, t: ReturnType<typeof translator>): string {
  switch (badge.state) {
    case 'unavailable':
      return t('badge.unavailable');
    case 'delayed':
      return t('days.later', { count: badge.days ?? 0 });
    case 'earlier':
      return t('days.earlier', { count: -(badge.days ?? 0) });
    case 'in-stock':
      return t('badge.inStock');
    case 'on-order':
      return t('badge.onOrder');
    default:
      return badge.state satisfies never;
  }
}

/**
 * A value-extras function for `<Configurator valueExtras>`: per value its unit price delta from
 * the engine's `optionDeltas` ("+€120", one call per selection) and its availability badge: the
 * difference against the current promise ("+9 days", "−2 days", "unavailable"), and where no
 * difference, where the value's own parts come from in the promise with it ("in stock" only when
 * every one is taken from stock, else "from supplier" — the chosen motor that waits for a
 * purchase order is never "in stock"). One promise per value of an attribute, made the first
 * time that attribute is shown, and cached with the selection. Number and text attributes get no
 * badge (as they get no delta).
 *
 * @example
 * <Configurator model={desk} pricing={pricing} availability={snapshot}
 *   panels={defaultPanels} valueExtras={createValueExtras()} />
 */
export function createValueExtras(options: ValueExtrasOptions = {}): ValueExtrasFn {
  const cache = new WeakMap<ConfiguratorPanelContext, PerContext>();
  return (attribute, key, context) => {
    let entry = cache.get(context);
    if (!entry) {
      entry = { now: options.now ?? nowInstant(), badges: new Map() };
      cache.set(context, entry);
    }
    const t = translator(context.locale);
    const extras: ValueExtras = {};
    const deltas = deltasOf(entry, context, options.date);
    const delta = deltas?.deltas[attribute.id]?.[key];
    if (deltas && delta !== undefined) {
      extras.priceDelta = formatDelta(delta, deltas.currency, context.locale);
      // A number only to rank "cheapest"; what is shown is the engine's string.
      extras.cost = Number(delta);
    }
    const badge = badgesOf(entry, context, attribute).get(key);
    if (badge) {
      extras.availabilityState = badge.state;
      if (badge.days !== undefined) extras.days = badge.days;
      extras.availability = badgeText(badge, t);
    }
    return extras.priceDelta === undefined && badge === undefined ? undefined : extras;
  };
}
