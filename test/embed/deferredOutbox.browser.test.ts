// The shop app's outbox comes with the quote form's file: a page with nothing left unsent never
// fetches it to resume, a page with something stored fetches it once and resends it (real
// localStorage, the real outbox as the file's), and a file that fails is a retryable failure.
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderPayload } from '../../src/engine/index.ts';
import { deferredOutbox, type CreateOutbox } from '../../src/embed/form/deferredOutbox.ts';
import { createOutbox } from '../../src/react/submit/outbox.ts';
import { SubmitError } from '../../src/react/submit/SubmitError.ts';
import { outboxPayload } from '../react/outboxPayload.ts';

const payload = (key: string): OrderPayload => outboxPayload(key, 'quote-request');

const namespace = () => `deferred-${crypto.randomUUID()}`;
const first = `key-${crypto.randomUUID()}`;
const second = `key-${crypto.randomUUID()}`;

/** The quote form's file as the stand-in sees it: counts the loads, fails while told to. */
function file() {
  const state = { loads: 0, failing: false };
  const load = (): Promise<CreateOutbox> => {
    state.loads++;
    return state.failing
      ? Promise.reject(new Error('the quote form file could not be loaded'))
      : Promise.resolve(createOutbox);
  };
  return { state, load };
}

/** A backend that stores what it gets (by idempotency key) while online, else fails to connect. */
function backend() {
  const stored: string[] = [];
  const state = { online: true };
  const adapter = async (p: OrderPayload) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    stored.push(p.idempotencyKey);
    return { number: `Q-${stored.length}`, response: {} };
  };
  return { stored, state, adapter };
}

const keysOf = (ns: string) =>
  Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)!).filter((k) =>
    k.startsWith(`madeto:outbox:${ns}:`),
  );

afterEach(() => localStorage.clear());

describe('the outbox of the shop app (from the quote form file)', () => {
  it('nothing stored: resume answers at once without fetching the file, pending is empty', async () => {
    const { state, load } = file();
    const outbox = deferredOutbox(
      { adapter: backend().adapter, storage: localStorage, namespace: namespace() },
      load,
    );
    expect(await outbox.resume()).toEqual([]);
    expect(outbox.pending()).toEqual([]);
    expect(state.loads).toBe(0);
  });

  it('a payload an earlier page left unsent: resume fetches the file once and sends it', async () => {
    const ns = namespace();
    const host = backend();
    host.state.online = false;
    // The earlier page: its send fails, the payload stays stored.
    const earlier = deferredOutbox(
      { adapter: host.adapter, storage: localStorage, namespace: ns },
      file().load,
    );
    await expect(earlier.submit(payload(first))).rejects.toMatchObject({ failure: 'network' });
    expect(keysOf(ns)).toEqual([`madeto:outbox:${ns}:${first}`]);
    // The next page, online again.
    host.state.online = true;
    const { state, load } = file();
    const outbox = deferredOutbox(
      { adapter: host.adapter, storage: localStorage, namespace: ns },
      load,
    );
    expect(() => outbox.pending()).toThrow(/has not run yet/);
    const outcomes = await outbox.resume();
    expect(outcomes).toEqual([{ key: first, state: 'sent', ack: { number: 'Q-1', response: {} } }]);
    expect(host.stored).toEqual([first]);
    expect(keysOf(ns)).toEqual([]);
    expect(outbox.pending()).toEqual([]);
    expect(await outbox.resume()).toEqual([]);
    expect(state.loads).toBe(1);
  });

  it('a file that does not load: a retryable SubmitError, and the next send loads it and sends', async () => {
    const ns = namespace();
    const host = backend();
    const { state, load } = file();
    state.failing = true;
    const outbox = deferredOutbox(
      { adapter: host.adapter, storage: localStorage, namespace: ns },
      load,
    );
    const failed = await outbox.submit(payload(second)).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SubmitError);
    expect(failed).toMatchObject({
      failure: 'network',
      retryable: true,
      message: 'the quote form file could not be loaded',
    });
    expect(host.stored).toEqual([]);
    state.failing = false;
    expect(await outbox.submit(payload(second))).toEqual({ number: 'Q-1', response: {} });
    expect(host.stored).toEqual([second]);
    expect(keysOf(ns)).toEqual([]);
    expect(state.loads).toBe(2);
  });
});
