import { describe, expect, it } from 'vitest';
import type { RepQuoteInput } from '../../src/engine/quotes/repQuote.ts';
import { deskOrder, deskSelection } from '../engine/orders/orderFixture.ts';
import {
  MANAGER_NAME,
  REP_NAME,
  asManager,
  asRep,
  codeOf,
  serverForTests,
} from '../server/serverProcess.ts';

const call = serverForTests();

/**
 * Accepting the quote of share link `token` again answers the same order (`number`), and the
 * orders list holds it once.
 */
async function expectAcceptedOnce(token: string, number: unknown): Promise<void> {
  const again = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
  expect(again.body['number']).toBe(number);
  const orders = await call('GET', '/api/orders?limit=1000');
  expect(
    (orders.body['items'] as { number: string }[]).filter((o) => o.number === number),
  ).toHaveLength(1);
}

const today = () => new Date().toISOString().slice(0, 10);
const quote = (over: Partial<RepQuoteInput> = {}): RepQuoteInput => ({
  rep: 'Rita Rep',
  validUntil: '2099-12-31',
  shipPolicy: 'complete',
  pricing: { date: today(), currency: 'EUR' },
  customer: { name: 'Ana Lima', email: 'ana@example.com', company: 'ACME' },
  notes: 'Delivery to the loading dock.',
  lines: [
    { lineId: 'L1', productId: 'DESK', quantity: 3, selection: deskSelection },
    { lineId: 'L2', productId: 'INSTALL-DESK', quantity: 3, selection: {} },
  ],
  ...over,
});

