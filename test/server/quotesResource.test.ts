import { describe, expect, it } from 'vitest';
import type { RepQuoteInput } from '../../src/engine/quotes/repQuote.ts';
import { dateAt, nowInstant } from '../../src/react/panels/clock.ts';
import { deskOrder, deskSelection } from '../engine/orders/orderFixture.ts';
import {
  MANAGER_NAME,
  REP_NAME,
  asManager,
  asRep,
  codeOf,
  serverForTests,
} from './serverProcess.ts';

/**
 * The one quotes resource of `madeto serve`: `POST /api/quotes` dispatching on the body (an order
 * payload or a rep's quote document), the merged listing, lookup by number, revisions with their
 * authors, duplicates, and who may do what (`GET /api/me`; tokens of a rep and of a manager).
 */

type Json = Record<string, unknown>;
const call = serverForTests();
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
/** Today in Berlin, the DESK's plant (`BER`): the server prices a duplicate on the plant's day. */
const plantToday = () => dateAt(nowInstant(), 'Europe/Berlin');
const quote = (over: Partial<RepQuoteInput> = {}): RepQuoteInput => ({
  rep: 'Rita Rep',
  validUntil: '2099-12-31',
  pricing: { date: now().slice(0, 10), currency: 'EUR' },
  customer: { name: 'Ana Lima', email: 'ana@example.com' },
  lines: [{ lineId: 'L1', productId: 'DESK', quantity: 2, selection: deskSelection }],
  ...over,
});

describe('the quotes resource: who may call what', () => {
  const rq = 'RQ-2026-000001';
  const endpoints: [string, string, unknown][] = [
    ['POST', '/api/quotes', quote()],
    ['GET', '/api/quotes', undefined],
    ['GET', `/api/quotes/${rq}`, undefined],
    ['POST', `/api/quotes/${rq}/revisions`, quote()],
    ['POST', `/api/quotes/${rq}/approve`, {}],
    ['POST', `/api/quotes/${rq}/duplicate`, {}],
    ['GET', '/api/me', undefined],
  ];
  it.each(
    endpoints.flatMap(([method, path, body]) => [
      [method, path, body, 'no token', {}, 'TOKEN_REQUIRED'] as const,
      [
        method,
        path,
        body,
        'an unknown token',
        { authorization: 'Bearer nope' },
        'TOKEN_INVALID',
      ] as const,
    ]),
  )('%s %s with %s → 401 %s', async (method, path, body, _, headers, code) => {
    const r = await call(method, path, body, headers);
    expect([r.status, codeOf(r)]).toEqual([401, code]);
  });

  it.each([
    [asRep, { name: REP_NAME, role: 'rep' }],
    [asManager, { name: MANAGER_NAME, role: 'manager' }],
  ])('GET /api/me with %j → %j (never the token)', async (headers, identity) => {
    const r = await call('GET', '/api/me', undefined, headers);
    expect([r.status, r.body]).toEqual([
      200,
      { ...identity, id: `token:${identity.role}`, email: null, authenticatedBy: 'token' },
    ]);
  });
});

