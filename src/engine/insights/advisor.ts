import { promise } from '../leadtime/promise.ts';
import type { Snapshot } from '../leadtime/schema.ts';
import { dayOf } from '../leadtime/time.ts';
import type { ProductModel, Selection } from '../model/types.ts';
import { utcDay } from './aggregate.ts';
import { quantile } from './filter.ts';

/** A recorded configuration to re-promise. */
export interface AdvisorLine {
  productId: string;
  quantity: number;
  selection: Selection;
}

/** What `postponementAdvisor` reads. */
export interface AdvisorInput {
  models: Readonly<Record<string, ProductModel>>;
  snapshot: Snapshot;
  /** The recent demand, oldest first (the kept stock serves earlier lines first). */
  lines: readonly AdvisorLine[];
  /** The instant every line is re-promised at (ISO-8601 with offset). */
  now: string;
  /** How many items (the most frequent material drivers) to try; default 10. */
  maxCandidates?: number;
}

/** The median promised delivery of the demand, in calendar days from `now`. */
export interface AdvisorBaseline {
  lines: number;
  unavailable: number;
  /** Nearest-rank median; `null` when more than half the lines are unavailable. */
  medianDays: number | null;
}

/** Keeping `quantity` of `item` in stock, and what it does to the demand's promises. */
export interface StockAdvice {
  item: string;
  quantity: number;
  medianDays: number | null;
  /** Baseline median − this median (calendar days); 0 when either is `null`. */
  daysSaved: number;
  /** Lines promised earlier than in the baseline. */
  linesFaster: number;
  /** In how many baseline promises the item was a material driver. */
  drivenLines: number;
}

/** The advisor's answer: the baseline and the options, best first. */
export interface PostponementAdvice {
  baseline: AdvisorBaseline;
  advice: StockAdvice[];
}

const UNAVAILABLE = Number.POSITIVE_INFINITY;

function medianOf(days: readonly number[]): number | null {
  const h = new Map<number, number>();
  for (const d of days) h.set(d, (h.get(d) ?? 0) + 1);
  const m = quantile(h, 0.5);
  return m === undefined || m === UNAVAILABLE ? null : m;
}

/**
 * The postponement advisor: which components, kept in stock (and how many), shorten the median
 * promised delivery of the recent demand most. It promises every line alone at `now` (the
 * lead-time engine, without extras), takes the items that were material drivers (not already
 * from stock) as candidates, and for each candidate re-promises the demand with extra stock on
 * hand: the whole recent need of the item, and half of it. The extra stock is consumed in line
 * order (a line uses its need of it), so it is not counted twice. A quantity that makes no line
 * sooner is left out. Ranked by days saved, then lines made faster, then the smaller quantity.
 *
 * @example
 * postponementAdvisor({ models: { DESK: desk }, snapshot, lines, now: '2026-12-07T09:00:00Z' }).advice[0]
 * // { item: 'MOTOR-DUAL', quantity: 4, medianDays: 9, daysSaved: 12, linesFaster: 4, drivenLines: 4 }
 */
export function postponementAdvisor(input: AdvisorInput): PostponementAdvice {
  const { models, now, lines } = input;
  const today = dayOf(utcDay(now));
  const promiseDays = (snapshot: Snapshot, line: AdvisorLine) => {
    const r = promise(
      {
        now,
        lines: [{ lineId: 'l', ...line }],
        options: { atpCurve: false, suggestions: false, confidence: false },
      },
      { snapshot, models },
    );
    return { days: r.deliveryDate ? dayOf(r.deliveryDate) - today : UNAVAILABLE, result: r };
  };
  const baseDays: number[] = [];
  const needs: Map<string, number>[] = [];
  const drivers = new Map<string, number>();
  for (const line of lines) {
    const { days, result } = promiseDays(input.snapshot, line);
    baseDays.push(days);
    needs.push(new Map(result.components.map((c) => [c.item, c.need])));
    const driven = new Set<string>();
    for (const d of result.drivers)
      if (d.kind === 'material' && d.cause !== 'stock') driven.add(d.item);
    for (const item of driven) drivers.set(item, (drivers.get(item) ?? 0) + 1);
  }
  const baseline: AdvisorBaseline = {
    lines: lines.length,
    unavailable: baseDays.filter((d) => d === UNAVAILABLE).length,
    medianDays: medianOf(baseDays),
  };
  const candidates = [...drivers.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, input.maxCandidates ?? 10);
  const advice: StockAdvice[] = [];
  for (const [item, drivenLines] of candidates) {
    const total = needs.reduce((s, n) => s + (n.get(item) ?? 0), 0);
    const levels = [...new Set([Math.ceil(total / 2), Math.ceil(total)])].filter((q) => q > 0);
    const withExtra = new Map<number, Snapshot>();
    const snapshotWith = (extra: number) => {
      let s = withExtra.get(extra);
      if (!s) {
        const current = input.snapshot.stock[item];
        const stock = Object.assign(
          Object.create(null) as Snapshot['stock'],
          input.snapshot.stock,
          {
            [item]: {
              onHand: (current?.onHand ?? 0) + extra,
              reserved: current?.reserved ?? 0,
              ...(current?.safetyStock === undefined ? {} : { safetyStock: current.safetyStock }),
            },
          },
        );
        s = { ...input.snapshot, stock };
        withExtra.set(extra, s);
      }
      return s;
    };
    for (const quantity of levels) {
      let left = quantity;
      const days = lines.map((line, i) => {
        const need = needs[i]?.get(item) ?? 0;
        if (need === 0 || left === 0) return baseDays[i] as number;
        const d = promiseDays(snapshotWith(left), line).days;
        left = Math.max(0, left - need);
        return d;
      });
      const medianDays = medianOf(days);
      const linesFaster = days.filter((d, i) => d < (baseDays[i] as number)).length;
      // Stock that makes no line sooner is no advice (the item drove lines it could not speed up:
      // another driver holds them, or the stock arrives no earlier).
      if (linesFaster === 0) continue;
      advice.push({
        item,
        quantity,
        medianDays,
        daysSaved:
          medianDays === null || baseline.medianDays === null
            ? 0
            : baseline.medianDays - medianDays,
        linesFaster,
        drivenLines,
      });
    }
  }
  advice.sort(
    (a, b) =>
      b.daysSaved - a.daysSaved ||
      b.linesFaster - a.linesFaster ||
      a.quantity - b.quantity ||
      a.item.localeCompare(b.item),
  );
  return { baseline, advice };
}
