import type { OrderPayload } from '../../engine/index.ts';

/** The backend's acknowledgement: the payload is stored (e.g. the server's 201 answer). */
export interface SubmitAck {
  /** The backend's order or quote number, when it gives one. */
  number?: string;
  /** The whole answer, as the backend sent it. */
  response: unknown;
}

/**
 * Sends one payload to a backend; resolves only when the backend acknowledged it, rejects with a
 * `SubmitError` otherwise. Must be safe to call again with the same payload (same idempotency key).
 */
export type SubmitAdapter = (payload: OrderPayload, signal?: AbortSignal) => Promise<SubmitAck>;

/** The part of the Web Storage API the outbox uses (localStorage, or a stand-in). */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
