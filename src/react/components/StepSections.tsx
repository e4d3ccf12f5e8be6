import { memo } from 'react';
import type { SessionSnapshot } from '../../core/index.ts';
import { AttributeField } from './AttributeField.tsx';
import { useWidgetState } from './useWidgetState.ts';
/** How the widget lays its steps out: one at a time, or all of them. */
export type StepLayout = 'steps' | 'all';

type Steps = SessionSnapshot['steps'];

/** The steps on screen: the current one, or every step. */
const stepsOnScreen = (s: SessionSnapshot, layout: StepLayout): Steps =>
  layout === 'all' ? s.steps : s.step ? [s.step] : [];

/** What the sections show: the steps, their states and fields (labels go with the step ids). */
const sectionsKey = (steps: Steps) =>
  steps.map((s) => `${s.id} ${s.state} ${s.attributes.map((a) => a.id).join(' ')}`).join('|');

/**
 * The steps on screen as sections of fields, read from the session itself: a choice that shows or
 * hides a field, or turns its step complete, renders these sections in its own frame (the rest of
 * the widget follows after the paint, see `useSessionAfterPaint`); one that changes neither leaves
 * them alone (each field follows its own state). Headings are `titleId-stepId`, focusable.
 */
export const StepSections = memo(function StepSections({
  titleId,
  layout,
}: {
  titleId: string;
  layout: StepLayout;
}) {
  const steps = useWidgetState(
    (s) => stepsOnScreen(s, layout),
    (a, b) => a === b || sectionsKey(a) === sectionsKey(b),
  );
  return steps.map((step) => (
    <section
      key={step.id}
      className="madeto-group"
      data-state={step.state}
      aria-labelledby={`${titleId}-${step.id}`}
    >
      <h3 id={`${titleId}-${step.id}`} tabIndex={-1}>
        {step.label}
      </h3>
      {step.attributes.map((a) => (
        <AttributeField key={a.id} attribute={a} />
      ))}
    </section>
  ));
});
