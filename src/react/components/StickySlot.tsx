import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

interface SlotValue {
  element: HTMLElement | null;
  setElement: (element: HTMLElement | null) => void;
}

const SlotContext = createContext<SlotValue | null>(null);

/**
 * Holds the element of one widget's sticky summary slot: the layout renders `<StickySlot>` as its
 * last child (a sticky bar sticks only within its parent, so it must sit in the whole layout, not
 * in the summary column), and the panels render the bar into it from the figures they computed.
 */
export function StickySlotProvider({ children }: { children: ReactNode }) {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const value = useMemo(() => ({ element, setElement }), [element]);
  return <SlotContext value={value}>{children}</SlotContext>;
}

/** The slot itself: empty (and hidden by CSS) until a panel stack renders a bar into it. */
export function StickySlot() {
  const slot = useContext(SlotContext);
  return <div className="madeto-sticky-slot" ref={slot?.setElement} />;
}

/** The slot element of the nearest widget, or `null` (outside a widget, or not rendered yet). */
export function useStickySlot(): HTMLElement | null {
  return useContext(SlotContext)?.element ?? null;
}
