import type { Step } from '../../core/index.ts';
import { useWidget } from './WidgetContext.tsx';

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
