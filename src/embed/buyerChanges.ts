/** What the widget does with the events of one element (the inputs that count as the buyer's). */
const BUYER_INPUTS = ['pointerdown', 'keydown', 'click', 'input', 'change'] as const;

/** Tells the buyer's changes apart from the selections a widget merely has. */
export interface BuyerChanges {
  /**
   * Called with every selection the widget reports; true when it is a change by the buyer: the
   * buyer has used the widget since the model loaded, and the selection or its completeness
   * differs from the last one reported.
   */
  changed(selection: Readonly<Record<string, unknown>>, complete: boolean): boolean;
  /** A new model loads: its first selections are not the buyer's changes either. */
  reset(): void;
  /** Stops listening (the widget unmounts). */
  stop(): void;
}

/** The selection and completeness as one string, independent of the order of the keys. */
function fingerprint(selection: Readonly<Record<string, unknown>>, complete: boolean): string {
  const entries = Object.keys(selection)
    .sort()
    .map((key) => [key, selection[key]]);
  return JSON.stringify([entries, complete]);
}

/**
 * Watches the buyer's input inside a widget (pointer, keys, form events in its shadow root), so
 * that `madeto-change` means what it says: the load, a selection restored from the URL or the
 * host's options, the repair of loaded choices that no longer fit, and repeated reports of the same
 * selection (React's StrictMode replays effects) are not changes; what follows the buyer's input
 * and differs from the last selection is.
 *
 * @example
 * const changes = watchBuyerChanges(shadowRoot);
 * onChange = (selection, { complete }) => {
 *   if (changes.changed(selection, complete)) emit(el, 'madeto-change', …);
 * };
 */
export function watchBuyerChanges(root: EventTarget): BuyerChanges {
  let used = false;
  let last: string | undefined;
  const use = () => {
    used = true;
  };
  for (const type of BUYER_INPUTS) root.addEventListener(type, use, { capture: true });
  return {
    changed(selection, complete) {
      const now = fingerprint(selection, complete);
      const changed = used && now !== last;
      last = now;
      return changed;
    },
    reset() {
      used = false;
      last = undefined;
    },
    stop() {
      for (const type of BUYER_INPUTS) root.removeEventListener(type, use, { capture: true });
    },
  };
}
