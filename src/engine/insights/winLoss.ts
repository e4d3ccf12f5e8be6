import { share } from './filter.ts';

/** A decided or open quote, as win/loss needs it. */
export interface QuoteOutcome {
  /** The quote's discount off list price in basis points (1250 = 12.5 %). */
  discountBasisPoints: number;
  outcome: 'won' | 'lost' | 'open';
}

/** Win/loss of the quotes in one discount band. */
export interface DiscountBand {
  /** `0 %`, `0–5 %`, …, `15 % +`. */
  label: string;
  /** Inclusive upper bound in basis points (absent for the last band). */
  upToBasisPoints?: number;
  won: number;
  lost: number;
  open: number;
  /** won ÷ (won + lost); 0 with none decided. */
  winRate: number;
}

/** The default band edges: no discount, up to 5 %, up to 10 %, up to 15 %, more. */
export const DEFAULT_BAND_EDGES: readonly number[] = [0, 500, 1000, 1500];

const pct = (bp: number) => `${bp / 100}`;

/**
 * Quote win/loss by discount band: band i holds discounts in (edge[i-1], edge[i]] (the first band
 * is exactly `edges[0]`, i.e. no discount), the last band everything above the last edge.
 *
 * @example
 * winLossByDiscount([{ discountBasisPoints: 0, outcome: 'won' }, { discountBasisPoints: 800, outcome: 'lost' }])
 * // [{ label: '0 %', won: 1, lost: 0, … winRate: 1 }, { label: '0–5 %', … }, { label: '5–10 %', lost: 1, … }, …]
 */
export function winLossByDiscount(
  quotes: readonly QuoteOutcome[],
  edges: readonly number[] = DEFAULT_BAND_EDGES,
): DiscountBand[] {
  const bands: DiscountBand[] = edges.map((edge, i) => ({
    label: i === 0 ? `${pct(edge)} %` : `${pct(edges[i - 1] as number)}–${pct(edge)} %`,
    upToBasisPoints: edge,
    won: 0,
    lost: 0,
    open: 0,
    winRate: 0,
  }));
  bands.push({
    label: `${pct(edges[edges.length - 1] ?? 0)} % +`,
    won: 0,
    lost: 0,
    open: 0,
    winRate: 0,
  });
  for (const q of quotes) {
    const i = edges.findIndex((edge) => q.discountBasisPoints <= edge);
    const band = bands[i === -1 ? bands.length - 1 : i] as DiscountBand;
    band[q.outcome] += 1;
  }
  for (const b of bands) b.winRate = share(b.won, b.won + b.lost);
  return bands;
}

/**
 * The win rate open quotes are weighted by, with what it rests on. A shop's first quotes have
 * no decided quote to learn from; a rate of "unknown" would make their open quotes weigh nothing
 * in the component demand, and a raw won ÷ decided would jump to 0 or 1 on the first decision.
 * So the rate is the mean of a Beta(prior.won, prior.lost) belief updated with the decided quotes:
 * (won + prior.won) ÷ (decided + prior.won + prior.lost). The default prior Beta(1, 1) is
 * Laplace's rule of succession: 50 % with nothing decided, then moving towards the observed rate.
 * Below a minimum of decided quotes (`minDecided`, 0 by default) the history is not used yet:
 * the rate is the prior's own mean, prior.won ÷ (prior.won + prior.lost).
 */
export interface WinRateEstimate {
  /** The weight of an open quote, 0–1 (never 0 or 1 with a prior of more than 0 each). */
  rate: number;
  won: number;
  lost: number;
  /** won + lost: how many decided quotes there are. */
  decided: number;
  /** won ÷ decided; `undefined` with none decided. */
  observed: number | undefined;
  /** The prior's pseudo-counts (Beta(won, lost)). */
  prior: WinRatePrior;
  /** Decided quotes needed before they count. */
  minDecided: number;
  /** `history`: the decided quotes updated the prior; `prior`: fewer than `minDecided`, unused. */
  basis: 'history' | 'prior';
}

/** A Beta prior as pseudo-counts of won and lost quotes; both ≥ 0, not both 0. */
export interface WinRatePrior {
  won: number;
  lost: number;
}

/** Laplace's rule of succession: one won and one lost quote imagined before the first. */
export const LAPLACE_PRIOR: WinRatePrior = { won: 1, lost: 1 };

/**
 * The historical win rate of quotes (open quotes left out), smoothed by a Beta prior so that it
 * always exists, and the prior's mean alone while fewer than `minDecided` are decided (see
 * `WinRateEstimate`).
 *
 * @example
 * historicalWinRate([{ discountBasisPoints: 0, outcome: 'won' }, { discountBasisPoints: 0, outcome: 'lost' }, { discountBasisPoints: 0, outcome: 'lost' }])
 * // { rate: 0.4, won: 1, lost: 2, decided: 3, observed: 0.333…, prior: { won: 1, lost: 1 }, minDecided: 0, basis: 'history' }  ((1 + 1) ÷ (3 + 2))
 * historicalWinRate([], { won: 2, lost: 6 }).rate // 0.25
 * historicalWinRate(threeDecided, { won: 2, lost: 6 }, 5).rate // 0.25 (3 < 5: the prior alone)
 */
export function historicalWinRate(
  quotes: readonly QuoteOutcome[],
  prior: WinRatePrior = LAPLACE_PRIOR,
  minDecided = 0,
): WinRateEstimate {
  if (
    !(prior.won >= 0 && prior.lost >= 0 && prior.won + prior.lost > 0) ||
    !Number.isFinite(prior.won + prior.lost)
  )
    throw new RangeError(
      `win rate prior: won and lost must be finite, ≥ 0 and not both 0 (got ${prior.won}, ${prior.lost})`,
    );
  if (!(Number.isInteger(minDecided) && minDecided >= 0))
    throw new RangeError(`win rate minDecided: must be an integer ≥ 0 (got ${minDecided})`);
  let won = 0;
  let lost = 0;
  for (const q of quotes) {
    if (q.outcome === 'won') won += 1;
    else if (q.outcome === 'lost') lost += 1;
  }
  const decided = won + lost;
  const basis = decided >= minDecided ? 'history' : 'prior';
  const [w, d] = basis === 'history' ? [won, decided] : [0, 0];
  return {
    rate: (w + prior.won) / (d + prior.won + prior.lost),
    won,
    lost,
    decided,
    observed: decided === 0 ? undefined : won / decided,
    prior: { ...prior },
    minDecided,
    basis,
  };
}
