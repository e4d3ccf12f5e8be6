import { createContext, startTransition, useContext, useEffect, useState } from 'react';

/**
 * Runs `task` once, in a task after the next frame (an animation frame, then a timeout), or after
 * 250 ms when frames are not coming (a hidden page). Returns a cancel.
 *
 * @example
 * useEffect(() => afterPaint(() => writeUrl(selection)), [selection]);
 */
export function afterPaint(task: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  const fallback = setTimeout(run, 250);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * `value`, one paint late: the first render gets it at once; a later value is handed over after
 * the next frame (`afterPaint`), as a transition. What renders from it (the price and delivery
 * panels, which compute the line's price and promise when they first read them) then runs after
 * the click's paint, not between the click and its paint, as `useDeferredValue` may (its render
 * is the next task, often before the frame). A newer value cancels the handover of an older one.
 *
 * @example
 * const shown = useAfterPaint(context); // the previous context until the click has painted
 */
export function useAfterPaint<T>(value: T): T {
  const painted = useContext(PaintedContext);
  const [shown, setShown] = useState(value);
  // Already past the paint: the value is taken at once (kept in step for a render that is not).
  if (painted && !Object.is(shown, value)) setShown(() => value);
  useEffect(() => {
    if (painted || Object.is(shown, value)) return;
    return afterPaint(() => startTransition(() => setShown(() => value)));
  }, [value, shown, painted]);
  return painted ? value : shown;
}

/**
 * `true` around a render that itself runs after the paint of the event behind it (the widget's
 * frame, see `useSessionAfterPaint`): `useAfterPaint` inside hands a new value over at once
 * instead of one more frame later.
 */
export const PaintedContext = createContext(false);
