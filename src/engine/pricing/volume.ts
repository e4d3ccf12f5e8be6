import { dec, decInt, lessPercent, ONE, ZERO, type Decimal } from './money.ts';
import type { BlockPrice, DiscountSchedule } from './schema.ts';

/** How volume priced a line: the multiplier of the line, or a block's line price. */
export type VolumeResult =
  | { type: 'range'; percent: Decimal; tier: number }
  | { type: 'slab'; factor: Decimal; tiers: { tier: number; units: number; percent: Decimal }[] }
  | { type: 'block'; line: Decimal; tier: number; overageUnits: number };

/**
 * A `range` schedule: the tier containing `quantity` (`from` inclusive, `to` exclusive) discounts
 * the whole line. Tiers are validated contiguous from 1, so every quantity has one.
 *
 * @example
 * rangeTier(vol, 10); // { type: 'range', percent: 5, tier: 1 } with tiers 1–9 0 %, 10–49 5 %, 50+ 10 %
 */
export function rangeTier(schedule: DiscountSchedule, quantity: number): VolumeResult {
  const tier = schedule.tiers.findIndex(
    (t) => quantity >= t.from && (t.to === null || quantity < t.to),
  );
  return { type: 'range', percent: tier < 0 ? ZERO : dec(schedule.tiers[tier]!.percent), tier };
}

/**
 * A `slab` schedule: each unit is priced in its own tier. `factor` is Σ units × (1 − percent) over
 * the tiers, so line = list unit × factor and the unit is line ÷ quantity, unrounded.
 *
 * @example
 * slabFactor(vol, 12).factor; // 9 × 1 + 3 × 0.95 = 11.85 with tiers 1–9 0 %, 10–49 5 %
 */
export function slabFactor(schedule: DiscountSchedule, quantity: number): VolumeResult {
  let factor = ZERO;
  const tiers: { tier: number; units: number; percent: Decimal }[] = [];
  schedule.tiers.forEach((t, i) => {
    const last = t.to === null ? quantity : Math.min(quantity, t.to - 1);
    const units = last - t.from + 1;
    if (units <= 0) return;
    const percent = dec(t.percent);
    tiers.push({ tier: i, units, percent });
    factor = factor.plus(lessPercent(decInt(units), percent));
  });
  return { type: 'slab', factor, tiers };
}

/**
 * Block pricing: the line costs the block's price whatever the quantity inside it; above the last
 * block's last included quantity (`to` − 1), each unit adds `overagePerUnit`.
 *
 * @example
 * blockLine(clips, 15).line; // 12.00 + (15 − 10) × 0.70 = 15.50 with one block 1–10 at 12.00
 */
export function blockLine(block: BlockPrice, quantity: number): VolumeResult {
  const tier = block.tiers.findIndex(
    (t) => quantity >= t.from && (t.to === null || quantity < t.to),
  );
  if (tier >= 0)
    return { type: 'block', line: dec(block.tiers[tier]!.price), tier, overageUnits: 0 };
  const last = block.tiers.length - 1;
  const lastTier = block.tiers[last]!;
  const overageUnits = quantity - (lastTier.to! - 1);
  const overage = block.overagePerUnit === undefined ? ZERO : dec(block.overagePerUnit);
  return {
    type: 'block',
    line: dec(lastTier.price).plus(overage.times(decInt(overageUnits))),
    tier: last,
    overageUnits,
  };
}

/**
 * The multiplier of a range result, for the line.
 *
 * @example
 * rangeFactor(dec('5')).toFixed(); // '0.95'
 */
export function rangeFactor(percent: Decimal): Decimal {
  return lessPercent(ONE, percent);
}

/**
 * Quantities above `quantity` where a tier or block starts: the only places where one more unit
 * can make a line cheaper (within a tier a line grows with the quantity).
 *
 * @example
 * tierStarts([{ from: 1 }, { from: 10 }, { from: 50 }], 12); // [50]
 */
export function tierStarts(tiers: readonly { from: number }[], quantity: number): number[] {
  return tiers.map((t) => t.from).filter((from) => from > quantity);
}