describe('POST /api/quotes dispatches on the body', () => {
  it.each([
    [
      'a quote request, public',
      () => deskOrder('dispatch-qr-1', 2, 'quote-request', now()),
      {},
      201,
      /^Q-\d{4}-\d{6}$/,
      'quote-request',
    ],
    [
      "a rep's quote payload, signed in",
      () => deskOrder('dispatch-q-1', 2, 'quote', now()),
      asRep,
      201,
      /^Q-\d{4}-\d{6}$/,
      'quote',
    ],
    [
      "a rep's quote document, signed in as a rep",
      () => quote(),
      asRep,
      201,
      /^RQ-\d{4}-\d{6}$/,
      'rep-quote',
    ],
    [
      "a rep's quote document, signed in as a manager",
      () => quote(),
      asManager,
      201,
      /^RQ-\d{4}-\d{6}$/,
      'rep-quote',
    ],
  ] as const)('%s → 201', async (_, body, headers, status, number, kind) => {
    const r = await call('POST', '/api/quotes', body(), headers);
    expect(r.status).toBe(status);
    expect(r.body['number']).toMatch(number);
    expect(r.body['kind']).toBe(kind);
  });

  it.each([
    ["a rep's quote document without a token", 401, 'TOKEN_REQUIRED', {}, () => quote()],
    [
      "a rep's quote payload without a token",
      401,
      'TOKEN_REQUIRED',
      {},
      () => deskOrder('dispatch-q-2', 2, 'quote', now()),
    ],
    ['an order', 400, 'WRONG_ENDPOINT', {}, () => deskOrder('dispatch-o-1', 2, 'order', now())],
    ['a payload of the wrong shape', 400, 'PAYLOAD_INVALID', {}, () => ({ payloadVersion: 9 })],
    ['a JSON array', 400, 'BODY_NOT_OBJECT', asRep, () => [1, 2]],
    [
      "an invalid rep's quote document",
      400,
      'QUOTE_INVALID',
      asRep,
      () => ({ ...quote(), lines: [] }),
    ],
  ] as const)('%s → %i %s', async (_, status, code, headers, body) => {
    const r = await call('POST', '/api/quotes', body(), headers);
    expect([r.status, codeOf(r)]).toEqual([status, code]);
  });
});

describe('GET /api/quotes and /api/quotes/:number', () => {
  it('lists quote requests, quote payloads and rep quotes with their kind, page by page', async () => {
    const made = [
      (await call('POST', '/api/quotes', deskOrder('list-qr-1', 1, 'quote-request', now()), {}))
        .body,
      (await call('POST', '/api/quotes', quote({ notes: 'first' }))).body,
      (await call('POST', '/api/quotes', deskOrder('list-q-1', 1, 'quote', now()))).body,
      (await call('POST', '/api/quotes', quote({ notes: 'second' }), asManager)).body,
    ].map((b) => [b['number'], b['kind']]);
    const all = await call('GET', '/api/quotes?limit=1000', undefined, asManager);
    const listed = (all.body['items'] as Json[]).map((i) => [i['number'], i['kind']]);
    expect(listed).toEqual(expect.arrayContaining(made));
    expect(listed.some(([, kind]) => kind === 'order')).toBe(false);
    // the made ones in the order they arrived
    const mine = listed.filter((l) => made.some((m) => m[0] === l[0]));
    expect(mine).toEqual(made);

    // one item a page: every item exactly once, in the same order, then an empty page
    const paged: unknown[][] = [];
    let since = '';
    for (let page = 0; page < listed.length + 1; page += 1) {
      const r = await call('GET', `/api/quotes?limit=1${since && `&since=${since}`}`);
      const items = r.body['items'] as Json[];
      if (items.length === 0) break;
      paged.push(...items.map((i) => [i['number'], i['kind']]));
      since = r.body['next'] as string;
      expect(since).toMatch(/^\d+\.\d+$/);
    }
    expect(paged).toEqual(listed);
  });

  it('a rep quote item names its customer, total and who revised it last', async () => {
    const created = await call('POST', '/api/quotes', quote({ notes: 'listed' }));
    const number = created.body['number'] as string;
    await call('POST', `/api/quotes/${number}/revisions`, quote({ notes: 'revised' }), asManager);
    const items = (await call('GET', '/api/quotes?limit=1000')).body['items'] as Json[];
    expect(items.find((i) => i['number'] === number)).toMatchObject({
      kind: 'rep-quote',
      revision: 2,
      revisedBy: { name: MANAGER_NAME, role: 'manager' },
      customer: { name: 'Ana Lima' },
      currency: 'EUR',
      total: (created.body['quoted'] as { totals: { total: string } }).totals.total,
    });
  });

  it('finds a quote request by number, and a rep quote with its revisions and authors', async () => {
    const request = await call(
      'POST',
      '/api/quotes',
      deskOrder('by-number-1', 1, 'quote-request', now()),
      {},
    );
    const found = await call('GET', `/api/quotes/${request.body['number'] as string}`);
    expect(found.body).toMatchObject({ kind: 'quote-request', idempotencyKey: 'by-number-1' });

    const created = await call('POST', '/api/quotes', quote());
    const number = created.body['number'] as string;
    expect(created.body['createdBy']).toEqual({ name: REP_NAME, role: 'rep' });
    await call(
      'POST',
      `/api/quotes/${number}/revisions`,
      quote({ notes: 'by the manager' }),
      asManager,
    );
    const latest = await call('GET', `/api/quotes/${number}`);
    expect(latest.body).toMatchObject({
      kind: 'rep-quote',
      revision: 2,
      revisions: [1, 2],
      createdBy: { name: MANAGER_NAME, role: 'manager' },
      changes: [],
      approval: null,
    });
    const first = await call('GET', `/api/quotes/${number}?revision=1`);
    expect(first.body['createdBy']).toEqual({ name: REP_NAME, role: 'rep' });
    expect(
      (latest.body['history'] as Json[]).map((h) => [
        h['revision'],
        (h['createdBy'] as Json)['name'],
        h['total'],
      ]),
    ).toEqual([
      [1, REP_NAME, (created.body['quoted'] as { totals: { total: string } }).totals.total],
      [2, MANAGER_NAME, (latest.body['quoted'] as { totals: { total: string } }).totals.total],
    ]);
  });

  it.each([
    [
      'an order number',
      async (): Promise<string> =>
        (await call('POST', '/api/orders', deskOrder('by-number-o', 1, 'order', now()), {})).body[
          'number'
        ] as string,
      '',
      404,
      'QUOTE_NOT_FOUND',
    ],
    [
      'an unknown number',
      async (): Promise<string> => 'RQ-1999-000001',
      '',
      404,
      'QUOTE_NOT_FOUND',
    ],
    [
      'a quote request with ?revision',
      async (): Promise<string> =>
        (await call('POST', '/api/quotes', deskOrder('by-number-r', 1, 'quote-request', now()), {}))
          .body['number'] as string,
      '?revision=1',
      404,
      'QUOTE_NOT_FOUND',
    ],
    [
      'a bad ?revision',
      async (): Promise<string> => 'RQ-1999-000001',
      '?revision=0',
      400,
      'QUERY_INVALID',
    ],
  ] as const)(
    'GET by %s is refused with its status and code',
    async (_, number, query, status, code) => {
      const r = await call('GET', `/api/quotes/${await number()}${query}`);
      expect([r.status, codeOf(r)]).toEqual([status, code]);
    },
  );
});