describe('rep quotes on the reference backend', () => {
  it('rejects an invalid quote with each problem and its path', async () => {
    const r = await call('POST', '/api/quotes', quote({ rep: '', lines: [] }));
    expect(r.status).toBe(400);
    const paths = (r.body['error'] as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['$.rep', '$.lines']));
  });

  it('saves, revises, reopens any revision, and flags approval without clamping', async () => {
    const created = await call('POST', '/api/quotes', quote());
    expect(created.status).toBe(201);
    const number = created.body['number'] as string;
    expect(number).toMatch(/^RQ-\d{4}-\d{6}$/);
    expect(created.body).toMatchObject({ revision: 1, approvalRequired: false, changes: [] });
    expect(created.body['createdBy']).toEqual({ name: REP_NAME, role: 'rep' });

    const deep = quote({ discounts: { additionalPercent: '40' } });
    const revised = await call('POST', `/api/quotes/${number}/revisions`, deep);
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ revision: 2, revisions: [1, 2], approvalRequired: true });
    const total1 = Number((created.body['quoted'] as { totals: { total: string } }).totals.total);
    const total2 = Number((revised.body['quoted'] as { totals: { total: string } }).totals.total);
    expect(total2).toBeLessThan(total1);

    const latest = await call('GET', `/api/quotes/${number}`);
    expect(latest.body).toMatchObject({
      revision: 2,
      quote: { discounts: { additionalPercent: '40' } },
    });
    const first = await call('GET', `/api/quotes/${number}?revision=1`);
    expect(first.body).toMatchObject({ revision: 1, revisions: [1, 2] });
    expect(first.body['shareToken']).toBe(created.body['shareToken']);
    expect((await call('GET', `/api/quotes/${number}?revision=9`)).status).toBe(404);
    expect((await call('GET', `/api/quotes/${number}?revision=x`)).status).toBe(400);
    expect((await call('POST', '/api/quotes/RQ-0000-000000/revisions', quote())).status).toBe(404);

    const list = await call('GET', '/api/quotes');
    expect(list.body['items']).toEqual(
      expect.arrayContaining([expect.objectContaining({ number, revision: 2 })]),
    );

    // the customer's link shows the latest revision, read-only, and refuses to accept it unapproved
    const token = created.body['shareToken'] as string;
    const shared = await call('GET', `/api/shared/quotes/${token}`, undefined, {});
    expect(shared.body).toMatchObject({
      number,
      revision: 2,
      approvalStatus: 'required',
      canAccept: false,
    });
    expect(shared.body['shareToken']).toBeUndefined();
    const refused = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
    expect(refused.status).toBe(409);
    expect((refused.body['error'] as { code: string }).code).toBe('APPROVAL_REQUIRED');
  });

  it.each([[{ additionalPercent: '5' }], [{ partnerPercent: '3', documentDiscount: '50.00' }]])(
    'a quote with discounts %j is accepted into exactly one verified order at the quoted total',
    async (discounts) => {
      const list = await call('POST', '/api/quotes', quote());
      const created = await call('POST', '/api/quotes', quote({ discounts }));
      const quoted = (b: Record<string, unknown>) =>
        (b['quoted'] as { totals: { total: string } }).totals.total;
      expect(Number(quoted(created.body))).toBeLessThan(Number(quoted(list.body)));
      const token = created.body['shareToken'] as string;
      const accepted = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
      expect(accepted.status).toBe(201);
      expect((accepted.body['totals'] as { total: string }).total).toBe(quoted(created.body));
      await expectAcceptedOnce(token, accepted.body['number']);
    },
  );

  it.each([
    ['POST', '/api/orders', 'order'],
    ['POST', '/api/quotes', 'quote-request'],
  ] as const)(
    '%s %s with $.pricing.discounts from a client → 403 naming the path',
    async (method, path, kind) => {
      const payload = deskOrder(`client-discount-${kind}`, 3, kind);
      const body = {
        ...payload,
        pricing: { ...payload.pricing, discounts: { additionalPercent: '5' } },
      };
      const r = await call(method, path, body, {});
      expect(r.status).toBe(403);
      const error = r.body['error'] as {
        code: string;
        message: string;
        issues: { path: string }[];
      };
      expect(error.code).toBe('DISCOUNTS_NOT_ALLOWED');
      expect(error.message).toContain('$.pricing.discounts');
      expect(error.issues.map((i) => i.path)).toEqual(['$.pricing.discounts']);
    },
  );

  it('a revision past a guardrail is accepted only after a manager approved that revision', async () => {
    const deep = quote({ discounts: { additionalPercent: '40' } });
    const created = await call('POST', '/api/quotes', deep);
    const number = created.body['number'] as string;
    const token = created.body['shareToken'] as string;
    const accept = () => call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
    const approve = (body: object, headers: Record<string, string> = asManager) =>
      call('POST', `/api/quotes/${number}/approve`, body, headers);

    expect(codeOf(await accept())).toBe('APPROVAL_REQUIRED');
    const bad = await approve({ revision: 0, approvedBy: 'Maria Manager' });
    expect([bad.status, codeOf(bad)]).toEqual([400, 'APPROVAL_INVALID']);
    expect((bad.body['error'] as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(
      ['$.approvedBy', '$.revision'],
    );
    expect((await approve({ revision: 7 })).status).toBe(404);

    const approved = await approve({ revision: 1 });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ number, revision: 1, approvedBy: MANAGER_NAME });
    const again = await approve({});
    expect([again.body['approvedBy'], again.body['approvedAt']]).toEqual([
      approved.body['approvedBy'],
      approved.body['approvedAt'],
    ]);
    const detail = await call('GET', `/api/quotes/${number}`);
    expect(detail.body['approval']).toMatchObject({ revision: 1, approvedBy: MANAGER_NAME });

    // a new revision needs its own approval
    await call('POST', `/api/quotes/${number}/revisions`, {
      ...deep,
      discounts: { additionalPercent: '45' },
    });
    expect(codeOf(await accept())).toBe('APPROVAL_REQUIRED');
    const second = await approve({});
    expect(second.body).toMatchObject({ revision: 2, approvedBy: MANAGER_NAME });
    const accepted = await accept();
    expect(accepted.status).toBe(201);
    const latest = await call('GET', `/api/quotes/${number}`);
    expect((accepted.body['totals'] as { total: string }).total).toBe(
      (latest.body['quoted'] as { totals: { total: string } }).totals.total,
    );

    // within every guardrail: nothing to approve
    const plain = await call('POST', '/api/quotes', quote());
    const r = await call(
      'POST',
      `/api/quotes/${plain.body['number'] as string}/approve`,
      {},
      asManager,
    );
    expect([r.status, codeOf(r)]).toEqual([409, 'APPROVAL_NOT_NEEDED']);
  });

  it.each([
    ['a rep', {}, asRep, 403, 'MANAGER_REQUIRED'],
    [
      'a rep naming a manager in the body',
      { approvedBy: MANAGER_NAME },
      asRep,
      403,
      'MANAGER_REQUIRED',
    ],
    ['no token', {}, {}, 401, 'TOKEN_REQUIRED'],
    ['a wrong token', {}, { authorization: 'Bearer forged' }, 401, 'TOKEN_INVALID'],
    [
      'a manager naming someone else',
      { approvedBy: 'Someone Else' },
      asManager,
      400,
      'APPROVAL_INVALID',
    ],
  ] as const)(
    'approving as %s → %i %s, and the revision stays unapproved',
    async (_, body, headers, status, code) => {
      const created = await call(
        'POST',
        '/api/quotes',
        quote({ discounts: { additionalPercent: '40' } }),
      );
      const number = created.body['number'] as string;
      const r = await call('POST', `/api/quotes/${number}/approve`, body, headers);
      expect([r.status, codeOf(r)]).toEqual([status, code]);
      expect((r.body['error'] as { message: string }).message.length).toBeGreaterThan(20);
      expect((await call('GET', `/api/quotes/${number}`)).body['approval']).toBeNull();
      const token = created.body['shareToken'] as string;
      expect(codeOf(await call('POST', `/api/shared/quotes/${token}/accept`, {}, {}))).toBe(
        'APPROVAL_REQUIRED',
      );
    },
  );

  it('a customer accepts a quote: one verified order, a repeat returns the same order', async () => {
    const created = await call('POST', '/api/quotes', quote());
    const token = created.body['shareToken'] as string;
    const accepted = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ kind: 'order', status: 'accepted' });
    expect((accepted.body['totals'] as { total: string }).total).toBe(
      (created.body['quoted'] as { totals: { total: string } }).totals.total,
    );
    // a second later: the order built again would carry another createdAt (another body)
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expectAcceptedOnce(token, accepted.body['number']);
  });

  it('refuses a configuration that breaks a constraint, naming the line and constraint', async () => {
    const r = await call(
      'POST',
      '/api/quotes',
      quote({
        lines: [
          {
            lineId: 'L1',
            productId: 'DESK',
            quantity: 1,
            selection: { ...deskSelection, topMaterial: 'oak', topDecor: 'anthracite' },
          },
        ],
      }),
    );
    expect(r.status).toBe(422);
    const error = r.body['error'] as { code: string; issues: { path: string; message: string }[] };
    expect(error.code).toBe('QUOTE_INVALID_SELECTION');
    expect(error.issues[0]?.path).toBe('$.lines[0].selection');
    expect(error.issues[0]?.message).toMatch(/^line 'L1': .*\(constraint '.+'\)$/);
  });

  it.each([
    [{ validUntil: '2000-01-01' }, 410, 'QUOTE_EXPIRED'],
    [{}, 404, 'QUOTE_NOT_FOUND'],
  ])('accepting %j → %i %s', async (over, status, code) => {
    const created = await call('POST', '/api/quotes', quote(over));
    const token = Object.keys(over).length > 0 ? (created.body['shareToken'] as string) : 'nope';
    const r = await call('POST', `/api/shared/quotes/${token}/accept`, {}, {});
    expect([r.status, (r.body['error'] as { code: string }).code]).toEqual([status, code]);
  });
});
