/** Why a submission failed: the network (retryable), the backend refused it (final), or a timeout. */
export type SubmitFailure = 'network' | 'timeout' | 'server' | 'rejected' | 'no-handler';

/**
 * A failed submission. `retryable` failures (network, timeout, 5xx, 429, no host handler) keep the
 * payload in the outbox for the next attempt; a `rejected` one (4xx: invalid selection, price
 * changed, key reused) removes it — sending it again would be refused again.
 */
export class SubmitError extends Error {
  constructor(
    readonly failure: SubmitFailure,
    message: string,
    readonly status?: number,
    /** The backend's answer (e.g. `{ error: { code, message, differences } }`). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'SubmitError';
  }

  /** Whether sending the same payload again may succeed. */
  get retryable(): boolean {
    return this.failure !== 'rejected';
  }
}
