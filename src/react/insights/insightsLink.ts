import {
  createInsightReporter,
  type BatchAnswer,
  type BatchSender,
  type InsightReporter,
  type SessionSnapshot,
} from '../../core/index.ts';
import type { Selection } from '../../engine/index.ts';
import { nowInstant } from '../panels/clock.ts';

/** A configurator session as the link reads it (`createSession`'s result is one). */
export interface ObservedSession {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => SessionSnapshot;
}

/**
 * How widgets report configuration events (issue 20): the channel, the batch sender, and one
 * reporter per configuration (a shop widget; a rep's quote line), so the host's submit wrapper
 * can say that a quote request, an order or a saved quote was acknowledged.
 */
export interface InsightsLink {
  channel: 'shop' | 'rep';
  send: BatchSender;
  /**
   * Reports `session` (of `productId`) as configuration `key` until the returned disconnect.
   * The reporter of `key` is made on first use and kept: a widget connected again under the same
   * key (React StrictMode's second effect run; a rep going back to a quote line) carries on with
   * it, so its "opened" and its choices are counted once. A shop widget's disconnect leaves at
   * the next task unless it connects again first; a rep's lines stay until the link is released
   * (`hold`), the page hides, or they sit unchanged and incomplete for the idle time.
   */
  connect: (key: string, productId: string, session: ObservedSession) => () => void;
  /** A quote request or order of the configuration connected last was acknowledged. */
  submitted: (kind: 'quote-request' | 'order' | 'quote', selection: Selection) => void;
  /**
   * Holds the link open while its page part is on screen (a React effect: `useEffect(() =>
   * link.hold(), [link])`); the returned release closes it at the next task unless held again
   * first (StrictMode's second effect run): every configuration leaves, `abandoned` unless it
   * was completed, and what is queued is sent.
   */
  hold: () => () => void;
}

interface Entry {
  productId: string;
  reporter: InsightReporter;
  last: SessionSnapshot | undefined;
  /** The configuration was complete at some point (then idling is not abandoning). */
  completed: boolean;
  leaving?: ReturnType<typeof setTimeout> | undefined;
  idle?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A configuration left this long with no change and never completed counts as abandoned, until
 * the backend's answer to a batch names the shop's own time (`idleAbandonMinutes`, insights.json).
 */
export const IDLE_ABANDON_MS = 30 * 60_000;

/**
 * An insights link for one widget (or one rep's quote editor). A configuration leaves
 * (`abandoned` unless completed) when the page hides, when its widget goes (a shop's, at the next
 * task) or another product opens under its key, when the link is released (a rep's quote editor
 * closed or another quote opened there), and when it sits unchanged for `idleMs` (default 30
 * minutes) without being completed; a change after that starts a new session. When an answer of
 * `send` names the shop's idle minutes (`BatchAnswer`), those count from then on: the waiting
 * configurations' idle time starts again with the new length.
 *
 * @example
 * const link = createInsightsLink('shop', createHttpBatchSender('/api/events'));
 * const disconnect = link.connect('widget-1', 'DESK', session);
 */
export function createInsightsLink(
  channel: 'shop' | 'rep',
  send: BatchSender,
  {
    now = nowInstant,
    randomId = randomOpaqueId,
    idleMs = IDLE_ABANDON_MS,
  }: { now?: () => string; randomId?: () => string; idleMs?: number } = {},
): InsightsLink {
  const entries = new Map<string, Entry>();
  let current: Entry | undefined;
  let closing: ReturnType<typeof setTimeout> | undefined;
  const leave = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    clearTimeout(entry.leaving);
    clearTimeout(entry.idle);
    entries.delete(key);
    if (current === entry) current = undefined;
    entry.reporter.leave();
  };
  // The page hidden for good, or the link released: every configuration leaves.
  const leaveAll = () => [...entries.keys()].forEach(leave);
  const post: BatchSender = (batch, options) =>
    send(batch, options).then((answer) => {
      const ms = (answer?.idleAbandonMinutes ?? 0) * 6e4;
      if (ms > 0 && ms !== idleMs) {
        idleMs = ms;
        entries.forEach((e, key) => e.idle && watchIdle(key, e));
      }
    });
  const entryOf = (key: string, productId: string): Entry => {
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        productId,
        reporter: createInsightReporter({ productId, channel, send: post, now, randomId }),
        last: undefined,
        completed: false,
      };
      entries.set(key, entry);
    }
    return entry;
  };
  const watchIdle = (key: string, entry: Entry) => {
    clearTimeout(entry.idle);
    entry.idle = entry.completed
      ? undefined
      : setTimeout(() => {
          if (entries.get(key) === entry) leave(key);
        }, idleMs);
  };
  return {
    channel,
    send: post,
    connect(key, productId, session) {
      // Added once (the same listener again is ignored).
      if (typeof window !== 'undefined') window.addEventListener('pagehide', leaveAll);
      if (entries.get(key)?.productId !== productId) leave(key);
      let e = entryOf(key, productId);
      // Back before its leaving (StrictMode's second run): it stays.
      clearTimeout(e.leaving);
      current = e;
      const observe = () => {
        // Left while connected (idle): the next change is a new session of this configuration.
        if (entries.get(key) !== e) current = e = entryOf(key, productId);
        const next = session.getSnapshot();
        e.reporter.observe(e.last, next);
        e.last = next;
        e.completed ||= next.complete;
        watchIdle(key, e);
      };
      observe();
      const stop = session.subscribe(observe);
      return () => {
        stop();
        if (current === e) current = undefined;
        if (channel === 'rep') void e.reporter.flush();
        else {
          const gone = e;
          gone.leaving = setTimeout(() => {
            if (entries.get(key) === gone) leave(key);
          }, 0);
        }
      };
    },
    submitted: (kind, selection) => current?.reporter.submitted(kind, selection),
    hold() {
      clearTimeout(closing);
      closing = undefined;
      return () => {
        clearTimeout(closing);
        closing = setTimeout(() => {
          closing = undefined;
          leaveAll();
        }, 0);
      };
    },
  };
}

/**
 * A batch sender that POSTs JSON to `url` (the backend's `POST /api/events`): 2xx is stored, and
 * a 4xx other than 429 is a refusal no resend can fix (dropped, never retried); anything else
 * (network, 5xx, 429) rejects so the reporter retries the same batch id later. `keepalive` lets
 * the last batch leave with a closing page.
 *
 * @example
 * const send = createHttpBatchSender('/api/events');
 */
export function createHttpBatchSender(url: string, doFetch: typeof fetch = fetch): BatchSender {
  return async (batch, { keepalive }) => {
    const r = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(batch),
      keepalive,
      credentials: 'same-origin',
    });
    // The answer may name the shop's idle minutes (the link uses a number above 0 only); an
    // answer that is not JSON names nothing.
    if (r.ok) return (await r.json().catch(() => undefined)) as BatchAnswer | undefined;
    if (r.status >= 400 && r.status < 500 && r.status !== 429) return;
    throw new Error(`${url}: HTTP ${r.status}`);
  };
}

/** A random opaque id (22 characters of `A-Za-z0-9_-`), for sessions and batches. */
export function randomOpaqueId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
