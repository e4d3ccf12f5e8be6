import { useEffect, useRef } from 'react';

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
