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
 * The historical win rate of quotes: won ÷ (won + lost), open quotes left out; `undefined` when
 * none is decided yet (a caller then has no basis to weight open quotes).
 */
export function historicalWinRate(quotes: readonly QuoteOutcome[]): number | undefined {
  let won = 0;
  let lost = 0;
  for (const q of quotes) {
    if (q.outcome === 'won') won += 1;
    else if (q.outcome === 'lost') lost += 1;
  }
  return won + lost === 0 ? undefined : won / (won + lost);
}
