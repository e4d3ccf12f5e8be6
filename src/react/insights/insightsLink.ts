import type { BatchSender, InsightReporter } from '../../core/index.ts';
import type { Selection } from '../../engine/index.ts';

/**
 * How a widget reports configuration events (issue 20): the channel, the batch sender, and the
 * reporter of the configuration on screen (set by the widget, so the host's submit wrapper can
 * say that a quote request or an order was acknowledged).
 */
export interface InsightsLink {
  channel: 'shop' | 'rep';
  send: BatchSender;
  /** The widget attaches the reporter of the configuration on screen (`undefined` when it goes). */
  attach: (reporter: InsightReporter | undefined) => void;
  /** A quote request or order of the configuration on screen was acknowledged. */
  submitted: (kind: 'quote-request' | 'order' | 'quote', selection: Selection) => void;
}

/**
 * An insights link for one widget.
 *
 * @example
 * const link = createInsightsLink('shop', createHttpBatchSender('/api/events'));
 */
export function createInsightsLink(channel: 'shop' | 'rep', send: BatchSender): InsightsLink {
  let current: InsightReporter | undefined;
  return {
    channel,
    send,
    attach: (reporter) => {
      current = reporter;
    },
    submitted: (kind, selection) => current?.submitted(kind, selection),
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
