import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPayload } from '../../src/engine/orders/schema.ts';
import {
  createCallbackAdapter,
  createEventAdapter,
  createHttpAdapter,
  createOutbox,
  SubmitError,
  useSubmitOrder,
  type ResumeOutcome,
} from '../../src/react/submit/index.ts';
import { cleanup, render } from './render.tsx';
import { outboxPayload } from './outboxPayload.ts';

afterEach(cleanup);

const payload = (key: string): OrderPayload => outboxPayload(key);

const unique = () => `k-${crypto.randomUUID()}`;

/** A host backend with a switchable network: counts what it stored, by idempotency key. */
function host() {
  const stored = new Map<string, number>();
  const state = { online: false, calls: 0 };
  const send = async (p: OrderPayload) => {
    state.calls++;
    if (!state.online) throw new TypeError('Failed to fetch');
    stored.set(p.idempotencyKey, (stored.get(p.idempotencyKey) ?? 0) + 1);
    return { number: `O-${stored.size}` };
  };
  return { stored, state, send };
}

const storedKeys = (ns: string) =>
  Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).filter((k) =>
    k.startsWith(`madeto:outbox:${ns}:`),
  );

describe('outbox (real localStorage)', () => {
  it('network fails, the page reloads, the order is sent exactly once', async () => {
    const ns = unique();
    const backend = host();
    const p = payload(unique());
    const firstPage = createOutbox({
      adapter: createCallbackAdapter(backend.send),
      storage: localStorage,
      namespace: ns,
    });
    const error = await firstPage.submit(p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitError);
    expect((error as SubmitError).retryable).toBe(true);
    expect(storedKeys(ns)).toEqual([`madeto:outbox:${ns}:${p.idempotencyKey}`]);
    expect(backend.stored.size).toBe(0);

    // A reload: a new outbox over the same storage, the network is back.
    backend.state.online = true;
    const secondPage = createOutbox({
      adapter: createCallbackAdapter(backend.send),
      storage: localStorage,
      namespace: ns,
    });
    const outcomes = await secondPage.resume();
    expect(outcomes.map((o) => [o.key, o.state])).toEqual([[p.idempotencyKey, 'sent']]);
    expect(storedKeys(ns)).toEqual([]);

    // Another reload: nothing is left to send.
    const thirdPage = createOutbox({
      adapter: createCallbackAdapter(backend.send),
      storage: localStorage,
      namespace: ns,
    });
    expect(await thirdPage.resume()).toEqual([]);
    expect([...backend.stored]).toEqual([[p.idempotencyKey, 1]]);
  });

  it('one send at a time per key in a page: a resume during a submit does not send twice', async () => {
    const ns = unique();
    const backend = host();
    backend.state.online = true;
    const outbox = createOutbox({
      adapter: createCallbackAdapter(backend.send),
      storage: localStorage,
      namespace: ns,
    });
    const p = payload(unique());
    const [ack] = await Promise.all([outbox.submit(p), outbox.resume()]);
    expect(ack.number).toBe('O-1');
    expect(backend.state.calls).toBe(1);
    expect(storedKeys(ns)).toEqual([]);
  });

  it.each([
    ['a refusal (rejected) is dropped', false, 0],
    ['a failure (retryable) is kept', true, 1],
  ])('%s', async (_, retryable, kept) => {
    const ns = unique();
    const outbox = createOutbox({
      adapter: createCallbackAdapter(async () => {
        throw new SubmitError(retryable ? 'server' : 'rejected', 'no');
      }),
      storage: localStorage,
      namespace: ns,
    });
    await expect(outbox.submit(payload(unique()))).rejects.toBeInstanceOf(SubmitError);
    expect(storedKeys(ns)).toHaveLength(kept);
    expect(outbox.pending()).toHaveLength(kept);
  });
});

describe('http adapter (real fetch)', () => {
  it('retries a real network failure with backoff, then keeps the order in the outbox', async () => {
    const ns = unique();
    let attempts = 0;
    const waits: number[] = [];
    const outbox = createOutbox({
      adapter: createHttpAdapter({
        url: 'http://127.0.0.1:9/api/orders', // nothing listens on the discard port
        retries: 2,
        backoffMs: 10,
        timeoutMs: 5000,
        fetch: (input, init) => {
          attempts++;
          return fetch(input, init);
        },
        sleep: async (ms) => void waits.push(ms),
      }),
      storage: localStorage,
      namespace: ns,
    });
    const p = payload(unique());
    const error = (await outbox.submit(p).catch((e: unknown) => e)) as SubmitError;
    expect(error.failure).toBe('network');
    expect(attempts).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(outbox.pending().map((x) => x.idempotencyKey)).toEqual([p.idempotencyKey]);
  });
});

describe('event adapter', () => {
  it('the host answers through event.detail.respond', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    const seen: string[] = [];
    document.body.addEventListener('madeto-submit', (e) => {
      const detail = (e as CustomEvent).detail;
      seen.push(detail.payload.idempotencyKey);
      detail.respond({ number: 'Q-7' });
    });
    const p = payload(unique());
    const ack = await createEventAdapter(element)(p);
    expect(ack.number).toBe('Q-7');
    expect(seen).toEqual([p.idempotencyKey]);
  });
  it('no answer is a retryable no-handler failure', async () => {
    const element = document.createElement('div');
    const error = (await createEventAdapter(element, { timeoutMs: 20 })(payload(unique())).catch(
      (e: unknown) => e,
    )) as SubmitError;
    expect([error.failure, error.retryable]).toEqual(['no-handler', true]);
  });
});

describe('useSubmitOrder', () => {
  it('resumes what an earlier page left in the outbox on mount, once', async () => {
    const ns = unique();
    const backend = host();
    const p = payload(unique());
    await createOutbox({
      adapter: createCallbackAdapter(backend.send),
      storage: localStorage,
      namespace: ns,
    })
      .submit(p)
      .catch(() => undefined);
    backend.state.online = true;
    const resumed: ResumeOutcome[][] = [];
    function Probe() {
      const submit = useSubmitOrder({
        adapter: createCallbackAdapter(backend.send),
        namespace: ns,
        onResumed: (o) => resumed.push(o),
      });
      return <output>{submit.status}</output>;
    }
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Probe />
      </QueryClientProvider>,
    );
    await expect.poll(() => resumed.length).toBe(1);
    expect(resumed[0]!.map((o) => o.state)).toEqual(['sent']);
    expect([...backend.stored]).toEqual([[p.idempotencyKey, 1]]);
    expect(storedKeys(ns)).toEqual([]);
  });
});
