import { STAGES, type AggregateRow, type Stage } from './aggregate.ts';
import type { EventValue, Resolution } from './events.ts';
import { isoWeek, quantile, rowsOf, share, type InsightFilter } from './filter.ts';

/** How often one value was in a completed configuration. */
export interface ValuePopularity {
  productId: string;
  attributeId: string;
  /** The value id (numbers and booleans as their JSON text). */
  value: string;
  count: number;
  /** `count` ÷ the product's completed configurations in the range. */
  share: number;
  /** The first and last day it was seen in the range. */
  firstDay: string;
  lastDay: string;
}

function sumBy<K>(rows: readonly AggregateRow[], key: (r: AggregateRow) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.count);
  return out;
}

/**
 * Option popularity per attribute from the daily aggregate: for each product, attribute and
 * value, how many completed configurations held it and their share of the product's completed
 * configurations, with the first and last day seen. Sorted by product, attribute, count
 * (descending), value.
 *
 * @example
 * optionPopularity(rows, { from: '2026-12-01', to: '2026-12-07', channel: 'shop' })
 * // [{ productId: 'DESK', attributeId: 'frame', value: 'steel', count: 3, share: 0.75, … }]
 */
export function optionPopularity(
  rows: readonly AggregateRow[],
  filter: InsightFilter = {},
): ValuePopularity[] {
  const completed = sumBy(
    rowsOf(rows, 'stage', filter).filter((r) => r.key === 'completed'),
    (r) => r.productId,
  );
  const byValue = new Map<string, ValuePopularity>();
  for (const r of rowsOf(rows, 'value', filter)) {
    const id = `${r.productId}\u0000${r.key}`;
    const seen = byValue.get(id);
    if (seen) {
      seen.count += r.count;
      if (r.day < seen.firstDay) seen.firstDay = r.day;
      if ((r.lastDay ?? r.day) > seen.lastDay) seen.lastDay = r.lastDay ?? r.day;
      continue;
    }
    const eq = r.key.indexOf('=');
    byValue.set(id, {
      productId: r.productId,
      attributeId: r.key.slice(0, eq),
      value: r.key.slice(eq + 1),
      count: r.count,
      share: 0,
      firstDay: r.day,
      lastDay: r.lastDay ?? r.day,
    });
  }
  const out = [...byValue.values()];
  for (const p of out) p.share = share(p.count, completed.get(p.productId) ?? 0);
  return out.sort(
    (a, b) =>
      a.productId.localeCompare(b.productId) ||
      a.attributeId.localeCompare(b.attributeId) ||
      b.count - a.count ||
      a.value.localeCompare(b.value),
  );
}

/** A full configuration and how often it was completed. */
export interface CommonConfiguration {
  productId: string;
  selection: Record<string, EventValue>;
  count: number;
  share: number;
}

/**
 * The most common full configurations (completed selections), most frequent first, at most
 * `limit` (ties by their canonical text).
 */
export function commonConfigurations(
  rows: readonly AggregateRow[],
  filter: InsightFilter = {},
  limit = 10,
): CommonConfiguration[] {
  const completed = sumBy(
    rowsOf(rows, 'stage', filter).filter((r) => r.key === 'completed'),
    (r) => r.productId,
  );
  const counts = sumBy(rowsOf(rows, 'config', filter), (r) => `${r.productId}\u0000${r.key}`);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([id, count]) => {
      const [productId, key] = id.split('\u0000') as [string, string];
      return {
        productId,
        selection: JSON.parse(key) as Record<string, EventValue>,
        count,
        share: share(count, completed.get(productId) ?? 0),
      };
    });
}

/** One step of the funnel. */
export interface FunnelStep {
  stage: Stage;
  sessions: number;
  /** Sessions of the previous stage that did not reach this one (0 for `opened`). */
  dropped: number;
  /** `dropped` ÷ the previous stage's sessions. */
  dropRate: number;
}

