import type { ProductModel } from '../engine/index.ts';

/** The quantities a buyer may order of one configured product. */
export interface QuantityLimits {
  min: number;
  max: number;
  step: number;
}

/** Limits of a model without `quantity` (README: "Quantity limits"). */
export const DEFAULT_QUANTITY_LIMITS: QuantityLimits = { min: 1, max: 9999, step: 1 };

/** Why a typed quantity was refused. */
export type QuantityProblem = 'not-a-number' | 'not-whole' | 'below-min' | 'above-max' | 'off-step';

/** A typed quantity, accepted or refused with the reason and the limits to show. */
export type QuantityCheck =
  | { state: 'ok'; value: number }
  | { state: 'refused'; input: string; problem: QuantityProblem; limits: QuantityLimits };

/**
 * The model's quantity limits (`quantity.min`, `max`, `step` of the model document), each
 * defaulting to `DEFAULT_QUANTITY_LIMITS`.
 *
 * @example
 * quantityLimits(desk) // { min: 1, max: 9999, step: 1 } unless desk.json says otherwise
 */
export function quantityLimits(model: ProductModel): QuantityLimits {
  const q = model.document.quantity;
  return {
    min: q?.min ?? DEFAULT_QUANTITY_LIMITS.min,
    max: q?.max ?? DEFAULT_QUANTITY_LIMITS.max,
    step: q?.step ?? DEFAULT_QUANTITY_LIMITS.step,
  };
}

/**
 * Checks a typed quantity against the limits: a whole number from `min` to `max` on the grid
 * `min + k × step`. Never rounds or clamps: a refused value is named, not replaced.
 *
 * @example
 * checkQuantity('1.5', DEFAULT_QUANTITY_LIMITS) // { state: 'refused', problem: 'not-whole', … }
 */
export function checkQuantity(input: string | number, limits: QuantityLimits): QuantityCheck {
  const text = String(input).trim();
  const refused = (problem: QuantityProblem): QuantityCheck => ({
    state: 'refused',
    input: String(input),
    problem,
    limits,
  });
  if (text === '' || !/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(text))
    return refused('not-a-number');
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) return refused('not-a-number');
  if (!Number.isInteger(value)) return refused('not-whole');
  if (value < limits.min) return refused('below-min');
  if (value > limits.max) return refused('above-max');
  if ((value - limits.min) % limits.step !== 0) return refused('off-step');
  return { state: 'ok', value };
}
