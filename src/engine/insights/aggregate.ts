import { Temporal } from 'temporal-polyfill';
import { dateOf, dayOf } from '../leadtime/time.ts';
import type { Channel, EventValue, InsightEvent } from './events.ts';

/**
 * What the insights count, per day, product and channel. Every insight is a sum of these rows over
 * a date range, so a database keeps them as a daily pre-aggregate (`count` added on each batch)
 * and answers over a million events by reading a few thousand rows.
 *
 * - `stage`: key `opened` | `completed` | `quoted` | `ordered` (sessions reaching it, once each)
 * - `value`: key `attribute=value` (a value in a completed configuration; each value of a multi)
 * - `config`: key the canonical JSON of a completed selection
 * - `conflict`: key JSON `[attributeId, [constraintIds…], resolution]`
 * - `leadtime`: key the promised calendar days at completion
 * - `abandoned`: key the step id
 */
export type AggregateKind = 'stage' | 'value' | 'config' | 'conflict' | 'leadtime' | 'abandoned';

/** One row of the daily pre-aggregate. */
export interface AggregateRow {
  /** The UTC date of the events, `YYYY-MM-DD`. */
  day: string;
  productId: string;
  channel: Channel;
  kind: AggregateKind;
  key: string;
  count: number;
  /** When rows of several days were summed: the last day (`day` is then the first). */
  lastDay?: string;
}

/** The funnel's stages in order, and the event type that reaches each. */
export const STAGES = ['opened', 'completed', 'quoted', 'ordered'] as const;
export type Stage = (typeof STAGES)[number];

const stageOf: Partial<Record<InsightEvent['type'], Stage>> = {
  opened: 'opened',
  completed: 'completed',
  quoteRequested: 'quoted',
  ordered: 'ordered',
};

/** A selected value as a stable text: ids as they are, numbers and booleans as JSON. */
export function valueKey(value: EventValue): string[] {
  if (Array.isArray(value)) return [...value].sort();
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

/**
 * A selection as canonical JSON: keys sorted, multi values sorted, so the same configuration
 * always gives the same text.
 *
 * @example
 * canonicalSelection({ b: ['y', 'x'], a: 1 }) // '{"a":1,"b":["x","y"]}'
 */
export function canonicalSelection(selection: Readonly<Record<string, EventValue>>): string {
  const keys = Object.keys(selection).sort();
  const parts = keys.map((k) => {
    const v = selection[k] as EventValue;
    return `${JSON.stringify(k)}:${JSON.stringify(Array.isArray(v) ? [...v].sort() : v)}`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * Folds events into daily aggregate rows (summed per day, product, channel, kind and key). A
 * stage is counted once per session (a repeated `completed` of one session counts once); the
 * `value`, `config` and `leadtime` rows come from a session's first `completed` event.
 *
 * @example
 * aggregateDaily([{ type: 'opened', at: '2026-12-07T09:00:00Z', session: 's-00000001', productId: 'DESK', channel: 'shop' }])
 * // [{ day: '2026-12-07', productId: 'DESK', channel: 'shop', kind: 'stage', key: 'opened', count: 1 }]
 */
export function aggregateDaily(events: readonly InsightEvent[]): AggregateRow[] {
  const rows = new Map<string, AggregateRow>();
  const seen = new Set<string>();
  const add = (e: InsightEvent, kind: AggregateKind, key: string) => {
    const day = utcDay(e.at);
    const id = JSON.stringify([day, e.productId, e.channel, kind, key]);
    const row = rows.get(id);
    if (row) row.count += 1;
    else rows.set(id, { day, productId: e.productId, channel: e.channel, kind, key, count: 1 });
  };
  for (const e of events) {
    const stage = stageOf[e.type];
    if (stage !== undefined) {
      const once = `${e.session}\u0000${stage}`;
      if (seen.has(once)) continue;
      seen.add(once);
      add(e, 'stage', stage);
    }
    switch (e.type) {
      case 'completed':
        for (const [attr, v] of Object.entries(e.selection))
          for (const k of valueKey(v)) add(e, 'value', `${attr}=${k}`);
        add(e, 'config', canonicalSelection(e.selection));
        if (e.promisedDays !== undefined) add(e, 'leadtime', String(e.promisedDays));
        break;
      case 'conflict':
        add(
          e,
          'conflict',
          JSON.stringify([e.attributeId, [...e.constraintIds].sort(), e.resolution]),
        );
        break;
      case 'abandoned':
        add(e, 'abandoned', e.step);
        break;
      case 'opened':
      case 'chosen':
      case 'quoteRequested':
      case 'ordered':
        break;
      default:
        e satisfies never;
    }
  }
  return [...rows.values()];
}

/** The UTC calendar date of an ISO-8601 instant with an offset (a fast path for the usual forms). */
export function utcDay(instant: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i.exec(
    instant,
  );
  if (!m) return Temporal.Instant.from(instant).toString().slice(0, 10);
  const [, y, mo, d, h, mi, off] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  let minutes = Number(h) * 60 + Number(mi);
  if (off.toUpperCase() !== 'Z') {
    const sign = off.startsWith('-') ? -1 : 1;
    minutes -= sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  }
  const shift = Math.floor(minutes / 1440);
  return dateOf(dayOf(`${y}-${mo}-${d}`) + shift);
}
