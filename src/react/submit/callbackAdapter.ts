import { SubmitError } from './SubmitError.ts';
import type { SubmitAdapter } from './types.ts';
import type { OrderPayload } from '../../engine/index.ts';

/**
 * The `callback` adapter (orders.md): the host's own async function sends the payload. Whatever it
 * resolves with is the acknowledgement; a thrown `SubmitError` is passed on as is, any other error
 * is treated as a retryable network failure (the outbox keeps the payload).
 *
 * @example
 * const send = createCallbackAdapter(async (payload) => myApi.createOrder(payload));
 */
export function createCallbackAdapter(
  callback: (payload: OrderPayload, signal?: AbortSignal) => Promise<unknown>,
): SubmitAdapter {
  return async (payload, signal) => {
    try {
      const response = await callback(payload, signal);
      const number = (response as { number?: unknown } | null)?.number;
      return { ...(typeof number === 'string' && { number }), response };
    } catch (error) {
      if (error instanceof SubmitError) throw error;
      throw new SubmitError(
        'network',
        `the host's submit function failed: ${(error as Error)?.message ?? String(error)}`,
      );
    }
  };
}
