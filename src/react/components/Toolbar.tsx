import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { SoftButton } from './SoftButton.tsx';
import { useAfterPaint } from './useAfterPaint.ts';
import { useWidget } from './WidgetContext.tsx';

/** Arrow keys, Home and End move among a toolbar's buttons (reversed left/right in RTL). */
const STEP: Record<string, (i: number, n: number, rtl: boolean) => number> = {
  ArrowRight: (i, n, rtl) => (rtl ? i - 1 + n : i + 1) % n,
  ArrowLeft: (i, n, rtl) => (rtl ? i + 1 : i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** Why an objective cannot run while its document is loading or absent (else nothing). */
function missingDocument(
  state:
    'absent' | 'loading' | 'error' | 'incomplete' | 'valid' | 'approval-required' | 'unavailable',
  loading: string,
  absent: string,
): string | undefined {
  if (state === 'loading') return loading;
  return state === 'absent' || state === 'error' ? absent : undefined;
}

/**
 * Undo / redo, "Complete for me" by objective, and reset. One Tab stop (ARIA toolbar pattern):
 * the arrow keys, Home and End move among the buttons, and Tab comes back to the last one used.
 */
export function Toolbar() {
  const { t, send, snapshot, client } = useWidget();
  // The "Cheapest" / "Fastest" search may be a file of its own: fetched as the buyer heads for
  // the buttons (pointer or focus), so a press rarely waits for it.
  const warm = () => void client.prepare?.('cheapest').catch(() => {});
  const { intent } = snapshot;
  const canUndo = intent.past.length > 0;
  const canRedo = intent.future.length > 0;
  const hasChoices = Object.keys(intent.selection).length > 0;
  const busy = snapshot.activity !== 'idle';
  const busyWhy = t('toolbar.busy');
  const completeWhy = snapshot.complete ? t('toolbar.alreadyComplete') : undefined;
  // "Cheapest" and "Fastest" search with the price list and the stock levels: without them they
  // are off, and say so. Read from the line's outcomes after the paint: a click paints before
  // the price and the promise of the new line are computed.
  const outcomes = useAfterPaint(snapshot.outcomes);
  const needs = {
    defaults: undefined,
    cheapest: missingDocument(
      outcomes.price.state,
      t('toolbar.pricingLoading'),
      t('toolbar.needsPricing'),
    ),
    fastest: missingDocument(
      outcomes.promise.state,
      t('toolbar.availabilityLoading'),
      t('toolbar.needsAvailability'),
    ),
  };
  const groupWhyId = useId();
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
      <SoftButton
        off={!canUndo}
        reason={t('toolbar.nothingToUndo')}
        onClick={() => send({ type: 'undo' })}
        tabIndex={stop(0)}
      >
        {t('toolbar.undo')}
      </SoftButton>
      <SoftButton
        off={!canRedo}
        reason={t('toolbar.nothingToRedo')}
        onClick={() => send({ type: 'redo' })}
        tabIndex={stop(1)}
      >
        {t('toolbar.redo')}
      </SoftButton>
      <span
        className="madeto-toolbar-group"
        role="group"
        aria-label={t('toolbar.completeGroup')}
        onPointerEnter={warm}
        onFocus={warm}
      >
        {(['defaults', 'cheapest', 'fastest'] as const).map((objective, i) => (
          <SoftButton
            key={objective}
            off={busy || completeWhy !== undefined || needs[objective] !== undefined}
            // A reason the three share is said once, after the last, and describes each.
            {...(busy || completeWhy !== undefined
              ? i === 2
                ? { reason: busy ? busyWhy : completeWhy, reasonId: groupWhyId }
                : { describedBy: groupWhyId }
              : { reason: needs[objective] })}
            onClick={() => send({ type: 'complete', objective })}
            tabIndex={stop(2 + i)}
          >
            {t(
              objective === 'defaults'
                ? 'toolbar.complete'
                : objective === 'cheapest'
                  ? 'toolbar.cheapest'
                  : 'toolbar.fastest',
            )}
          </SoftButton>
        ))}
      </span>
      <SoftButton
        off={!hasChoices}
        reason={t('toolbar.nothingChosen')}
        onClick={() => send({ type: 'reset' })}
        tabIndex={stop(5)}
      >
        {t('toolbar.reset')}
      </SoftButton>
    </div>
  );
}
