import type { EventBatch, EventValue, InsightEvent, Selection } from '../engine/index.ts';
import { dayOf } from '../engine/index.ts';
import type { SessionSnapshot } from './snapshot.ts';

type Body<T extends InsightEvent['type']> = Omit<
  Extract<InsightEvent, { type: T }>,
  'type' | 'at' | 'session' | 'productId' | 'channel'
>;

/**
 * Sends one batch; resolves when it is stored (or refused for good), with what the backend
 * answered when it says more, and rejects to be retried.
 */
export type BatchSender = (
  batch: EventBatch,
  options: { keepalive: boolean },
) => Promise<BatchAnswer | void>;

/** What a backend may say back to a stored batch (Madeto's `POST /api/events` does). */
export interface BatchAnswer {
  /** The shop's idle time (`insights.json`): a configuration left this long is abandoned. */
  idleAbandonMinutes?: number;
}

/** What `createInsightReporter` needs. */
export interface InsightReporterOptions {
  productId: string;
  channel: 'shop' | 'rep';
  send: BatchSender;
  /** The current instant, ISO-8601 (the session's clock). */
  now: () => string;
  /** A fresh random opaque id (8–64 of `A-Za-z0-9_-`) for sessions and batches. */
  randomId: () => string;
  /** Events per batch before it is sent at once (default 20). */
  maxBatch?: number;
  /** Waits before sending a partial batch, and the first retry's wait (default 5 s). */
  delayMs?: number;
  /** Defaults to setTimeout / clearTimeout. */
  timer?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

/** The reporter of one configuration session. */
export interface InsightReporter {
  /** A new session snapshot (after `before`): chosen values, conflicts, completion, the step. */
  observe: (before: SessionSnapshot | undefined, after: SessionSnapshot) => void;
  /** A quote request or order the backend acknowledged. */
  submitted: (kind: 'quote-request' | 'order' | 'quote', selection: Selection) => void;
  /** The buyer leaves (page hidden, widget removed): `abandoned` unless completed; sends now. */
  leave: () => void;
  /** Sends what is queued (resolves when the queue is empty or a send failed). */
  flush: () => Promise<void>;
  /** Batches not yet acknowledged (for tests). */
  pending: () => EventBatch[];
}

/** A selection without text attributes (free text may be personal) and without gaps. */
const reportable = (
  selection: Selection,
  text: ReadonlySet<string>,
): Record<string, EventValue> => {
  const out: Record<string, EventValue> = {};
  for (const [k, v] of Object.entries(selection))
    if (v !== undefined && !text.has(k)) out[k] = (Array.isArray(v) ? [...v] : v) as EventValue;
  return out;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Turns a configurator session into configuration events (issue 20) and sends them in batches:
 * `opened` on the first snapshot, `chosen` for each attribute whose effective value changes,
 * `conflict` when an explained conflict closes (`repaired` if the selection changed, else
 * `reverted`; `unresolved` when the buyer leaves with it open), `completed` the first time the
 * configuration is complete (with the promised calendar days), `quoteRequested`/`ordered` on an
 * acknowledged submission, `abandoned` with the step on leaving before completion. Text
 * attributes are never reported (the solver's selection holds none), nor anything about the
 * buyer. A batch keeps its id across retries, so the backend stores it once.
 *
 * @example
 * const reporter = createInsightReporter({ productId: 'DESK', channel: 'shop', send, now, randomId });
 * session.subscribe(() => { reporter.observe(last, (last = session.getSnapshot())); });
 */
export function createInsightReporter(options: InsightReporterOptions): InsightReporter {
  const maxBatch = options.maxBatch ?? 20;
  const delay = options.delayMs ?? 5_000;
  const timer = options.timer ?? {
    set: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const session = options.randomId();
  const constraintIds = new Set<string>();
  const textAttributes = new Set<string>();
  let queue: InsightEvent[] = [];
  const batches: EventBatch[] = [];
  let sending: Promise<void> | undefined;
  let handle: unknown;
  let failures = 0;
  let opened = false;
  let completed = false;
  let left = false;
  let step: string | undefined;
  let openConflict:
    { attributeId: string; constraintIds: string[]; selection: Selection } | undefined;

  const push = <T extends InsightEvent['type']>(type: T, body: Body<T>) => {
    if (left) return;
    queue.push({
      type,
      at: options.now(),
      session,
      productId: options.productId,
      channel: options.channel,
      ...body,
    } as InsightEvent);
    if (queue.length >= maxBatch) void flush();
    else schedule(delay);
  };
  const schedule = (ms: number) => {
    if (handle !== undefined) return;
    handle = timer.set(() => {
      handle = undefined;
      void flush();
    }, ms);
  };
  const cut = () => {
    while (queue.length > 0) {
      batches.push({ batchId: options.randomId(), events: queue.slice(0, maxBatch) });
      queue = queue.slice(maxBatch);
    }
  };
  const flush = (keepalive = false): Promise<void> => {
    cut();
    if (sending) return sending;
    // Nothing to send: an async body with no await would finish (and clear `sending`) before
    // the assignment below, leaving a settled promise there that would stop every later send.
    if (batches.length === 0) return Promise.resolve();
    sending = (async () => {
      try {
        while (batches.length > 0) {
          await options.send(batches[0]!, { keepalive });
          batches.shift();
          failures = 0;
        }
      } catch {
        failures += 1;
        schedule(Math.min(60_000, delay * 2 ** failures));
      } finally {
        sending = undefined;
      }
    })();
    return sending;
  };
  const closeConflict = (
    resolution: 'repaired' | 'reverted' | 'unresolved',
    selection?: Selection,
  ) => {
    if (!openConflict) return;
    const { attributeId, constraintIds: ids } = openConflict;
    const changed = selection !== undefined && !same(selection, openConflict.selection);
    openConflict = undefined;
    push('conflict', {
      attributeId,
      constraintIds: ids,
      resolution: resolution === 'unresolved' ? resolution : changed ? 'repaired' : 'reverted',
    });
  };

  return {
    observe(before, after) {
      if (!opened) {
        for (const c of after.model.constraints) constraintIds.add(c.id);
        for (const a of after.model.attributes) if (a.type === 'text') textAttributes.add(a.id);
      }
      if (!opened) {
        opened = true;
        push('opened', {});
      }
      step = after.step?.id ?? step;
      const was = before?.effective.solver ?? {};
      const now = after.effective.solver;
      if (openConflict && after.conflict === undefined) closeConflict('repaired', now);
      else
        for (const [attributeId, value] of Object.entries(now))
          if (
            value !== undefined &&
            !textAttributes.has(attributeId) &&
            !same(was[attributeId], value)
          )
            push('chosen', { attributeId, value: value as EventValue });
      const c = after.conflict;
      if (c?.state === 'ready' && !openConflict) {
        const ids = c.explanation.constraints
          .map((k) => k.id)
          .filter((id) => constraintIds.has(id));
        if (ids.length > 0)
          openConflict = { attributeId: c.attribute, constraintIds: ids, selection: now };
      }
      if (after.complete && !completed) {
        completed = true;
        const p = after.promise;
        const delivery = 'result' in p ? p.result.deliveryDate : undefined;
        const days = delivery === undefined ? undefined : dayOf(delivery) - dayOf(after.today);
        push('completed', {
          selection: reportable(now, textAttributes),
          ...(days !== undefined && days >= 0 && { promisedDays: days }),
        });
      }
    },
    submitted(kind, selection) {
      const clean = reportable(selection, textAttributes);
      if (kind === 'order') push('ordered', { selection: clean });
      else push('quoteRequested', { selection: clean });
    },
    leave() {
      if (left) return;
      closeConflict('unresolved');
      if (opened && !completed && step !== undefined) push('abandoned', { step });
      left = true;
      if (handle !== undefined) timer.clear(handle);
      handle = undefined;
      void flush(true);
    },
    flush: () => flush(),
    pending: () => [
      ...batches,
      ...(queue.length > 0 ? [{ batchId: '(queued)', events: queue }] : []),
    ],
  };
}
