import { describe, expect, it } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { createHttpAdapter } from '../../src/react/submit/httpAdapter.ts';
import { createOutbox } from '../../src/react/submit/outbox.ts';
import { SubmitError } from '../../src/react/submit/SubmitError.ts';
import type { OutboxStorage } from '../../src/react/submit/types.ts';
import { freePort, REP_TOKEN, startServerProcess, tempDb } from './serverProcess.ts';

/** A Web Storage stand-in that outlives outbox instances, as localStorage outlives a page. */
function memoryStorage(): OutboxStorage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const fast = { retries: 1, backoffMs: 1, timeoutMs: 10_000 };

describe('http adapter + outbox against madeto serve', () => {
  it('server down, page reloaded, server up: the order is stored exactly once', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/api/orders`;
    const storage = memoryStorage();
    const p = deskOrder('outbox-http-0001', 2, 'order', now());

    const firstPage = createOutbox({ adapter: createHttpAdapter({ url, ...fast }), storage });
    const error = (await firstPage.submit(p).catch((e: unknown) => e)) as SubmitError;
    expect(error).toBeInstanceOf(SubmitError);
    expect(error.failure).toBe('network');
    expect(firstPage.pending().map((x) => x.idempotencyKey)).toEqual([p.idempotencyKey]);

    const server = await startServerProcess(tempDb(), [], port);
    try {
      const secondPage = createOutbox({ adapter: createHttpAdapter({ url, ...fast }), storage });
      const [outcome] = await secondPage.resume();
      expect(outcome?.state).toBe('sent');
      const number = outcome?.state === 'sent' ? outcome.ack.number : undefined;
      expect(number).toMatch(/^O-/);
      expect(secondPage.pending()).toEqual([]);

      // The acknowledgement was lost on the way: the same payload again gets the same answer.
      const again = await createHttpAdapter({ url, ...fast })(p);
      expect(again.number).toBe(number);
      const list = await fetch(`${server.url}/api/orders`, {
        headers: { authorization: `Bearer ${REP_TOKEN}` },
      });
      const items = ((await list.json()) as { items: { idempotencyKey: string }[] }).items;
      expect(items.filter((o) => o.idempotencyKey === p.idempotencyKey)).toHaveLength(1);

      // A refused order (tampered price) is dropped from the outbox with the server's differences.
      const tampered = { ...deskOrder('outbox-http-0002', 2, 'order', now()) };
      tampered.totals = { ...tampered.totals, total: '1.00' };
      const refused = (await secondPage.submit(tampered).catch((e: unknown) => e)) as SubmitError;
      expect([refused.failure, refused.status]).toEqual(['rejected', 422]);
      expect(JSON.stringify(refused.body)).toContain('$.totals.total');
      expect(secondPage.pending()).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
