import { describe, expect, it } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { asRep, codeOf, serverForTests } from './serverProcess.ts';

/**
 * Contract prices follow `$.pricing.customerId`: a public order may not claim a contract
 * customer's prices; a signed-in request (a rep, a manager, the shop's backend with a token) may.
 */
const call = serverForTests();
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
let n = 0;
const order = (customerId?: string) => deskOrder(`cust-key-${++n}`, 3, 'order', now(), customerId);

describe('POST /api/orders with a customer id', () => {
  it.each([
    ['public, no customer id → 201', undefined, {}, 201, undefined],
    ['public, a contract customer → 403', 'ACME-OFFICES', {}, 403, 'CUSTOMER_NOT_VERIFIED'],
    [
      'a wrong token, a contract customer → 401',
      'ACME-OFFICES',
      { authorization: 'Bearer nope' },
      401,
      'TOKEN_INVALID',
    ],
    ['signed in (rep), a contract customer → 201', 'ACME-OFFICES', asRep, 201, undefined],
  ] as const)('%s', async (_name, customerId, headers, status, code) => {
    const sent = order(customerId);
    const r = await call('POST', '/api/orders', sent, headers);
    expect(r.status).toBe(status);
    expect(codeOf(r)).toBe(code);
    if (status === 403) expect(JSON.stringify(r.body)).toContain('$.pricing.customerId');
    // A refused order is not stored: its key is still free for a corrected one.
    if (status !== 201) {
      const retry = await call(
        'POST',
        '/api/orders',
        { ...sent, pricing: { ...sent.pricing } },
        asRep,
      );
      expect(retry.status).toBe(201);
    }
  });
});
