import { useEffect, useId, useRef, useState } from 'react';
import type {
  Attribute,
  Selection,
  Explanation,
  Repair,
  SelectionChange,
} from '../../engine/index.ts';
import { keyToValue } from '../../core/index.ts';
import { describeValue } from './SelectionSummary.tsx';
import { useWidget, valueState } from './WidgetContext.tsx';

/** A value the buyer asked about: the attribute and the value key. */
export interface ExplainTarget {
  attribute: Attribute;
  key: string;
}

type Answer =
  | { status: 'loading' }
  | { status: 'ready'; explanation: Explanation; repair: Repair | undefined }
  | { status: 'error'; message: string };

/** Applies a repair's changes to the stored selection (text and hidden choices stay). */
export function applyChanges(selection: Selection, changes: readonly SelectionChange[]): Selection {
  const next: Record<string, Selection[string]> = { ...selection };
  for (const c of changes) {
    if (c.to === undefined) delete next[c.attribute];
    else next[c.attribute] = c.to;
  }
  return next;
}

/**
 * The explanation of a conflicting or impossible value, in a modal `<dialog>`: the constraints'
 * messages, the choices in the way, and for a conflict the repair with a preview of each change.
 * "Apply change" is one undoable store action.
 */
export function ExplainDialog({
  target,
  recency,
  onApply,
  onClose,
}: {
  target: ExplainTarget;
  recency: string[];
  onApply: (repair: Repair, target: ExplainTarget) => void;
  onClose: () => void;
}) {
  const { client, derived, domains, model, t } = useWidget();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [answer, setAnswer] = useState<Answer>({ status: 'loading' });
  const state = valueState(domains, target.attribute.id, target.key);
  const selection = derived.solver;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let current = true;
    Promise.all([
      client.explain(selection, target.attribute.id, target.key),
      state === 'impossible'
        ? Promise.resolve(undefined)
        : client.repair(selection, target.attribute.id, target.key, recency),
    ]).then(
      ([explanation, repair]) => current && setAnswer({ status: 'ready', explanation, repair }),
      (error: unknown) =>
        current &&
        setAnswer({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      current = false;
    };
  }, [client, selection, target, state, recency]);

  const label = describeValue(
    model,
    target.attribute.id,
    keyToValue(target.attribute, target.key),
    t,
  );
  const labelOf = (id: string) => model.attributes.find((a) => a.id === id)?.label ?? id;
  const show = (id: string, v: Selection[string] | undefined) =>
    v === undefined ? t('value.notChosen') : describeValue(model, id, v, t);

  return (
    <dialog
      ref={ref}
      className="madeto-dialog"
      aria-labelledby={titleId}
      data-state={state}
      onClose={() => {
        // A close queued by an effect cleanup (React StrictMode re-runs effects) arrives after the
        // dialog was shown again: only a dialog that is really closed ends the explanation.
        if (!ref.current?.open) onClose();
      }}
    >
      <h3 id={titleId}>
        {state === 'impossible'
          ? t('explain.notOffered', { attribute: target.attribute.label, value: label })
          : t('explain.needsChanges', { attribute: target.attribute.label, value: label })}
      </h3>
      {answer.status === 'loading' && <p role="status">{t('explain.loading')}</p>}
      {answer.status === 'error' && (
        <p role="alert">{t('explain.error', { message: answer.message })}</p>
      )}
      {answer.status === 'ready' && (
        <>
          {answer.explanation.constraints.length > 0 && (
            <>
              <h4>{t('explain.why')}</h4>
              <ul className="madeto-reasons">
                {answer.explanation.constraints.map((c) => (
                  <li key={c.id} data-constraint={c.id}>
                    {c.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {answer.explanation.selections.length > 0 && (
            <>
              <h4>{t('explain.inTheWay')}</h4>
              <ul className="madeto-in-the-way">
                {answer.explanation.selections.map((id) => (
                  <li key={id}>
                    {labelOf(id)}: {show(id, derived.solver[id])}
                  </li>
                ))}
              </ul>
            </>
          )}
          {answer.repair && answer.repair.changes.length > 0 && (
            <>
              <h4>{t('explain.willChange')}</h4>
              <ul className="madeto-preview" aria-label={t('explain.changes')}>
                {answer.repair.changes.map((c) => (
                  <li key={c.attribute} data-attribute={c.attribute}>
                    {labelOf(c.attribute)}: {show(c.attribute, c.from)} → {show(c.attribute, c.to)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <div className="madeto-dialog-actions">
        {state !== 'impossible' && (
          <button
            type="button"
            className="madeto-primary"
            disabled={
              answer.status !== 'ready' || !answer.repair || answer.repair.changes.length === 0
            }
            onClick={() => {
              if (answer.status !== 'ready' || !answer.repair) return;
              // Closing first hands focus back to where it was before the dialog opened.
              ref.current?.close();
              onApply(answer.repair, target);
            }}
          >
            {t('explain.apply')}
          </button>
        )}
        <button type="button" onClick={() => ref.current?.close()}>
          {state === 'impossible' ? t('explain.close') : t('explain.cancel')}
        </button>
      </div>
    </dialog>
  );
}
