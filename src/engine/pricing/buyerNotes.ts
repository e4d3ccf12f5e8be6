import type { ProductModel, Selection } from '../model/types.ts';
import type { WaterfallKind, WaterfallStep } from './waterfall.ts';

/**
 * The buyer's words of a price note: what a waterfall step is, with no internal id (no rule,
 * contract, book, schedule or tax id, no guardrail). The step's `label` stays the internal
 * detail, for reps and audits.
 */
const NOTES: Record<WaterfallKind, string> = {
  list: 'List price',
  option: 'Option',
  contract: 'Your contract price',
  priceRule: 'Special offer',
  formula: 'Your price list',
  fx: 'Currency conversion',
  charm: 'Price point',
  volume: 'Volume discount',
  block: 'Pack price',
  percentOfTotal: 'Share of the order',
  additionalDiscount: 'Additional discount',
  partnerDiscount: 'Partner discount',
  rounding: 'Rounding',
  documentDiscount: 'Order discount',
  tax: 'Tax',
};

/** What a guardrail means for the buyer (the violation's `message` is the internal detail). */
export const APPROVAL_NOTE =
  'This price needs approval by a sales representative before it is binding.';

/**
 * The buyer's words of a waterfall step: an option in the model's words ("Top material: Oak"),
 * every other step by its kind ("Volume discount", "Special offer").
 *
 * @example
 * buyerNote({ kind: 'option', ref: 'topMaterial=oak', … }, desk, {}); // 'Top material: Oak'
 * buyerNote({ kind: 'priceRule', ref: 'OAK-20', … }); // 'Special offer'
 */
export function buyerNote(
  step: Pick<WaterfallStep, 'kind' | 'ref'>,
  model?: ProductModel,
  selection: Selection = {},
): string {
  if (step.kind !== 'option' || !model || step.ref === undefined) return NOTES[step.kind];
  const eq = step.ref.indexOf('=');
  const id = eq < 0 ? step.ref : step.ref.slice(0, eq);
  const attribute = model.attributes.find((a) => a.id === id);
  if (!attribute) return NOTES.option;
  const value = eq < 0 ? selection[id] : step.ref.slice(eq + 1);
  if (attribute.type === 'choice' || attribute.type === 'multi') {
    const label = attribute.values.find((v) => v.id === value)?.label;
    return label === undefined ? attribute.label : `${attribute.label}: ${label}`;
  }
  if (attribute.type === 'number' && typeof value === 'number')
    return `${attribute.label}: ${value}${attribute.unit ? ` ${attribute.unit}` : ''}`;
  return attribute.label;
}
