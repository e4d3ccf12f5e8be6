import { SubmitError } from './SubmitError.ts';
import type { SubmitAdapter } from './types.ts';

/** Options of the `http` adapter. */
export interface HttpAdapterOptions {
  /** Where to POST (e.g. `https://shop.example/api/orders`). */
  url: string;
  /** Extra headers (e.g. an API key); `Content-Type` and `Idempotency-Key` are set. */
  headers?: Record<string, string>;
  /** Per attempt; default 10 s. */
  timeoutMs?: number;
  /** Attempts after the first for network errors, timeouts, 5xx and 429; default 3. */
  retries?: number;
  /** The first backoff; doubled each retry, with jitter; default 500 ms. */
  backoffMs?: number;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Defaults to setTimeout; tests may pass a faster clock. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function messageOf(body: unknown, status: number): string {
  const m = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof m === 'string' ? m : `HTTP ${status}`;
}

/**
 * The `http` adapter (orders.md): POSTs the payload as JSON with an `Idempotency-Key` header, a
 * timeout per attempt, and retries with exponential backoff on network errors, timeouts, 5xx and
 * 429 (honouring `Retry-After` seconds) — never on another 4xx, which is a final `rejected`.
 *
 * @example
 * const send = createHttpAdapter({ url: '/api/orders', headers: { 'X-Shop': 'acme' } });
 * await send(payload); // { number: 'O-2026-000042', response: { … } }
 */
export function createHttpAdapter(options: HttpAdapterOptions): SubmitAdapter {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? defaultSleep;
  const retries = options.retries ?? 3;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const backoff = options.backoffMs ?? 500;

  return async (payload, signal) => {
    let last: SubmitError | undefined;
    let retryAfterMs: number | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0)
        await sleep(retryAfterMs ?? backoff * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
      retryAfterMs = undefined;
      if (signal?.aborted) throw new SubmitError('network', 'the submission was cancelled');
      const timeout = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            ...options.headers,
            'Content-Type': 'application/json',
            'Idempotency-Key': payload.idempotencyKey,
          },
          body: JSON.stringify(payload),
          signal: combined,
        });
      } catch (error) {
        last = timeout.aborted
          ? new SubmitError('timeout', `${options.url}: no answer within ${timeoutMs} ms`)
          : new SubmitError('network', `${options.url}: ${(error as Error).message}`);
        if (signal?.aborted) throw last;
        continue;
      }
      const body = await readBody(response).catch(() => undefined);
      if (response.ok) {
        const number = (body as { number?: unknown } | null)?.number;
        return { ...(typeof number === 'string' && { number }), response: body };
      }
      const status = response.status;
      if (status === 429 || status >= 500) {
        last = new SubmitError(
          'server',
          `${options.url}: ${messageOf(body, status)}`,
          status,
          body,
        );
        const after = Number(response.headers.get('retry-after'));
        if (status === 429 && Number.isFinite(after) && after > 0)
          retryAfterMs = Math.min(after, 60) * 1000;
        continue;
      }
      throw new SubmitError('rejected', messageOf(body, status), status, body);
    }
    throw last ?? new SubmitError('network', `${options.url}: not sent`);
  };
}
