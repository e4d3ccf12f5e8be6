/**
 * The `madeto-*` events the widget dispatches on its element (bubbles + composed). Every `detail`
 * carries `version: 1`; new fields may be added, existing ones keep their meaning.
 */
export const EVENT_DETAIL_VERSION = 1;

/**
 * The host element's attribute that says where the widget is: absent (the loader has not run),
 * `loading` (the app is on its way or the widget is loading its model), `ready` (usable, as
 * `madeto-ready`), `failed` (the app, the polyfill, the model or the options failed: the widget
 * has nothing to reserve space for). A page's CSS reserves the widget's height from its first
 * paint with
 * `madeto-configurator:not([data-madeto-state=ready]):not([data-madeto-state=failed])`.
 */
export const STATE_ATTRIBUTE = 'data-madeto-state';

/**
 * What a `madeto-error` is about: `options` (a bad attribute, JSON child or JS option), `model`
 * (the model could not be loaded or is invalid), `engine` (the model could not be compiled, or
 * no configuration of it is valid),
 * `polyfill` (the Temporal polyfill, needed by this browser, did not load), `app` (the app file
 * did not load; sent by the loader, `Madeto.load()` tries again), `submit` (a quote request
 * failed), `host-callback` (the host's callback threw; the widget carries on).
 */
export type MadetoErrorCode =
  'options' | 'model' | 'engine' | 'polyfill' | 'app' | 'submit' | 'host-callback';

/** The `detail` of each event, by event name. */
export interface MadetoEventMap {
  /**
   * The widget is usable: its model loaded, the engine ready and the first choices on screen (in
   * rep mode: the quote editor rendered). Once per model load; a model that cannot be loaded fires
   * `madeto-error` (`code: 'model'` or `'engine'`) instead.
   */
  'madeto-ready': {
    version: 1;
    /** The element's tag name. */
    element: string;
    mode: 'buyer' | 'rep';
    /** The loaded model's id and version. */
    model: { id: string; version: string };
    /** Where the engine runs: on the page or in a Web Worker (`null` in rep mode). */
    engine: 'page' | 'worker' | null;
  };
  /** The effective selection changed. */
  'madeto-change': { version: 1; selection: Record<string, unknown>; complete: boolean };
  /** The price changed (decimal strings; `state`: incomplete, valid or approval-required). */
  'madeto-price': {
    version: 1;
    state: 'incomplete' | 'valid' | 'approval-required';
    currency: string;
    subtotal: string;
    tax: string;
    total: string;
    approvalRequired: boolean;
  };
  /** The delivery promise changed (`YYYY-MM-DD` dates; `null` when there is none). */
  'madeto-promise': {
    version: 1;
    state: 'incomplete' | 'valid' | 'unavailable';
    status: 'ok' | 'unavailable';
    deliveryDate: string | null;
    shipDate: string | null;
  };
  /** A quote request is being sent (before the adapter is called). */
  'madeto-submit': { version: 1; payload: unknown };
  /** The adapter acknowledged the submission. */
  'madeto-submitted': { version: 1; payload: unknown; response: unknown };
  /** Something failed; `message` names what and where (see `MadetoErrorCode`). */
  'madeto-error': {
    version: 1;
    code: MadetoErrorCode;
    message: string;
    /** With `code: 'options'`: the option at fault, e.g. `theme` or `rep.token`. */
    option?: string;
  };
}

/** The names of the widget's events. */
export type MadetoEventName = keyof MadetoEventMap;

/**
 * Dispatches a `madeto-*` event; a listener that throws cannot break the widget (the browser
 * reports listener errors itself, and the dispatch is guarded anyway).
 */
export function emit<K extends MadetoEventName>(
  target: EventTarget,
  name: K,
  detail: MadetoEventMap[K],
): void {
  try {
    target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  } catch {
    // a listener threw synchronously in an environment that rethrows: the widget goes on
  }
}

/** Calls a host callback; if it throws, reports a `madeto-error` instead of breaking the widget. */
export function callHost<A extends unknown[]>(
  target: EventTarget,
  name: string,
  callback: ((...args: A) => unknown) | undefined,
  ...args: A
): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    emit(target, 'madeto-error', {
      version: EVENT_DETAIL_VERSION,
      code: 'host-callback',
      message: `the host's ${name} callback threw: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
