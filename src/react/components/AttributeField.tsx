import { useId } from 'react';
import type { Attribute, SelectionValue } from '../../engine/model/types.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';

/** Choice attributes with more values than this render as a dropdown instead of radios. */
const DROPDOWN_THRESHOLD = 8;

/**
 * One attribute as a real form control, by type: a radio group (or a dropdown for long lists),
 * checkboxes for a multi-select, a checkbox for a boolean, a number input with its step, a text
 * input with its pattern. Reads and writes the widget's store.
 */
export function AttributeField({ attribute }: { attribute: Attribute }) {
  const value = useConfigurator((s) => s.selection[attribute.id]);
  const select = useConfigurator((s) => s.select);
  const clear = useConfigurator((s) => s.clear);
  const id = useId();
  const set = (v: SelectionValue | undefined) =>
    v === undefined || v === '' ? clear(attribute.id) : select(attribute.id, v);

  switch (attribute.type) {
    case 'choice':
      if (attribute.values.length > DROPDOWN_THRESHOLD) {
        return (
          <div className="madeto-field" data-type="choice">
            <label htmlFor={id}>{attribute.label}</label>
            <select
              id={id}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => set(e.target.value)}
            >
              <option value="">—</option>
              {attribute.values.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
        );
      }
      return (
        <fieldset className="madeto-field" data-type="choice">
          <legend>{attribute.label}</legend>
          {attribute.values.map((v) => (
            <label key={v.id} className="madeto-option" data-selected={value === v.id}>
              <input
                type="radio"
                name={id}
                value={v.id}
                checked={value === v.id}
                onChange={() => set(v.id)}
              />
              {v.swatch && (
                <span className="madeto-swatch" style={{ background: v.swatch }} aria-hidden />
              )}
              {v.label}
            </label>
          ))}
        </fieldset>
      );
    case 'multi': {
      const chosen = Array.isArray(value) ? (value as readonly string[]) : [];
      const limits = [
        attribute.min !== undefined && attribute.min > 0 ? `at least ${attribute.min}` : '',
        attribute.max !== undefined ? `at most ${attribute.max}` : '',
      ].filter(Boolean);
      return (
        <fieldset className="madeto-field" data-type="multi">
          <legend>
            {attribute.label}
            {limits.length > 0 && <span className="madeto-hint"> ({limits.join(', ')})</span>}
          </legend>
          {attribute.values.map((v) => (
            <label key={v.id} className="madeto-option">
              <input
                type="checkbox"
                checked={chosen.includes(v.id)}
                onChange={(e) =>
                  set(
                    e.target.checked
                      ? attribute.values
                          .map((x) => x.id)
                          .filter((x) => x === v.id || chosen.includes(x))
                      : chosen.filter((x) => x !== v.id),
                  )
                }
              />
              {v.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      return (
        <div className="madeto-field" data-type="boolean">
          <label>
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => set(e.target.checked)}
            />
            {attribute.label}
          </label>
        </div>
      );
    case 'number':
      return (
        <div className="madeto-field" data-type="number">
          <label htmlFor={id}>
            {attribute.label}
            {attribute.unit ? ` (${attribute.unit})` : ''}
          </label>
          <input
            id={id}
            type="number"
            min={attribute.min}
            max={attribute.max}
            step={attribute.step}
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => set(e.target.value === '' ? undefined : e.target.valueAsNumber)}
          />
        </div>
      );
    case 'text':
      return (
        <div className="madeto-field" data-type="text">
          <label htmlFor={id}>{attribute.label}</label>
          <input
            id={id}
            type="text"
            {...(attribute.maxLength === undefined ? {} : { maxLength: attribute.maxLength })}
            {...(attribute.pattern === undefined ? {} : { pattern: attribute.pattern })}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => set(e.target.value)}
          />
        </div>
      );
    default:
      return attribute satisfies never;
  }
}
