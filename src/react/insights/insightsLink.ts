import {
  createInsightReporter,
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
   * the next task unless it connects again first; a rep's lines stay until the page hides.
   */
  connect: (key: string, productId: string, session: ObservedSession) => () => void;
  /** A quote request or order of the configuration connected last was acknowledged. */
  submitted: (kind: 'quote-request' | 'order' | 'quote', selection: Selection) => void;
  /**
   * A rep's quote was saved: each of its `lines` configured through this link (by `key`) counts
   * as quoted, with the selection saved (a line never configured here has no session to count).
   */
  quoted: (lines: readonly { key: string; selection: Selection }[]) => void;
}

interface Entry {
  productId: string;
  reporter: InsightReporter;
  last: SessionSnapshot | undefined;
  leaving?: ReturnType<typeof setTimeout> | undefined;
}

/**
 * An insights link for one widget (or one rep's quote editor).
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
  }: { now?: () => string; randomId?: () => string } = {},
): InsightsLink {
  const entries = new Map<string, Entry>();
  let current: Entry | undefined;
  let listening = false;
  const leave = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    clearTimeout(entry.leaving);
    entries.delete(key);
    if (current === entry) current = undefined;
    entry.reporter.leave();
  };
  // The page hidden for good: every configuration leaves (`abandoned` unless completed).
  const leaveAll = () => [...entries.keys()].forEach(leave);
  return {
    channel,
    send,
    connect(key, productId, session) {
      if (!listening && typeof window !== 'undefined') {
        window.addEventListener('pagehide', leaveAll);
        listening = true;
      }
      if (entries.get(key)?.productId !== productId) leave(key);
      let entry = entries.get(key);
      if (entry) {
        clearTimeout(entry.leaving);
        entry.leaving = undefined;
      } else {
        entry = {
          productId,
          reporter: createInsightReporter({ productId, channel, send, now, randomId }),
          last: undefined,
        };
        entries.set(key, entry);
      }
      const e = entry;
      current = e;
      const observe = () => {
        const next = session.getSnapshot();
        e.reporter.observe(e.last, next);
        e.last = next;
      };
      observe();
      const stop = session.subscribe(observe);
      return () => {
        stop();
        if (current === e) current = undefined;
        if (channel === 'rep') void e.reporter.flush();
        else e.leaving = setTimeout(() => leave(key), 0);
      };
    },
    submitted: (kind, selection) => current?.reporter.submitted(kind, selection),
    quoted(lines) {
      for (const { key, selection } of lines)
        entries.get(key)?.reporter.submitted('quote', selection);
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
    if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 429)) return;
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
