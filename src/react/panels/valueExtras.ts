import {
  plantToday,
  valueOutlook,
  type AvailabilityBadge,
  type ValueOutlook,
} from '../../core/index.ts';
import type {
  ConfiguratorPanelContext,
  ValueExtras,
  ValueExtrasFn,
} from '../engine/valueExtras.ts';
import { formatDelta } from '../i18n/format.ts';
import { translator } from '../i18n/messages.ts';
import { nowInstant } from './clock.ts';
import { lineOf } from './panelEngine.ts';

/** Options of `createValueExtras`: a fixed `now` and pricing date (tests, stories, replays). */
export interface ValueExtrasOptions {
  /** The instant promises are made at; by default the widget session's (else the real clock). */
  now?: string;
  /** The pricing date `YYYY-MM-DD`; by default the plant's day of `now`. */
  date?: string;
}

/** A badge's words: the difference in days, or where the value's parts come from. */
function badgeText(badge: AvailabilityBadge, t: ReturnType<typeof translator>): string {
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
 * The what-ifs of a panel context: inside a widget the session's (its clock's `now` and `today`,
 * one per state), else one per context at `options.now` (or the real clock, read once).
 */
function outlookOf(
  context: ConfiguratorPanelContext,
  options: ValueExtrasOptions,
  cache: WeakMap<ConfiguratorPanelContext, ValueOutlook>,
): ValueOutlook {
  const own = context.session?.outlook?.(valueOutlook);
  if (own && options.now === undefined && options.date === undefined) return own;
  let hit = cache.get(context);
  if (!hit) {
    const { line, data } = lineOf(context);
    const now = options.now ?? own?.now ?? nowInstant();
    hit = valueOutlook(line, data, now, options.date ?? plantToday(line.model, data, now));
    cache.set(context, hit);
  }
  return hit;
}

/**
 * A value-extras function for `<Configurator>`'s `valueExtras`: per value its unit price delta
 * (the engine's `optionDeltas`, "+€120", one call per selection) and its availability badge: the
 * difference against the current promise ("+9 days", "−2 days", "unavailable"), and where no
 * difference, where the value's own parts come from in the promise with it ("in stock" only when
 * every one is taken from stock, else "from supplier" — the chosen motor that waits for a
 * purchase order is never "in stock"). The figures are the core's (`valueOutlook`: one promise
 * per value, made when the value is first asked for, remembered with the state); inside a widget
 * they are the session's, at its clock's `now` and `today`, and the widget asks for them after
 * the click's paint, in idle time. Number and text attributes get no badge (as they get no delta).
 *
 * @example
 * <Configurator model={desk} pricing={pricing} availability={snapshot}
 *   panels={defaultPanels} valueExtras={createValueExtras()} />
 */
export function createValueExtras(options: ValueExtrasOptions = {}): ValueExtrasFn {
  const cache = new WeakMap<ConfiguratorPanelContext, ValueOutlook>();
  return (attribute, key, context) => {
    const outlook = outlookOf(context, options, cache);
    const t = translator(context.locale);
    const extras: ValueExtras = {};
    // One value at a time (the widget asks in idle time, a value per step).
    const delta = outlook.delta(attribute, key);
    if (delta !== undefined && outlook.currency !== undefined) {
      extras.priceDelta = formatDelta(delta, outlook.currency, context.locale);
      // A number only to rank "cheapest"; what is shown is the engine's string.
      extras.cost = Number(delta);
    }
    const badge = outlook.badge(attribute, key);
    if (badge) {
      extras.availabilityState = badge.state;
      if (badge.days !== undefined) extras.days = badge.days;
      extras.availability = badgeText(badge, t);
    }
    return extras.priceDelta === undefined && badge === undefined ? undefined : extras;
  };
}
