import type { OutboxStorage } from './types.ts';

/**
 * Where an outbox keeps its entries: every key of its storage that starts with this prefix, one
 * per namespace (several widgets on one origin keep separate outboxes).
 *
 * @example
 * outboxPrefix('madeto:DESK'); // 'madeto:outbox:madeto:DESK:'
 */
export function outboxPrefix(namespace: string | undefined): string {
  return `madeto:outbox:${namespace ?? 'default'}:`;
}

/**
 * The idempotency keys an outbox has stored under `prefix` (without it): what a page left unsent.
 * Reads the storage's keys only, never an entry.
 *
 * @example
 * storedKeys(localStorage, outboxPrefix('madeto:DESK')); // ['4f1c…'] after a failed send
 */
export function storedKeys(storage: OutboxStorage | undefined, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; storage && i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(prefix)) keys.push(k.slice(prefix.length));
  }
  return keys;
}
