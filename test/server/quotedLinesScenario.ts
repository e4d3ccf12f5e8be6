import { expect } from 'vitest';
import { deskRepQuote, deskSelection } from '../engine/orders/orderFixture.ts';
import { asManager, jsonCaller, type ServerProcess } from './serverProcess.ts';

type Json = Record<string, unknown>;

/**
 * A saved rep quote counts every line as the rep channel's "quoted", on the server: lines a rep
 * never opened in an editor too (here a machine client posts them), each once however often the
 * quote is revised. Counted by hand: revision 1 with L1 (engraved "Ana Lima") and L2 → quoted 2;
 * revision 2 with L1, L2 and a new L3 → quoted 3 (L1 and L2 not again); nothing opened or
 * completed (no editor session); the customer's accept → ordered 3. Returns the quote's number.
 */
export async function quotedLinesScenario(server: ServerProcess): Promise<string> {
  const call = jsonCaller(() => server);
  const rep = async () =>
    (
      (await call('GET', '/api/insights/funnel?channel=rep', undefined, asManager)).body[
        'steps'
      ] as Json[]
    ).map((s) => s['sessions']);
  expect(await rep()).toEqual([0, 0, 0, 0]);
  const line = (
    lineId: string,
    selection: Record<string, string | number | boolean | string[]> = deskSelection,
  ) => ({
    lineId,
    productId: 'DESK',
    quantity: 1,
    selection,
  });
  const lines = [line('L1', { ...deskSelection, engraving: 'Ana Lima' }), line('L2')];
  const first = await call('POST', '/api/quotes', deskRepQuote({ lines }));
  expect(first.status).toBe(201);
  const number = first.body['number'] as string;
  expect(await rep()).toEqual([0, 0, 2, 0]);
  const second = await call(
    'POST',
    `/api/quotes/${number}/revisions`,
    deskRepQuote({ lines: [...lines, line('L3')] }),
  );
  expect([second.status, second.body['revision']]).toEqual([201, 2]);
  expect(await rep()).toEqual([0, 0, 3, 0]);
  // The customer accepts: its three lines are the rep channel's "ordered", once however often
  // the accept is repeated.
  const token = first.body['shareToken'] as string;
  const accept = await call('POST', `/api/shared/quotes/${token}/accept`, {});
  expect(accept.status).toBe(201);
  expect(await rep()).toEqual([0, 0, 3, 3]);
  const again = await call('POST', `/api/shared/quotes/${token}/accept`, {});
  expect(again.status).toBe(201);
  expect(await rep()).toEqual([0, 0, 3, 3]);
  // The shop's funnel is not touched.
  expect(
    (
      (await call('GET', '/api/insights/funnel?channel=shop', undefined, asManager)).body[
        'steps'
      ] as Json[]
    ).map((s) => s['sessions']),
  ).toEqual([0, 0, 0, 0]);
  return number;
}
