import { describe, expect, it } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { REP_TOKEN, startServerProcess, tempDb } from './serverProcess.ts';

describe('madeto serve: durability', () => {
  it('keeps every acknowledged order across a SIGKILL and a restart', async () => {
    const db = tempDb();
    const first = await startServerProcess(db);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const keys = Array.from(
      { length: 40 },
      (_, i) => `durable-order-${String(i).padStart(4, '0')}`,
    );
    const acknowledged: string[] = [];
    // Orders in flight while the process is killed: only the acknowledged ones must survive.
    const sends = keys.map(async (key, i) => {
      const r = await fetch(`${first.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(deskOrder(key, 1 + (i % 5), 'order', now)),
      }).catch(() => undefined);
      if (r?.status === 201) acknowledged.push(((await r.json()) as { number: string }).number);
    });
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (acknowledged.length >= 20) {
          clearInterval(poll);
          resolve();
        }
      }, 1);
    });
    await first.stop('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');
    await Promise.all(sends);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    const second = await startServerProcess(db);
    try {
      const r = await fetch(`${second.url}/api/orders?limit=1000`, {
        headers: { authorization: `Bearer ${REP_TOKEN}` },
      });
      const stored = ((await r.json()) as { items: { number: string }[] }).items.map(
        (o) => o.number,
      );
      for (const number of acknowledged) expect(stored).toContain(number);
      // A restarted server still answers a repeat with the first answer.
      const again = await fetch(`${second.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(deskOrder(keys[0]!, 1, 'order', now)),
      });
      expect(again.status).toBe(201);
    } finally {
      await second.stop();
    }
  });
});
