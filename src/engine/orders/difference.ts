/** What kind of difference a server found between a payload and its own computation. */
export type DifferenceCode =
  | 'unknown-model'
  | 'model-version'
  | 'model-hash'
  | 'duplicate-line'
  | 'invalid-selection'
  | 'bom-mismatch'
  | 'routing-mismatch'
  | 'picture-mismatch'
  | 'price-date'
  | 'currency-mismatch'
  | 'price-unavailable'
  | 'price-mismatch'
  | 'approval-required'
  | 'promise-snapshot'
  | 'promise-changed';

/**
 * One difference between what a payload claims and what the engine computes. `error`s make the
 * payload unacceptable (invalid selection, a different price, a stale model); `warning`s are
 * reported but do not (a promise is a forecast that moves with the plant's load).
 */
export interface OrderDifference {
  code: DifferenceCode;
  severity: 'error' | 'warning';
  /** Where in the payload, as a JSON path such as `$.lines[0].price.unit`. */
  path: string;
  message: string;
  /** The engine's value, when there is one to compare. */
  expected?: unknown;
  /** The payload's value. */
  actual?: unknown;
  /** For `invalid-selection`: the violated constraint's id. */
  constraintId?: string;
}
