import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../../src/react/submit/httpAdapter.ts';
import { SubmitError } from '../../../src/react/submit/SubmitError.ts';
import { deskOrder } from '../../engine/orders/orderFixture.ts';

/** A real HTTP server answering with the scripted statuses in turn; records what it received. */
async function scripted(statuses: number[], headers: Record<string, string> = {}) {
  const seen: { key: string | undefined; custom: string | undefined; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({
        key: req.headers['idempotency-key'] as string | undefined,
        custom: req.headers['x-shop'] as string | undefined,
        body,
      });
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)]!;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(
        JSON.stringify(
          status < 300 ? { number: 'O-1' } : { error: { code: 'X', message: `status ${status}` } },
        ),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/orders`,
    seen,
  };
}
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const payload = deskOrder('http-adapter-0001');

describe('http adapter', () => {
  // statuses in turn → attempts made, outcome
  const cases: [string, number[], number, 'ok' | SubmitError['failure']][] = [
    ['201 at once', [201], 1, 'ok'],
    ['503 then 201: retried', [503, 201], 2, 'ok'],
    ['500 500 500 500: gives up after 3 retries', [500], 4, 'server'],
    ['429 then 201: retried', [429, 201], 2, 'ok'],
    ['400: never retried', [400], 1, 'rejected'],
    ['422: never retried', [422], 1, 'rejected'],
    ['409: never retried', [409], 1, 'rejected'],
  ];
  it.each(cases)('%s', async (_, statuses, attempts, outcome) => {
    const server = await scripted(statuses);
    const waits: number[] = [];
    const send = createHttpAdapter({
      url: server.url,
      headers: { 'X-Shop': 'acme' },
      backoffMs: 100,
      sleep: async (ms) => void waits.push(ms),
    });
    const result = await send(payload).then(
      (ack) => ack,
      (e: unknown) => e,
    );
    expect(server.seen).toHaveLength(attempts);
    expect(waits).toHaveLength(attempts - 1);
    for (const s of server.seen) {
      expect(s.key).toBe(payload.idempotencyKey);
      expect(s.custom).toBe('acme');
      expect(JSON.parse(s.body)).toEqual(payload);
    }
    if (outcome === 'ok') expect(result).toMatchObject({ number: 'O-1' });
    else expect((result as SubmitError).failure).toBe(outcome);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const server = await scripted([429, 201], { 'retry-after': '2' });
    const waits: number[] = [];
    await createHttpAdapter({ url: server.url, sleep: async (ms) => void waits.push(ms) })(payload);
    expect(waits).toEqual([2000]);
  });

  it('times out an attempt that gets no answer, and retries it', async () => {
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    servers.push(silent);
    const url = `http://127.0.0.1:${(silent.address() as { port: number }).port}/`;
    const error = (await createHttpAdapter({
      url,
      timeoutMs: 50,
      retries: 1,
      sleep: async () => undefined,
    })(payload).catch((e: unknown) => e)) as SubmitError;
    silent.closeAllConnections();
    expect([error.failure, error.retryable]).toEqual(['timeout', true]);
  });
});
