import { parseOrderPayload, type OrderPayload } from '../../engine/index.ts';
import { outboxPrefix, storedKeys } from './outboxStorage.ts';
import { SubmitError } from './SubmitError.ts';
import type { OutboxStorage, SubmitAck, SubmitAdapter } from './types.ts';

/** One stored submission. `lease` marks a send in progress by one tab (until the instant, ms). */
interface OutboxEntry {
  payload: OrderPayload;
  storedAt: number;
  attempts: number;
  lease?: { owner: string; until: number };
}

/** What became of one resumed submission. */
export type ResumeOutcome =
  | { key: string; state: 'sent'; ack: SubmitAck }
  | { key: string; state: 'kept'; error: SubmitError }
  | { key: string; state: 'dropped'; error: SubmitError }
  | { key: string; state: 'busy' };

/** Options of `createOutbox`. */
export interface OutboxOptions {
  adapter: SubmitAdapter;
  storage?: OutboxStorage | undefined;
  /** Separates the outboxes of several widgets on one origin. */
  namespace?: string;
  /** How long a tab owns a send before another tab may take it over (default 60 s). */
  leaseMs?: number;
  /** The clock in ms (default Date.now). */
  now?: () => number;
}

/** The outbox of a widget: every submission goes through it. */
export interface Outbox {
  /** Stores the payload, then sends it; resolves on acknowledgement, rejects with a `SubmitError`. */
  submit: (payload: OrderPayload) => Promise<SubmitAck>;
  /** Sends every stored payload again with its own idempotency key (on load, when back online). */
  resume: () => Promise<ResumeOutcome[]>;
  /** The payloads stored and not yet acknowledged. */
  pending: () => OrderPayload[];
}

/** Sends in progress in this page, so `submit` and `resume` never send one key twice at once. */
const inFlight = new Map<string, Promise<SubmitAck>>();
const tabId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * The outbox (orders.md): a payload is stored (localStorage) before it is sent and removed only when
 * the backend acknowledges it — or refuses it for good (a 4xx `rejected`, which no resend can fix).
 * A network failure, a closed tab or a crash leaves it stored; `resume()` (on the next load) sends
 * it again with the same idempotency key, so the backend stores it once. Tabs of one origin share
 * the outbox; a short lease keeps two tabs from sending the same entry at the same time, and the
 * backend's idempotency makes a rare double send harmless.
 *
 * @example
 * const outbox = createOutbox({ adapter: createHttpAdapter({ url: '/api/orders' }), storage: localStorage });
 * void outbox.resume(); // on load
 * await outbox.submit(payload); // { number: 'O-2026-000042', … }
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const storage = options.storage;
  const prefix = outboxPrefix(options.namespace);
  const leaseMs = options.leaseMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  const memory = new Map<string, OutboxEntry>(); // when storage is absent or full

  const read = (key: string): OutboxEntry | undefined => {
    const text = storage?.getItem(prefix + key);
    if (text === null || text === undefined) return memory.get(key);
    try {
      const entry = JSON.parse(text) as OutboxEntry;
      const parsed = parseOrderPayload(entry.payload);
      return parsed.ok ? { ...entry, payload: parsed.payload } : undefined;
    } catch {
      return undefined;
    }
  };
  const write = (key: string, entry: OutboxEntry): void => {
    try {
      if (!storage) throw new Error('no storage');
      storage.setItem(prefix + key, JSON.stringify(entry));
      memory.delete(key);
    } catch {
      memory.set(key, entry); // storage full or blocked: still send, without surviving a reload
    }
  };
  const remove = (key: string): void => {
    storage?.removeItem(prefix + key);
    memory.delete(key);
  };
  const keys = (): string[] => [...new Set([...memory.keys(), ...storedKeys(storage, prefix)])];

  const send = (key: string, payload: OrderPayload): Promise<SubmitAck> => {
    const running = inFlight.get(prefix + key);
    if (running) return running;
    const attempt = (async () => {
      const entry = read(key) ?? { payload, storedAt: now(), attempts: 0 };
      write(key, {
        ...entry,
        attempts: entry.attempts + 1,
        lease: { owner: tabId, until: now() + leaseMs },
      });
      try {
        const ack = await options.adapter(payload);
        remove(key);
        return ack;
      } catch (error) {
        const e =
          error instanceof SubmitError
            ? error
            : new SubmitError('network', (error as Error)?.message ?? String(error));
        if (e.retryable) {
          const current = read(key);
          if (current)
            write(key, {
              payload: current.payload,
              storedAt: current.storedAt,
              attempts: current.attempts,
            });
        } else remove(key);
        throw e;
      }
    })();
    inFlight.set(prefix + key, attempt);
    void attempt.then(
      () => inFlight.delete(prefix + key),
      () => inFlight.delete(prefix + key),
    );
    return attempt;
  };

  return {
    submit: (payload) => {
      const key = payload.idempotencyKey;
      if (!read(key)) write(key, { payload, storedAt: now(), attempts: 0 });
      return send(key, payload);
    },
    resume: async () => {
      const results: ResumeOutcome[] = [];
      for (const key of keys()) {
        const entry = read(key);
        if (!entry) {
          remove(key); // unreadable (an older payload version): it can never be sent as is
          continue;
        }
        if (
          entry.lease &&
          entry.lease.owner !== tabId &&
          entry.lease.until > now() &&
          !inFlight.has(prefix + key)
        ) {
          results.push({ key, state: 'busy' });
          continue;
        }
        try {
          results.push({ key, state: 'sent', ack: await send(key, entry.payload) });
        } catch (error) {
          const e = error as SubmitError;
          results.push({ key, state: e.retryable ? 'kept' : 'dropped', error: e });
        }
      }
      return results;
    },
    pending: () => keys().flatMap((k) => read(k)?.payload ?? []),
  };
}
