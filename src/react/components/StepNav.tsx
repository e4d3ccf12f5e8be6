import type { Attribute, ProductModel, Selection } from '../../engine/index.ts';
import type { DerivedSelection } from '../../core/index.ts';
import { useWidget } from './WidgetContext.tsx';

/** How far a step is: nothing required answered, some, or all. */
export type StepState = 'empty' | 'incomplete' | 'complete';

/** One step (a group of the model) with the visible attributes and its completeness. */
export interface Step {
  id: string;
  label: string;
  attributes: Attribute[];
  answered: number;
  required: number;
  state: StepState;
}

/** Whether a required attribute counts as answered (a multi with at least `min` items). */
function answered(attribute: Attribute, selection: Selection): boolean {
  const v = selection[attribute.id];
  if (attribute.type === 'multi') return (Array.isArray(v) ? v.length : 0) >= (attribute.min ?? 0);
  return v !== undefined;
}

/**
 * The model's groups as steps, with the attributes that are relevant now and how many required
 * ones are answered. Groups without visible attributes are left out.
 */
export function steps(model: ProductModel, derived: DerivedSelection): Step[] {
  return model.groups.flatMap((group): Step[] => {
    const attributes = model.attributes.filter(
      (a) => a.group === group.id && !derived.hidden.has(a.id),
    );
    if (attributes.length === 0) return [];
    const required = attributes.filter((a) => a.required !== false);
    const done = required.filter((a) => answered(a, derived.shown)).length;
    const state: StepState =
      done === required.length ? 'complete' : done === 0 ? 'empty' : 'incomplete';
    return [
      {
        id: group.id,
        label: group.label,
        attributes,
        answered: done,
        required: required.length,
        state,
      },
    ];
  });
}

/** The steps as a navigation list; the current one has `aria-current="step"`. */
export function StepNav({
  steps: list,
  current,
  onStep,
}: {
  steps: Step[];
  current: string;
  onStep: (id: string) => void;
}) {
  const { t } = useWidget();
  return (
    <nav className="madeto-stepnav" aria-label={t('steps.label')}>
      <ol>
        {list.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              data-state={s.state}
              aria-current={s.id === current ? 'step' : undefined}
              onClick={() => onStep(s.id)}
            >
              <span className="madeto-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {s.label}
              <span className="madeto-step-progress">
                {s.state === 'complete' ? ' ✓' : ` ${s.answered}/${s.required}`}
                <span className="madeto-visually-hidden">
                  {` ${s.state === 'complete' ? t('steps.complete') : t('steps.answered')}`}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
