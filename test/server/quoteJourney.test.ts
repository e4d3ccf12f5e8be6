import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptResultWire, repQuoteWire } from '../../src/engine/index.ts';
import { MailCatcher } from '../../src/server/mail/mailCatcher.ts';
import { deskRepQuote } from '../engine/orders/orderFixture.ts';
import { addUser, quoteJourney } from './quoteJourney.ts';
import {
  asManager,
  codeOf,
  jsonCaller,
  mailEnv,
  startServerProcess,
  tempDb,
  type ServerProcess,
} from './serverProcess.ts';

let catcher: MailCatcher;
let server: ServerProcess;
let db: string;
const call = jsonCaller(() => server);

beforeAll(async () => {
  catcher = await MailCatcher.start();
  db = tempDb();
  server = await startServerProcess(db, [], 0, mailEnv(catcher));
}, 30_000);
afterAll(async () => {
  await server?.stop();
  await catcher?.close();
});

describe('the quote journey on SQLite', () => {
  it('sign-in → inbox → convert → discount → send → approve → re-approve → viewed → one order', async () => {
    await quoteJourney(server, db, catcher);
  }, 60_000);
});

describe('discounts are checked where they are', () => {
  it.each([
    [
      'a document discount above the lines',
      { discounts: { documentDiscount: '99999.00' } },
      422,
      '$.discounts.documentDiscount',
    ],
    [
      'a line discount above 100 %',
      {
        lines: [{ ...deskRepQuote().lines[0]!, discounts: { additionalPercent: '150' } }],
      },
      400,
      '$.lines[0].discounts.additionalPercent',
    ],
    [
      'a line discount that is not a percentage',
      { lines: [{ ...deskRepQuote().lines[0]!, discounts: { partnerPercent: 'ten' } }] },
      400,
      '$.lines[0].discounts.partnerPercent',
    ],
  ])('%s → %s naming %s', async (_, over, status, path) => {
    const r = await call('POST', '/api/quotes', deskRepQuote(over));
    expect([r.status, codeOf(r)]).toEqual([status, 'QUOTE_INVALID']);
    const issues = (r.body['error'] as { issues: { path: string; message: string }[] }).issues;
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('a line discount prices that line only, and a large one needs approval', async () => {
    const line = deskRepQuote().lines[0]!;
    const r = await call(
      'POST',
      '/api/quotes',
      deskRepQuote({
        lines: [
          { ...line, discounts: { additionalPercent: '40' } },
          { ...line, lineId: 'L2' },
        ],
      }),
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ approvalStatus: 'required', state: 'awaiting-approval' });
    const units = (r.body['price'] as { lines: { unit: string }[] }).lines.map((l) => l.unit);
    expect(Number(units[0])).toBeCloseTo(Number(units[1]) * 0.6, 1);
  });

  it('a quote with a line discount is accepted into an order priced with it (and a client cannot send one)', async () => {
    const line = deskRepQuote().lines[0]!;
    const saved = await call(
      'POST',
      '/api/quotes',
      deskRepQuote({
        lines: [
          { ...line, discounts: { additionalPercent: '10' } },
          { ...line, lineId: 'L2' },
        ],
      }),
    );
    expect(saved.status).toBe(201);
    const view = repQuoteWire.parse(saved.body);
    expect(view.approvalStatus).toBe('not-needed');
    const accepted = await call('POST', `/api/shared/quotes/${view.shareToken}/accept`, {}, {});
    expect(accepted.status).toBe(201);
    const placed = acceptResultWire.parse(accepted.body);
    const orders = await call('GET', '/api/orders?limit=100', undefined, asManager);
    const order = (orders.body['items'] as { number: string; payload: unknown }[]).find(
      (o) => o.number === placed.number,
    )!;
    const payload = order.payload as {
      lines: { lineId: string; discounts?: object; price: { unit: string } }[];
      totals: { total: string };
    };
    expect(payload.lines[0]).toMatchObject({ discounts: { additionalPercent: '10' } });
    expect(payload.lines[1]!.discounts).toBeUndefined();
    expect(Number(payload.lines[0]!.price.unit)).toBeCloseTo(
      Number(payload.lines[1]!.price.unit) * 0.9,
      1,
    );
    expect(payload.totals.total).toBe(view.document.totals.total);

    // A buyer's own order may not carry a line discount.
    const forged = structuredClone(payload) as Record<string, unknown>;
    const r = await call('POST', '/api/orders', { ...forged, idempotencyKey: 'forged-line-1' }, {});
    expect([r.status, codeOf(r)]).toEqual([403, 'DISCOUNTS_NOT_ALLOWED']);
    expect((r.body['error'] as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(
      '$.lines[0].discounts',
    );
  });
});

describe('sign-in throttling', () => {
  it('locks an account after 5 failed sign-ins, even for the right password (429, Retry-After)', async () => {
    const u = addUser(
      db,
      { role: 'rep', name: 'Tess Throttle', email: 'tess@test.example' },
      'tess-password-1',
    );
    for (let i = 0; i < 5; i += 1) {
      const r = await call('POST', '/api/session', { email: u.email, password: `wrong-${i}` }, {});
      expect([r.status, codeOf(r)]).toEqual([401, 'SIGN_IN_FAILED']);
    }
    const locked = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: u.email, password: 'tess-password-1' }),
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
  });

  it('an unknown e-mail and a wrong password get the same answer', async () => {
    const r = await call(
      'POST',
      '/api/session',
      { email: 'nobody@test.example', password: 'x' },
      {},
    );
    expect([r.status, codeOf(r)]).toEqual([401, 'SIGN_IN_FAILED']);
    const bad = await call(
      'POST',
      '/api/session',
      { email: 'a@b.c', password: 'x', role: 'admin' },
      {},
    );
    expect([bad.status, codeOf(bad)]).toEqual([400, 'SIGN_IN_INVALID']);
  });

  it('a forged or missing session cookie signs no one in', async () => {
    const r = await call('GET', '/api/me', undefined, {
      cookie: 'madeto_session=forged-forged-forged-forged-forged',
    });
    expect([r.status, codeOf(r)]).toEqual([401, 'SESSION_EXPIRED']);
    const none = await call('GET', '/api/pipeline', undefined, {});
    expect([none.status, codeOf(none)]).toEqual([401, 'TOKEN_REQUIRED']);
  });

  // Defect 13 of issue 16: 2,000 wrong tokens in 8 s were answered; now 20 a minute per address.
  // Last in this file: it locks bearer sign-in from 127.0.0.1 for a minute.
  it('locks bearer tokens from one address after 20 wrong ones (429, Retry-After), the right one too', async () => {
    for (let i = 0; i < 20; i += 1) {
      const r = await call('GET', '/api/quotes', undefined, {
        authorization: `Bearer wrong-token-wrong-token-${i}`,
      });
      expect(r.status).toBe(401);
    }
    const locked = await fetch(`${server.url}/api/quotes`, { headers: asManager });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const short = await call('GET', '/api/me', undefined, { authorization: 'Bearer x' });
    expect(short.status).toBe(429);
  });
});
