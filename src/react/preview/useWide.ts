import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The widget's two-column width: the container query of `.madeto-layout` in madeto.css
 * (`min-width: 720px` of the `.madeto` container). The picture sits in the sticky summary column
 * on a wide slot and above the options on a narrow one; CSS alone cannot move it between the two
 * without breaking the reading order, so the layout is measured (before paint: no jump).
 */
export const WIDE_SLOT_PX = 720;

/** Whether the element's container is at least `WIDE_SLOT_PX` wide; follows resizes. */
export function useWide(ref: RefObject<HTMLElement | null>): boolean {
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current?.closest('.madeto') ?? ref.current;
    if (!el) return;
    const measure = () => setWide(el.getBoundingClientRect().width >= WIDE_SLOT_PX);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return wide;
}
