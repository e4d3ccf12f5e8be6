import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Where a stand-in's split file is: not asked for yet, on its way, or failed (ask again). */
export type SplitFileState = 'waiting' | 'loading' | 'failed';

/** A split file as a stand-in sees it (`splitFileLoader`'s `load` and `loaded`). */
export interface SplitFileSource<T> {
  load: () => Promise<T>;
  loaded: () => T | undefined;
}

/** When a stand-in asks for its file unprompted (a press or a retry asks through `load`). */
export interface SplitFileWhen {
  /** At once after the stand-in's first render. */
  render?: boolean;
  /** When the page is next idle. */
  idle?: boolean;
  /** When this element comes within 300 px of the viewport, or on the buyer's first press, key or focus in its root. */
  near?: RefObject<Element | null>;
}

/** The buyer's first press, key or focus inside the widget asks for a `near` file at the latest. */
const PRESSES = ['pointerdown', 'keydown', 'focusin'] as const;

/**
 * Runs `fn` when the page is next idle (Safari has no requestIdleCallback: the next task).
 * Returns a cancel.
 */
export function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn);
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(fn, 1);
  return () => clearTimeout(timer);
}

/**
 * The loading part every stand-in of a split file shares (the quote form, the picture, the 3D
 * button): `value` once the file has run (at once if it already has), its `state`, the `error`
 * of the last failed try, and `load()`, which asks for it (a press, a retry; one try at a time:
 * a second ask while one is on its way does nothing). Until the file is there it is asked for
 * unprompted as `when` says, whichever comes first, once; after a failure only `load()` asks again.
 *
 * @example
 * const { value: Form, state, load } = useSplitFile(formFile, { idle: true, near: placeholder });
 */
export function useSplitFile<T>(
  file: SplitFileSource<T>,
  when: SplitFileWhen,
): { value: T | undefined; state: SplitFileState; error: Error | undefined; load: () => void } {
  const [value, setValue] = useState(file.loaded);
  const [state, setState] = useState<SplitFileState>('waiting');
  const [error, setError] = useState<Error>();
  const asking = useRef(false);
  const load = useCallback(() => {
    if (asking.current) return;
    asking.current = true;
    setState('loading');
    file.load().then(
      (loaded) => setValue(() => loaded),
      (reason: unknown) => {
        asking.current = false;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
        setState('failed');
      },
    );
  }, [file]);
  const { render, idle, near } = when;
  useEffect(() => {
    if (value !== undefined || state !== 'waiting') return;
    if (render) return load();
    const el = near?.current;
    const root = el?.getRootNode() as Document | ShadowRoot | undefined;
    const io =
      el && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && load(), {
            rootMargin: '300px',
          })
        : undefined;
    if (el) io?.observe(el);
    for (const type of PRESSES) root?.addEventListener(type, load, { capture: true });
    const cancel = idle ? whenIdle(load) : undefined;
    return () => {
      io?.disconnect();
      cancel?.();
      for (const type of PRESSES) root?.removeEventListener(type, load, { capture: true });
    };
  }, [value, state, load, render, idle, near]);
  return { value, state, error, load };
}
