import { useEffect, useId, useRef } from 'react';
import { keyToValue, type Conflict } from '../../core/index.ts';
import type { Attribute, Selection } from '../../engine/index.ts';
import { describeValue } from './SelectionSummary.tsx';
import { useWidget } from './WidgetContext.tsx';

/**
 * The explanation of a conflicting or impossible value (the session's open conflict), in a modal
 * `<dialog>`: the constraints' messages, the choices in the way, and for a conflict the nearest
 * repair with a preview of each change. "Apply change" is one undoable session event.
 */
export function ExplainDialog({
  conflict,
  attribute,
  onApply,
  onClose,
}: {
  conflict: Conflict;
  attribute: Attribute;
  onApply: () => void;
  onClose: () => void;
}) {
  const { derived, model, t } = useWidget();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const state = conflict.valueState;
  const target = { attribute, key: conflict.key };
  const answer =
    conflict.state === 'ready'
      ? { status: 'ready' as const, explanation: conflict.explanation, repair: conflict.repair }
      : conflict.state === 'error'
        ? { status: 'error' as const, message: conflict.message }
        : { status: 'loading' as const };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

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
              onApply();
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
