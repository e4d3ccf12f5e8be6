/** What can take the focus from the keyboard (enabled, not taken out of the tab order). */
const TABBABLE =
  'button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), ' +
  'textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

const shown = (el: Element) =>
  typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.getClientRects().length > 0;

/**
 * Keeps the keyboard focus inside the widget when the widget itself takes it away: a focused
 * control that becomes disabled or is removed by a re-render (the widget's own controls avoid it; this
 * catches what they miss) would
 * otherwise leave the focus on the page's `<body>`, and a keyboard user starts over from the top
 * of the shop's page. The focus moves to the nearest control still there (searched from the lost
 * control's closest remaining ancestor outwards), or to `container` (made focusable with
 * `tabIndex = -1` then). Focus the visitor moves away (Tab, a click on the page) is left alone.
 * Returns the cleanup.
 *
 * @example
 * const stop = keepFocusInside(shadowRoot, container);
 * stop(); // on unmount
 */
export function keepFocusInside(root: ShadowRoot, container: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onFocusOut = (event: Event) => {
    const lost = event.target;
    if (!(lost instanceof HTMLElement) || (event as FocusEvent).relatedTarget) return;
    // The ancestors as they are now: a removed control is detached by the time we look again.
    const ancestors: Element[] = [];
    for (let p = lost.parentElement; p && container.contains(p); p = p.parentElement)
      ancestors.push(p);
    clearTimeout(timer);
    // After the re-render that took the focus away has been committed.
    timer = setTimeout(() => {
      const taken = !lost.isConnected || lost.matches(':disabled') || !shown(lost);
      const doc = root.host.ownerDocument;
      const nowhere = doc.activeElement === null || doc.activeElement === doc.body;
      if (taken && nowhere && container.isConnected) fallback(ancestors, container).focus();
    }, 0);
  };
  root.addEventListener('focusout', onFocusOut);
  return () => {
    clearTimeout(timer);
    root.removeEventListener('focusout', onFocusOut);
  };
}

function fallback(ancestors: Element[], container: HTMLElement): HTMLElement {
  for (const ancestor of ancestors) {
    if (!ancestor.isConnected) continue;
    for (const candidate of ancestor.querySelectorAll<HTMLElement>(TABBABLE))
      if (shown(candidate)) return candidate;
  }
  // Focusable only from here on: a click on the widget's empty space elsewhere stays a no-op.
  container.tabIndex = -1;
  return container;
}
