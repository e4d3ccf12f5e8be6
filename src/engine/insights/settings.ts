import { jsonPath } from '../model/jsonPath.ts';
import { z } from '../zod.ts';
import { LAPLACE_PRIOR, type WinRatePrior } from './winLoss.ts';

/** A shop's insight settings (`insights.json` in its catalogue directory). */
export interface InsightSettings {
  winRate: {
    /** The Beta prior the win rate of open quotes starts from (`historicalWinRate`). */
    prior: WinRatePrior;
    /** Decided rep quotes needed before they count; below, open quotes weigh the prior's mean. */
    minDecided: number;
  };
  /** "Popular with buyers": when the widget may call a value popular (`GET /api/insights/popular`). */
  popular: {
    /** Completed shop configurations of the product (last 90 days) before any value is named. */
    minSample: number;
    /** Configurations a value needs before it may be named (never a handful of people). */
    minValue: number;
  };
  /**
   * Minutes a configuration may sit unchanged and incomplete before the widget reports it
   * abandoned (the server hands it to the widget with each `POST /api/events` answer).
   */
  idleAbandonMinutes: number;
}

/**
 * Without `insights.json`: Laplace's prior from the first decided quote, a popular value once a
 * product has 20 completed configurations and the value 5, 30 idle minutes.
 */
export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  winRate: { prior: LAPLACE_PRIOR, minDecided: 0 },
  popular: { minSample: 20, minValue: 5 },
  idleAbandonMinutes: 30,
};

const count = (max: number) => z.number().check(z.int(), z.gte(0), z.lte(max));
const pseudoCount = z.number().check(z.gte(0), z.lte(1_000_000));

/**
 * `insights.json`, strict (a misspelt key is named, not ignored); every key optional, defaulting
 * to `DEFAULT_INSIGHT_SETTINGS`. The prior's two pseudo-counts may be fractions (Jeffreys'
 * Beta(½, ½)) but not both 0.
 */
export const insightSettingsSchema = z.strictObject({
  winRate: z.optional(
    z.strictObject({
      prior: z.optional(
        z
          .strictObject({ won: pseudoCount, lost: pseudoCount })
          .check(
            z.refine(
              (p) => p.won + p.lost > 0,
              'won and lost may not both be 0 (no belief at all)',
            ),
          ),
      ),
      minDecided: z.optional(count(100_000)),
    }),
  ),
  popular: z.optional(
    z.strictObject({
      minSample: z.optional(count(1_000_000)),
      minValue: z.optional(count(1_000_000)),
    }),
  ),
  idleAbandonMinutes: z.optional(z.number().check(z.int(), z.gte(1), z.lte(7 * 24 * 60))),
});

const KNOWN: Record<string, string[]> = {
  '': ['winRate', 'popular', 'idleAbandonMinutes'],
  winRate: ['prior', 'minDecided'],
  popular: ['minSample', 'minValue'],
  'winRate.prior': ['won', 'lost'],
};
const known = (path: readonly PropertyKey[]) => KNOWN[path.join('.')] ?? [];

/**
 * Reads an `insights.json` document into `InsightSettings` (defaults filled in), or every
 * problem at its JSON path.
 *
 * @example
 * parseInsightSettings({ winRate: { prior: { won: 1, lost: 3 } } })
 * // { ok: true, settings: { winRate: { prior: { won: 1, lost: 3 }, minDecided: 0 }, popular: { minSample: 20, minValue: 5 }, idleAbandonMinutes: 30 } }
 * parseInsightSettings({ winRate: { minDecided: -1 } })
 * // { ok: false, issues: [{ path: '$.winRate.minDecided', message: 'Too small: expected number to be >=0' }] }
 */
export function parseInsightSettings(
  json: unknown,
):
  | { ok: true; settings: InsightSettings }
  | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = insightSettingsSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      // An unknown key is named at its own path ($.winRate.minDecidd), not at its object's.
      issues: parsed.error.issues.flatMap((i) =>
        i.code === 'unrecognized_keys'
          ? i.keys.map((k) => ({
              path: jsonPath([...i.path, k]),
              message: `unknown setting (known: ${known(i.path).join(', ')})`,
            }))
          : [{ path: jsonPath(i.path), message: i.message }],
      ),
    };
  const d = DEFAULT_INSIGHT_SETTINGS;
  return {
    ok: true,
    settings: {
      winRate: {
        prior: { ...(parsed.data.winRate?.prior ?? d.winRate.prior) },
        minDecided: parsed.data.winRate?.minDecided ?? d.winRate.minDecided,
      },
      popular: {
        minSample: parsed.data.popular?.minSample ?? d.popular.minSample,
        minValue: parsed.data.popular?.minValue ?? d.popular.minValue,
      },
      idleAbandonMinutes: parsed.data.idleAbandonMinutes ?? d.idleAbandonMinutes,
    },
  };
}
