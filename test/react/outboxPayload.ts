import type { OrderPayload } from '../../src/engine/orders/schema.ts';

/**
 * A small well-formed order payload for the outbox and adapter tests (they store, send and
 * resend payloads; none prices or verifies one): a desk line, its key `key`, of `kind`.
 */
export const outboxPayload = (key: string, kind: OrderPayload['kind'] = 'order'): OrderPayload => ({
  payloadVersion: 1,
  kind,
  idempotencyKey: key,
  createdAt: '2026-11-23T09:00:00Z',
  model: { id: 'DESK', version: '2026-11-01', hash: `sha256:${'a'.repeat(64)}` },
  pricing: { date: '2026-11-23', currency: 'EUR' },
  lines: [
    {
      lineId: 'L1',
      productId: 'DESK',
      quantity: 1,
      selection: { frame: 'steel' },
      bom: [],
      routing: [],
      price: { currency: 'EUR', unit: '400.00', line: '400.00' },
    },
  ],
  totals: { currency: 'EUR', subtotal: '400.00', tax: '76.00', total: '476.00' },
  customer: { name: 'Ana Lima', email: 'ana@example.com' },
});
