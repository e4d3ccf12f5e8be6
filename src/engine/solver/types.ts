import type { Selection } from '../model/types.ts';

/**
 * The state of one value under a selection (model.md, "What valid means"):
 * - `selected`: it is in the selection;
 * - `available`: some complete valid configuration extends the selection with it;
 * - `conflict`: valid configurations contain it, but only after changing other selections;
 * - `impossible`: no valid configuration contains it (a dead option).
 */
export type ValueState = 'selected' | 'available' | 'conflict' | 'impossible';

/**
 * The state of every value of every solver attribute. Keys of the inner record are value keys:
 * the value id for choice and multi attributes, `String(n)` for numbers, `'true'`/`'false'` for
 * booleans. Text attributes are not part of the solver and do not appear.
 */
export type Domains = Record<string, Record<string, ValueState>>;

/** Why a value is not available: a minimal set of constraints and of selections in the way. */
export interface Explanation {
  attribute: string;
  value: string;
  /** Constraints of the model (or implicit ones such as `required:frame`), with their messages. */
  constraints: { id: string; message: string }[];
  /** Attribute ids whose current selection takes part in the conflict. */
  selections: string[];
}

/** One change a repair makes to the selection. `to` is undefined when the choice is cleared. */
export interface SelectionChange {
  attribute: string;
  from: Selection[string] | undefined;
  to: Selection[string] | undefined;
}

/** The outcome of `repair`: a selection that keeps the newest choice and as many recent ones as possible. */
export interface Repair {
  selection: Selection;
  changes: SelectionChange[];
}

/** A violated constraint of a full or partial selection. */
export interface Violation {
  constraintId: string;
  message: string;
  attributes: string[];
}
