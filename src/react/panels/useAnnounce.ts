import { useCallback, useEffect, useRef } from 'react';

/**
 * Announces `message` through `announce` whenever it changes after the first render (a new price,
 * a new date); nothing while it is `undefined`, nothing on mount.
 */
export function useAnnounce(message: string | undefined, announce: (message: string) => void) {
  const previous = useRef(message);
  useEffect(() => {
    if (message === undefined || message === previous.current) return;
    const first = previous.current === undefined;
    previous.current = message;
    if (!first) announce(message);
  }, [message, announce]);
}

/**
 * An `announce` that gathers the messages of one update (the price panel's and the delivery
 * panel's) and says them together, so the live region does not keep only the last one.
 */
export function useBatchedAnnounce(announce: (message: string) => void): (message: string) => void {
  const queue = useRef<string[]>([]);
  return useCallback(
    (message: string) => {
      queue.current.push(message);
      if (queue.current.length > 1) return;
      queueMicrotask(() => {
        const messages = queue.current.splice(0);
        announce(messages.join(' '));
      });
    },
    [announce],
  );
}
