import { memo, useEffect, type RefObject } from 'react';
import type { Selection } from '../../engine/index.ts';
import { useWidgetState } from './useWidgetState.ts';

/** The widget's `onChange`: the selection shown and whether it is complete. */
export type ChangeCallback = (selection: Selection, info: { complete: boolean }) => void;

/**
 * Calls `onChange.current` with the selection shown and its completeness, once on mount and again
 * whenever either changes, in the render of the event that changed them (the rest of the widget's
 * frame may follow after the paint): a host hears of a click in the click's own task. Renders
 * nothing.
 */
export const ChangeReporter = memo(function ChangeReporter({
  onChange,
}: {
  onChange: RefObject<ChangeCallback | undefined>;
}) {
  const shown = useWidgetState((s) => s.effective.shown);
  const complete = useWidgetState((s) => s.complete);
  useEffect(() => {
    onChange.current?.(shown, { complete });
  }, [onChange, shown, complete]);
  return null;
});
