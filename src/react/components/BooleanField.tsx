import { useEffect, useId, useRef } from 'react';
import type { Attribute } from '../../engine/index.ts';
import { OptionExtras } from './OptionExtras.tsx';
import { useAttributeDomains, useWidgetState } from './useWidgetState.ts';
import { stateNote } from './ValueOption.tsx';
import { useWidgetStatic, valueState } from './WidgetContext.tsx';

type BooleanAttribute = Extract<Attribute, { type: 'boolean' }>;

/**
 * A boolean attribute as one checkbox. Unassigned shows as "mixed" (not yet decided), so an
 * unanswered required option is never mistaken for "no". `data-state` is the state of the value
 * a click would choose.
 */
export function BooleanField({
  attribute,
  legend,
}: {
  attribute: BooleanAttribute;
  legend: string;
}) {
  const { pick, t } = useWidgetStatic();
  const value = useWidgetState((s) => s.effective.shown[attribute.id]);
  const domains = useAttributeDomains(attribute.id);
  const ref = useRef<HTMLInputElement>(null);
  const noteId = useId();
  // A click answers "yes", or "no" when it is not answered yet and only "no" fits the other
  // choices: the buyer can always answer, and "yes" (then with its explanation) is one click on.
  const onlyNoFits =
    value === undefined &&
    valueState(domains, attribute.id, 'true') !== 'available' &&
    valueState(domains, attribute.id, 'false') === 'available';
  const next = value === true || onlyNoFits ? 'false' : 'true';
  const state = valueState(domains, attribute.id, next);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = value === undefined;
  }, [value]);
  const note = stateNote(state, t);
  return (
    <div
      className="madeto-field"
      data-type="boolean"
      data-value={value === undefined ? 'unset' : String(value)}
    >
      <label className="madeto-option" data-state={value === true ? 'selected' : state}>
        <input
          ref={ref}
          type="checkbox"
          checked={value === true}
          aria-describedby={noteId}
          onChange={() => pick(attribute, next)}
        />
        <span className="madeto-option-label">{legend}</span>
        <OptionExtras id={noteId} attributeId={attribute.id} valueKey="true" note={note} />
      </label>
    </div>
  );
}
