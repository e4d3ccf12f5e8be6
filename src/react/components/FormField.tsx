import type { ReactNode } from 'react';

/** What a field's control spreads on itself: its id and the link to its error. */
export interface FieldAria {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * One labelled form field with its error next to it (the quote request form, the rep editor): the
 * control gets the id the label points to, `aria-invalid`, and `aria-describedby` naming the
 * error's paragraph. `optional` is the "(optional)" text shown after the label. `data-state` is
 * `invalid` or `valid` (for CSS and tests).
 */
export function FormField(props: {
  id: string;
  label: string;
  optional?: string | undefined;
  error: string | undefined;
  children: (aria: FieldAria) => ReactNode;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="madeto-form-field" data-state={props.error ? 'invalid' : 'valid'}>
      <label htmlFor={props.id}>
        {props.label}
        {props.optional && <span className="madeto-optional"> {props.optional}</span>}
      </label>
      {props.children({
        id: props.id,
        'aria-invalid': props.error !== undefined,
        'aria-describedby': props.error ? errorId : undefined,
      })}
      {props.error && (
        <p id={errorId} className="madeto-form-field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}
