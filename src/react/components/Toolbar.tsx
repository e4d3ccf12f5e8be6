import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { CompletionObjective } from '../engine/engineOps.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { SoftButton } from './SoftButton.tsx';
import { useWidget } from './WidgetContext.tsx';

/** Arrow keys, Home and End move among a toolbar's buttons (reversed left/right in RTL). */
const STEP: Record<string, (i: number, n: number, rtl: boolean) => number> = {
  ArrowRight: (i, n, rtl) => (rtl ? i - 1 + n : i + 1) % n,
  ArrowLeft: (i, n, rtl) => (rtl ? i + 1 : i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * Undo / redo, "Complete for me" by objective, and reset. One Tab stop (ARIA toolbar pattern):
 * the arrow keys, Home and End move among the buttons, and Tab comes back to the last one used.
 */
export function Toolbar({
  onComplete,
  busy,
}: {
  onComplete: (objective: CompletionObjective) => void;
  busy: boolean;
}) {
  const canUndo = useConfigurator((s) => s.past.length > 0);
  const canRedo = useConfigurator((s) => s.future.length > 0);
  const hasChoices = useConfigurator((s) => Object.keys(s.selection).length > 0);
  const undo = useConfigurator((s) => s.undo);
  const redo = useConfigurator((s) => s.redo);
  const reset = useConfigurator((s) => s.reset);
  const { t } = useWidget();
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const buttons = () => [...(ref.current?.querySelectorAll('button') ?? [])];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = STEP[e.key];
    const all = buttons();
    const i = all.indexOf(e.target as HTMLButtonElement);
    if (!step || i < 0) return;
    e.preventDefault();
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    all[step(i, all.length, rtl)]?.focus();
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const i = buttons().indexOf(e.target as Element as HTMLButtonElement);
    if (i >= 0) setCurrent(i);
  };
  const stop = (i: number) => (i === current ? 0 : -1);
  return (
    <div
      ref={ref}
      className="madeto-toolbar"
      role="toolbar"
      aria-label={t('toolbar.label')}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <SoftButton off={!canUndo} onClick={undo} tabIndex={stop(0)}>
        {t('toolbar.undo')}
      </SoftButton>
      <SoftButton off={!canRedo} onClick={redo} tabIndex={stop(1)}>
        {t('toolbar.redo')}
      </SoftButton>
      <span className="madeto-toolbar-group" role="group" aria-label={t('toolbar.completeGroup')}>
        <SoftButton off={busy} onClick={() => onComplete('defaults')} tabIndex={stop(2)}>
          {t('toolbar.complete')}
        </SoftButton>
        <SoftButton off={busy} onClick={() => onComplete('cheapest')} tabIndex={stop(3)}>
          {t('toolbar.cheapest')}
        </SoftButton>
        <SoftButton off={busy} onClick={() => onComplete('fastest')} tabIndex={stop(4)}>
          {t('toolbar.fastest')}
        </SoftButton>
      </span>
      <SoftButton off={!hasChoices} onClick={reset} tabIndex={stop(5)}>
        {t('toolbar.reset')}
      </SoftButton>
    </div>
  );
}
