import { SubmitError } from './SubmitError.ts';
import type { SubmitAdapter } from './types.ts';
import type { OrderPayload } from '../../engine/index.ts';

/** The `detail` of the submit event: the payload, and how the host answers. */
export interface SubmitEventDetail {
  payload: OrderPayload;
  /** The host acknowledges (the payload is stored on its side). */
  respond: (response?: unknown) => void;
  /** The host failed; `retryable: false` drops the payload from the outbox. */
  fail: (message: string, options?: { retryable?: boolean }) => void;
}

/** The default event name of the `event` adapter. */
export const SUBMIT_EVENT = 'madeto-submit';

/**
 * The `event` adapter (orders.md): dispatches a bubbling, composed `CustomEvent` on the widget
 * element; the host answers via `event.detail.respond(...)` or `event.detail.fail(...)`. No answer
 * within `timeoutMs` (default 30 s) is a retryable `no-handler` failure.
 *
 * @example
 * host.addEventListener('madeto-submit', (e) => save(e.detail.payload).then(e.detail.respond));
 * const send = createEventAdapter(widgetElement);
 */
export function createEventAdapter(
  target: EventTarget,
  options: { type?: string; timeoutMs?: number } = {},
): SubmitAdapter {
  const type = options.type ?? SUBMIT_EVENT;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return (payload) =>
    new Promise((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(
        () =>
          settle(() =>
            reject(
              new SubmitError(
                'no-handler',
                `no answer to the '${type}' event within ${timeoutMs} ms`,
              ),
            ),
          ),
        timeoutMs,
      );
      function settle(action: () => void) {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        action();
      }
      const detail: SubmitEventDetail = {
        payload,
        respond: (response) =>
          settle(() => {
            const number = (response as { number?: unknown } | null | undefined)?.number;
            resolve({ ...(typeof number === 'string' && { number }), response });
          }),
        fail: (message, o) =>
          settle(() =>
            reject(new SubmitError(o?.retryable === false ? 'rejected' : 'network', message)),
          ),
      };
      target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    });
}
