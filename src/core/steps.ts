import type { Attribute, ProductModel, Selection } from '../engine/index.ts';
import type { DerivedSelection } from './deriveSelection.ts';

/** How far a step is: nothing needed answered, some, or all. */
export type StepState = 'empty' | 'incomplete' | 'complete';

/** One step (a group of the model) with the visible attributes and its completeness. */
export interface Step {
  id: string;
  label: string;
  attributes: Attribute[];
  /** Attributes of `needed` answered with a value the model accepts. */
  answered: number;
  /** Required attributes, plus optional ones holding a value the model refuses. */
  required: number;
  state: StepState;
}

/** Why an attribute keeps the configuration from being complete. */
export type MissingReason = 'unanswered' | 'refused' | 'below-min';

/** An attribute that keeps the configuration from being complete, with its step. */
export interface MissingChoice {
  attribute: string;
  label: string;
  step: string;
  reason: MissingReason;
}

function missingReason(
  attribute: Attribute,
  selection: Selection,
  derived: DerivedSelection,
): MissingReason | undefined {
  if (derived.malformed.has(attribute.id)) return 'refused';
  if (derived.underMin.has(attribute.id)) return 'below-min';
  if (attribute.required === false) return undefined;
  const v = derived.shown[attribute.id];
  if (attribute.type === 'multi')
    return (Array.isArray(v) ? v.length : 0) >= (attribute.min ?? 0) ? undefined : 'unanswered';
  return v === undefined && selection[attribute.id] === undefined ? 'unanswered' : undefined;
}

/**
 * What still keeps the configuration from being complete, in step order: required attributes
 * without an answer, multis below their `min`, and any visible attribute holding a value the
 * model refuses (a text off its pattern, a number off its grid). Empty means complete: the steps,
 * the price panel, the quote form and its submit button all read this one list.
 *
 * @example
 * missingChoices(desk, deriveSelection(desk, {}), {}).map((m) => m.attribute) // ['frame', …]
 */
export function missingChoices(
  model: ProductModel,
  derived: DerivedSelection,
  selection: Selection,
): MissingChoice[] {
  return model.attributes.flatMap((a): MissingChoice[] => {
    if (derived.hidden.has(a.id)) return [];
    const reason = missingReason(a, selection, derived);
    return reason ? [{ attribute: a.id, label: a.label, step: a.group, reason }] : [];
  });
}

/**
 * The model's groups as steps, with the attributes that are relevant now and how many needed
 * ones are answered with an accepted value. Groups without visible attributes are left out.
 * A step is complete exactly when `missingChoices` names none of its attributes.
 *
 * @example
 * steps(desk, deriveSelection(desk, {}), {})[0] // { id: 'frame', state: 'empty', … }
 */
export function steps(
  model: ProductModel,
  derived: DerivedSelection,
  selection: Selection,
): Step[] {
  const missing = new Map(
    missingChoices(model, derived, selection).map((m) => [m.attribute, m.reason] as const),
  );
  return model.groups.flatMap((group): Step[] => {
    const attributes = model.attributes.filter(
      (a) => a.group === group.id && !derived.hidden.has(a.id),
    );
    if (attributes.length === 0) return [];
    const needed = attributes.filter((a) => a.required !== false || missing.has(a.id));
    const done = needed.filter((a) => !missing.has(a.id)).length;
    const state: StepState =
      done === needed.length ? 'complete' : done === 0 ? 'empty' : 'incomplete';
    return [
      {
        id: group.id,
        label: group.label,
        attributes,
        answered: done,
        required: needed.length,
        state,
      },
    ];
  });
}
