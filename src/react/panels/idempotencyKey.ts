/**
 * A fresh idempotency key (orders.md: one per submission chain): a UUID, also outside secure
 * contexts (plain-http hosts), where `crypto.randomUUID` is missing.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