describe('POST /api/quotes/:number/duplicate', () => {
  it('copies a revision into a new quote of the caller, priced today; the source is unchanged', async () => {
    const source = await call('POST', '/api/quotes', quote({ notes: 'original' }));
    const number = source.body['number'] as string;
    await call('POST', `/api/quotes/${number}/revisions`, quote({ notes: 'revised' }));
    const copy = await call('POST', `/api/quotes/${number}/duplicate`, { revision: 1 }, asManager);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      kind: 'rep-quote',
      revision: 1,
      revisions: [1],
      duplicateOf: { number, revision: 1 },
      createdBy: { name: MANAGER_NAME, role: 'manager' },
      quote: { notes: 'original', pricing: { date: plantToday() } },
    });
    expect(copy.body['number']).not.toBe(number);
    expect(copy.body['shareToken']).not.toBe(source.body['shareToken']);
    const still = await call('GET', `/api/quotes/${number}`);
    expect(still.body).toMatchObject({
      revision: 2,
      revisions: [1, 2],
      quote: { notes: 'revised' },
    });
  });

  it.each([
    ['an unknown quote', 'RQ-1999-000001', {}, 404, 'QUOTE_NOT_FOUND'],
    ['a bad revision', 'RQ-1999-000001', { revision: 'x' }, 400, 'DUPLICATE_INVALID'],
  ] as const)(
    'duplicating %s is refused with its status and code',
    async (_, number, body, status, code) => {
      const r = await call('POST', `/api/quotes/${number}/duplicate`, body);
      expect([r.status, codeOf(r)]).toEqual([status, code]);
    },
  );

  it('the old /api/rep/quotes paths are gone (one quotes resource)', async () => {
    const r = await call('GET', '/api/rep/quotes');
    expect([r.status, codeOf(r)]).toEqual([404, 'NOT_FOUND']);
  });
});
