import { useState, useSyncExternalStore } from 'react';
import type { SessionSnapshot } from '../../core/index.ts';
import { afterPaint } from './useAfterPaint.ts';
import type { SessionSource } from './WidgetContext.tsx';

/** A snapshot as the widget's frame shows it, and whether it came after a paint. */
export interface PaintedSnapshot {
  snapshot: SessionSnapshot;
  /**
   * The snapshot was handed over after the paint of the event that made it: what renders from it
   * is already past that paint (`useAfterPaint` below it need not wait for another).
   */
  painted: boolean;
}

/**
 * Whether the widget's frame must show `next` with the event's own paint: another step, the
 * configuration turning complete or not (one state of "complete" with the fields), a conflict's
 * dialog (opened, answered, closed), the engine busy or idle, the first domains (the widget
 * becomes usable), an engine failure, a load notice. A choice changes none of these as a rule:
 * its field shows it at once, and so do the step sections (fields appearing or going, a step
 * turning complete; `StepSections` reads the session itself); the rest of the frame (summary,
 * step progress, toolbar, picture, panels, live region) follows after the paint.
 *
 * @example
 * mustShowNow(before, afterChoosingSteel); // false: the frame follows after the paint
 */
export function mustShowNow(shown: SessionSnapshot, next: SessionSnapshot): boolean {
  return (
    shown.step?.id !== next.step?.id ||
    shown.complete !== next.complete ||
    shown.conflict !== next.conflict ||
    shown.activity !== next.activity ||
    (shown.domains === undefined) !== (next.domains === undefined) ||
    shown.domainsError !== next.domainsError ||
    shown.messages.load !== next.messages.load
  );
}

/** The frame's snapshot as an external store over the session, for one subscriber (the frame). */
function createFrameStore(session: SessionSource) {
  let shown: PaintedSnapshot = { snapshot: session.getSnapshot(), painted: false };
  return {
    get: () => shown,
    subscribe(listener: () => void) {
      let cancel: (() => void) | undefined;
      const update = () => {
        const next = session.getSnapshot();
        if (next !== shown.snapshot && mustShowNow(shown.snapshot, next)) {
          cancel?.();
          cancel = undefined;
          shown = { snapshot: next, painted: false };
          return listener();
        }
        // One handover after the paint is enough: it takes the newest snapshot when it runs.
        if (next === shown.snapshot || cancel) return;
        cancel = afterPaint(() => {
          cancel = undefined;
          const latest = session.getSnapshot();
          if (latest === shown.snapshot) return;
          shown = { snapshot: latest, painted: true };
          listener();
        });
      };
      const stop = session.subscribe(update);
      update();
      return () => {
        stop();
        cancel?.();
      };
    },
  };
}

/**
 * The session's snapshot for the widget's frame (everything around the fields): a change that
 * `mustShowNow` at once, rendered like any store change (synchronously, before the paint); any
 * other after the event's paint, in a task of its own (a newer snapshot replaces one still
 * waiting). The fields and the step sections subscribe to their own slices (`useWidgetState`), so
 * a click paints them first and the frame right after.
 *
 * @example
 * const { snapshot, painted } = useSessionAfterPaint(session);
 */
export function useSessionAfterPaint(session: SessionSource): PaintedSnapshot {
  const [store] = useState(() => createFrameStore(session));
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
