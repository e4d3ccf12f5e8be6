import { describe, expect, it } from 'vitest';
import { parseOrderPayload } from '../../../src/engine/orders/schema.ts';
import { deskOrder } from './orderFixture.ts';

const valid = () => JSON.parse(JSON.stringify(deskOrder())) as any;

describe('parseOrderPayload', () => {
  it('accepts the payload the engine builds, unchanged', () => {
    const json = valid();
    const result = parseOrderPayload(json);
    expect(result).toEqual({ ok: true, payload: json });
  });

  const cases: [string, (p: any) => void, string][] = [
    ['another version', (p) => (p.payloadVersion = 2), '$.payloadVersion'],
    ['an unknown kind', (p) => (p.kind = 'invoice'), '$.kind'],
    ['a short idempotency key', (p) => (p.idempotencyKey = 'abc'), '$.idempotencyKey'],
    ['a date without offset', (p) => (p.createdAt = '2026-11-23T09:00:00'), '$.createdAt'],
    ['a bad model hash', (p) => (p.model.hash = 'md5:00'), '$.model.hash'],
    ['no lines', (p) => (p.lines = []), '$.lines'],
    ['a zero quantity', (p) => (p.lines[0].quantity = 0), '$.lines[0].quantity'],
    ['a float price', (p) => (p.lines[0].price.unit = 580), '$.lines[0].price.unit'],
    ['a float total', (p) => (p.totals.total = 3391.5), '$.totals.total'],
    ['a bad e-mail', (p) => (p.customer.email = 'ana'), '$.customer.email'],
    ['a blank name', (p) => (p.customer.name = '  '), '$.customer.name'],
    ['an unknown key', (p) => (p.discount = '10'), '$'],
    ['a bad price date', (p) => (p.pricing.date = '2026-02-30'), '$.pricing.date'],
  ];
  it.each(cases)('refuses %s, naming %s', (_, edit, path) => {
    const json = valid();
    edit(json);
    const result = parseOrderPayload(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });
});
