/**
 * The kinds of waterfall steps (pricing.md, "record every step in `waterfall[]`"), in pipeline
 * order: list price and options (step 2), contract overrides (3), price rules and the book formula
 * (4), currency conversion and charm (1), volume (5), rep and partner discounts (6), the final
 * rounding (8), the line's share of the document discount (9) and the tax (10).
 */
export type WaterfallKind =
  | 'list'
  | 'option'
  | 'contract'
  | 'priceRule'
  | 'formula'
  | 'fx'
  | 'charm'
  | 'volume'
  | 'block'
  | 'percentOfTotal'
  | 'additionalDiscount'
  | 'partnerDiscount'
  | 'rounding'
  | 'documentDiscount'
  | 'tax';

/**
 * One step of a line's price waterfall. `unit` and `line` are the running values after the step
 * (`line` = unit × quantity), in `currency`; `unitAmount` and `lineAmount` are the change the step
 * made (absent for the currency conversion, whose before and after are in different currencies).
 * Values are exact decimal strings: they are rounded only where the rounding policy rounds, and
 * an unrounded unit that does not terminate (line ÷ quantity) is shown to 10 places.
 */
export interface WaterfallStep {
  kind: WaterfallKind;
  /** What caused it: an attribute=value, a schedule, rule, contract, book or tax id. */
  ref?: string;
  /** The internal detail (ids, rates, formulas), for reps and audits. */
  label: string;
  /**
   * The buyer's words, without internal ids ("Volume discount", "Top material: Oak"); set on
   * every step of a `PriceResult`.
   */
  buyer?: string;
  currency: string;
  unitAmount?: string;
  lineAmount?: string;
  unit?: string;
  line: string;
}

/** A guardrail the price breaks (pricing.md step 7): it requires approval, and is never clamped. */
export interface PriceViolation {
  rule: 'minNetUnit' | 'maxDiscountPercent' | 'documentDiscount';
  limit: string;
  actual: string;
  lineId?: string;
  /** The internal detail (the limit and the figure), for reps. */
  message: string;
  /** The buyer's words: the price needs a sales representative's approval. */
  buyer: string;
}

/**
 * A tier cliff (pricing.md step 5): ordering `quantity` units would make the line cheaper than the
 * requested quantity does — "order 50 and save €1,736".
 */
export interface TierHint {
  quantity: number;
  /** The line at that quantity (net of rep and partner discounts, before document discount and tax). */
  line: string;
  saves: string;
}
