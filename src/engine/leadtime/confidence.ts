import type { OrderPlan } from './planOrder.ts';
import type { Confidence } from './result.ts';
import { dateOf } from './time.ts';
import { seededRandom } from '../random.ts';

/** An uncertain supply: its key and its normalised histogram (working days of delay → probability). */
interface Uncertain {
  key: string;
  outcomes: { delay: number; p: number }[];
}

/** Exact enumeration up to this many joint outcomes; beyond it, Monte Carlo. */
export const EXACT_LIMIT = 512;
/** Monte Carlo samples (with a fixed seed) when enumeration is too large. */
export const SAMPLES = 400;
/** The seed of the Monte Carlo sampler (mulberry32). */
export const SEED = 20260302;

/**
 * The uncertain supplies an order plan relies on: purchases and POs whose histograms are known.
 *
 * @example
 * uncertainSupplies(plan) // [{ key: 'supplier:FRAME-AL:S-AL', outcomes: [{ delay: 0, p: 0.5 }, …] }]
 */
export function uncertainSupplies(plan: OrderPlan): Uncertain[] {
  const byKey = new Map<string, Uncertain>();
  for (const line of plan.lines)
    for (const item of line.items.values()) {
      const source = item.purchase ?? item.inbound;
      if (!source?.histogram || byKey.has(source.key)) continue;
      const entries = Object.entries(source.histogram).map(([d, p]) => ({ delay: Number(d), p }));
      const total = entries.reduce((s, e) => s + e.p, 0);
      byKey.set(source.key, {
        key: source.key,
        outcomes: entries
          .filter((e) => e.p > 0)
          .map((e) => ({ delay: e.delay, p: e.p / total }))
          .sort((a, b) => a.delay - b.delay),
      });
    }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

function quantileKey(q: number): string {
  return `p${Math.round(q * 100)}`;
}

/**
 * Delivery quantiles of the whole promise (C16). Every joint outcome of the uncertain supplies'
 * delays is planned again end to end (`replan` returns the delivery days of the order and of each
 * line), so the P90 of two uncertain parts is the P90 of the resulting date, not the later of the
 * parts' P90s. Exact enumeration up to `EXACT_LIMIT` outcomes, else `SAMPLES` seeded samples. The
 * q-quantile is the earliest date whose cumulative probability reaches q.
 *
 * @example
 * orderConfidence(plan, replan, [0.5, 0.9]).order // { method: 'exact', p50: '2026-03-24', p90: '2026-03-31', … }
 */
export function orderConfidence(
  plan: OrderPlan,
  replan: (delays: ReadonlyMap<string, number>) => {
    order?: number;
    lines: (number | undefined)[];
  },
  quantiles: readonly number[],
): { order: Confidence | undefined; lines: (Confidence | undefined)[] } {
  const uncertain = uncertainSupplies(plan);
  const qs = [...new Set([0.5, 0.9, ...quantiles])].sort((a, b) => a - b);
  const sources = uncertain.map((u) => u.key);
  const weighted: { p: number; result: ReturnType<typeof replan> }[] = [];
  let method: Confidence['method'];
  let outcomes = 1;
  for (const u of uncertain) outcomes *= u.outcomes.length;
  if (uncertain.length === 0) {
    method = 'none';
    weighted.push({ p: 1, result: replan(new Map()) });
  } else if (outcomes <= EXACT_LIMIT) {
    method = 'exact';
    const walk = (i: number, delays: Map<string, number>, p: number): void => {
      if (i === uncertain.length) {
        weighted.push({ p, result: replan(delays) });
        return;
      }
      for (const o of uncertain[i]!.outcomes) {
        const next = new Map(delays).set(uncertain[i]!.key, o.delay);
        walk(i + 1, next, p * o.p);
      }
    };
    walk(0, new Map(), 1);
  } else {
    method = 'monte-carlo';
    outcomes = SAMPLES;
    const random = seededRandom(SEED);
    const memo = new Map<string, ReturnType<typeof replan>>();
    for (let s = 0; s < SAMPLES; s++) {
      const delays = new Map<string, number>();
      for (const u of uncertain) {
        let r = random();
        let pick = u.outcomes[u.outcomes.length - 1]!.delay;
        for (const o of u.outcomes) {
          if (r < o.p) {
            pick = o.delay;
            break;
          }
          r -= o.p;
        }
        delays.set(u.key, pick);
      }
      const id = [...delays.values()].join(',');
      let result = memo.get(id);
      if (!result) memo.set(id, (result = replan(delays)));
      weighted.push({ p: 1 / SAMPLES, result });
    }
  }
  const summarise = (pick: (r: ReturnType<typeof replan>) => number | undefined) => {
    const dist = weighted
      .map((w) => ({ p: w.p, day: pick(w.result) ?? Infinity }))
      .sort((a, b) => a.day - b.day);
    const values: Record<string, string> = {};
    for (const q of qs) {
      let cum = 0;
      let day = Infinity;
      for (const d of dist) {
        cum += d.p;
        if (cum >= q - 1e-9) {
          day = d.day;
          break;
        }
      }
      if (day === Infinity) return undefined;
      values[quantileKey(q)] = dateOf(day);
    }
    const confidence: Confidence = {
      method,
      p50: values.p50!,
      p90: values.p90!,
      quantiles: values,
      outcomes,
      sources,
    };
    if (method === 'monte-carlo') confidence.seed = SEED;
    return confidence;
  };
  return {
    order: summarise((r) => r.order),
    lines: plan.lines.map((_, i) => summarise((r) => r.lines[i])),
  };
}
