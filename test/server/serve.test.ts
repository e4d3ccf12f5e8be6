import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import type { OrderPayload } from '../../src/engine/orders/schema.ts';
import {
  REP_TOKEN,
  SHOP_ORIGIN,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from './serverProcess.ts';

/** Payloads priced for today (the server accepts prices of yesterday, today and tomorrow, UTC). */
const order = (key: string, quantity = 3): OrderPayload =>
  deskOrder(key, quantity, 'order', new Date().toISOString().replace(/\.\d+Z$/, 'Z'));

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(tempDb());
}, 30_000);
afterAll(async () => {
  await server?.stop();
});

const post = (path: string, body: string | object, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const asRep = { authorization: `Bearer ${REP_TOKEN}` };
const listOrders = async () => {
  const r = await fetch(`${server.url}/api/orders?limit=1000`, { headers: asRep });
  expect(r.status).toBe(200);
  return ((await r.json()) as { items: { idempotencyKey: string; number: string }[] }).items;
};

describe('madeto serve: orders', () => {
  it('accepts a valid order: 201 with its number, listed once', async () => {
    const p = order('valid-order-0001');
    const r = await post('/api/orders', p, { 'idempotency-key': p.idempotencyKey });
    expect(r.status).toBe(201);
    const body = (await r.json()) as { number: string; totals: unknown; status: string };
    expect(body).toMatchObject({ status: 'accepted', totals: p.totals });
    expect(body.number).toMatch(/^O-\d{4}-\d{6}$/);
    expect((await listOrders()).filter((o) => o.idempotencyKey === p.idempotencyKey)).toHaveLength(
      1,
    );
  });

  const tampered: [string, (p: any) => void, string][] = [
    ['a lower total', (p) => (p.totals.total = '1.00'), '$.totals.total'],
    ['a lower unit price', (p) => (p.lines[0].price.unit = '10.00'), '$.lines[0].price.unit'],
    [
      'an invalid selection',
      (p) => (p.lines[0].selection.frame = 'gold'),
      '$.lines[0].selection.frame',
    ],
    ['a stale model', (p) => (p.model.version = '2020-01-01'), '$.model.version'],
  ];
  it.each(tampered)('refuses %s: 422 naming the path, nothing stored', async (name, edit, path) => {
    const p = order(`tampered-${name.replace(/\W/g, '-')}`);
    edit(p);
    const r = await post('/api/orders', p);
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { code: string; differences: { path: string }[] } };
    expect(body.error.code).toBe('ORDER_REJECTED');
    expect(body.error.differences.map((d) => d.path)).toContain(path);
    expect((await listOrders()).some((o) => o.idempotencyKey === p.idempotencyKey)).toBe(false);
  });

  it('answers a replay with the first answer and stores one row; another body is a 409', async () => {
    const p = order('replayed-order-0001');
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/orders', p)));
    const again = await post('/api/orders', p);
    const bodies = await Promise.all([...answers, again].map((r) => r.text()));
    expect([...answers, again].map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(bodies).size).toBe(1);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await listOrders()).filter((o) => o.idempotencyKey === p.idempotencyKey)).toHaveLength(
      1,
    );

    const other = { ...p, customer: { ...p.customer, name: 'Someone Else' } };
    const conflict = await post('/api/orders', other);
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { code: string } }).error.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  const bad: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON', () => post('/api/orders', '{"kind": "order",'), 400, 'MALFORMED_JSON'],
    [
      'an oversized body',
      () => post('/api/orders', { pad: 'x'.repeat(300_000) }),
      413,
      'BODY_TOO_LARGE',
    ],
    ['a JSON array', () => post('/api/orders', '[1,2]'), 400, 'BODY_NOT_OBJECT'],
    [
      'a payload of the wrong shape',
      () => post('/api/orders', { payloadVersion: 9 }),
      400,
      'PAYLOAD_INVALID',
    ],
    [
      'a quote request on /orders',
      () => post('/api/orders', { ...order('wrong-endpoint-1'), kind: 'quote-request' }),
      400,
      'WRONG_ENDPOINT',
    ],
    [
      'a header key that differs',
      () => post('/api/orders', order('header-body-1'), { 'idempotency-key': 'other-key-1' }),
      400,
      'IDEMPOTENCY_KEY_MISMATCH',
    ],
    [
      "a rep's quote without the rep token",
      () => post('/api/quotes', { ...order('rep-quote-0001'), kind: 'quote' }),
      401,
      'TOKEN_REQUIRED',
    ],
    ['an unknown endpoint', () => fetch(`${server.url}/api/invoices`), 404, 'NOT_FOUND'],
    ['an unknown model', () => fetch(`${server.url}/api/models/CHAIR`), 404, 'MODEL_NOT_FOUND'],
    ['a listing without token', () => fetch(`${server.url}/api/orders`), 401, 'TOKEN_REQUIRED'],
    [
      'a listing with a wrong token',
      () => fetch(`${server.url}/api/orders`, { headers: { authorization: 'Bearer nope' } }),
      401,
      'TOKEN_INVALID',
    ],
    [
      'a bad cursor',
      () => fetch(`${server.url}/api/orders?since=soon`, { headers: asRep }),
      400,
      'QUERY_INVALID',
    ],
    [
      "a quotes cursor ('S.R') on orders",
      () => fetch(`${server.url}/api/orders?since=3.4`, { headers: asRep }),
      400,
      'QUERY_INVALID',
    ],
    [
      'a quotes listing with a bad cursor',
      () => fetch(`${server.url}/api/quotes?since=3.x`, { headers: asRep }),
      400,
      'QUERY_INVALID',
    ],
  ];
  it.each(bad)('answers %s with %i and a JSON error %s', async (_, call, status, code) => {
    const r = await call();
    expect(r.status).toBe(status);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('accepts a quote request on /quotes and finds it by number (rep only)', async () => {
    const p = deskOrder(
      'quote-request-0001',
      2,
      'quote-request',
      new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    );
    const r = await post('/api/quotes', p);
    expect(r.status).toBe(201);
    const { number } = (await r.json()) as { number: string };
    expect(number).toMatch(/^Q-/);
    expect((await fetch(`${server.url}/api/quotes/${number}`)).status).toBe(401);
    const found = await fetch(`${server.url}/api/quotes/${number}`, { headers: asRep });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { idempotencyKey: string }).idempotencyKey).toBe(
      p.idempotencyKey,
    );
  });

  it('serves the catalogue publicly', async () => {
    for (const path of ['/api/catalogue', '/api/models/DESK', '/api/pricing', '/api/availability'])
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
  });

  it.each([
    [SHOP_ORIGIN, SHOP_ORIGIN],
    ['https://evil.example', null],
  ])('CORS for origin %s → %s', async (origin, allowed) => {
    const r = await fetch(`${server.url}/api/orders`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });
    expect(r.headers.get('access-control-allow-origin')).toBe(allowed);
  });
});