/** The conversion funnel and where buyers left. */
export interface Funnel {
  steps: FunnelStep[];
  /** Sessions abandoned on each step id, most first. */
  abandoned: { step: string; sessions: number }[];
}

/**
 * The conversion funnel opened → completed → quoted → ordered with the drop-off per step, and the
 * steps buyers abandoned on.
 *
 * @example
 * funnel(rows).steps.map((s) => s.sessions) // [10, 6, 3, 1]
 */
export function funnel(rows: readonly AggregateRow[], filter: InsightFilter = {}): Funnel {
  const stages = sumBy(rowsOf(rows, 'stage', filter), (r) => r.key);
  let previous: number | undefined;
  const steps = STAGES.map((stage) => {
    const sessions = stages.get(stage) ?? 0;
    const dropped = previous === undefined ? 0 : Math.max(0, previous - sessions);
    const step = { stage, sessions, dropped, dropRate: share(dropped, previous ?? 0) };
    previous = sessions;
    return step;
  });
  const abandoned = [...sumBy(rowsOf(rows, 'abandoned', filter), (r) => r.key).entries()]
    .map(([step, sessions]) => ({ step, sessions }))
    .sort((a, b) => b.sessions - a.sessions || a.step.localeCompare(b.step));
  return { steps, abandoned };
}

/** A conflict buyers met: a choice of an attribute that broke these constraints. */
export interface ConflictCount {
  productId: string;
  attributeId: string;
  constraintIds: string[];
  count: number;
  /** How the buyers left it. */
  resolutions: Record<Resolution, number>;
}

/** The conflicts met most often (which rules frustrate buyers), most first, at most `limit`. */
export function frequentConflicts(
  rows: readonly AggregateRow[],
  filter: InsightFilter = {},
  limit = 10,
): ConflictCount[] {
  const byConflict = new Map<string, ConflictCount>();
  for (const r of rowsOf(rows, 'conflict', filter)) {
    const [attributeId, constraintIds, resolution] = JSON.parse(r.key) as [
      string,
      string[],
      Resolution,
    ];
    const id = JSON.stringify([r.productId, attributeId, constraintIds]);
    const c = byConflict.get(id) ?? {
      productId: r.productId,
      attributeId,
      constraintIds,
      count: 0,
      resolutions: { repaired: 0, reverted: 0, unresolved: 0 },
    };
    c.count += r.count;
    c.resolutions[resolution] += r.count;
    byConflict.set(id, c);
  }
  return [...byConflict.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.productId.localeCompare(b.productId) ||
        a.attributeId.localeCompare(b.attributeId) ||
        a.constraintIds.join().localeCompare(b.constraintIds.join()),
    )
    .slice(0, limit);
}

/** The promised lead time of one product in one ISO week. */
export interface LeadTimeWeek {
  productId: string;
  /** `YYYY-Www`. */
  week: string;
  configurations: number;
  /** Calendar days, nearest-rank quantiles. */
  p50: number;
  p90: number;
}

/** The promised lead time (calendar days) at completion: P50 and P90 per product per ISO week. */
export function leadTimeByWeek(
  rows: readonly AggregateRow[],
  filter: InsightFilter = {},
): LeadTimeWeek[] {
  const hist = new Map<string, Map<number, number>>();
  for (const r of rowsOf(rows, 'leadtime', filter)) {
    const id = `${r.productId}\u0000${isoWeek(r.day)}`;
    const h = hist.get(id) ?? new Map<number, number>();
    h.set(Number(r.key), (h.get(Number(r.key)) ?? 0) + r.count);
    hist.set(id, h);
  }
  return [...hist.entries()]
    .map(([id, h]) => {
      const [productId, week] = id.split('\u0000') as [string, string];
      return {
        productId,
        week,
        configurations: [...h.values()].reduce((s, c) => s + c, 0),
        p50: quantile(h, 0.5) ?? 0,
        p90: quantile(h, 0.9) ?? 0,
      };
    })
    .sort((a, b) => a.productId.localeCompare(b.productId) || a.week.localeCompare(b.week));
}
