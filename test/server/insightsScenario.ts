import { expect } from 'vitest';
import { deskOrder } from '../engine/orders/orderFixture.ts';
import { MANAGER_TOKEN, REP_TOKEN } from './serverProcess.ts';

type Json = Record<string, unknown>;

const shop = (type: string, at: string, session: string, body: Json = {}) => ({
  type,
  at,
  session: `sess-${session}`,
  productId: 'DESK',
  channel: 'shop',
  ...body,
});

/** Three shop sessions on DESK (figures below counted by hand). */
export const FIRST_BATCH = {
  batchId: 'batch-insights-0001',
  events: [
    shop('opened', '2026-12-01T09:00:00Z', 'A'.repeat(8)),
    shop('chosen', '2026-12-01T09:01:00Z', 'A'.repeat(8), { attributeId: 'frame', value: 'steel' }),
    shop('completed', '2026-12-01T09:05:00Z', 'A'.repeat(8), {
      selection: { frame: 'steel', drive: 'single', accessories: ['drawer'] },
      promisedDays: 14,
    }),
    shop('quoteRequested', '2026-12-01T09:06:00Z', 'A'.repeat(8), {
      selection: { frame: 'steel', drive: 'single', accessories: ['drawer'] },
    }),
    shop('opened', '2026-12-02T09:00:00Z', 'B'.repeat(8)),
    shop('completed', '2026-12-02T09:05:00Z', 'B'.repeat(8), {
      selection: { frame: 'steel', drive: 'dual' },
      promisedDays: 20,
    }),
    shop('opened', '2026-12-02T10:00:00Z', 'C'.repeat(8)),
    shop('conflict', '2026-12-02T10:01:00Z', 'C'.repeat(8), {
      attributeId: 'drive',
      constraintIds: ['lifting-system'],
      resolution: 'repaired',
    }),
    shop('abandoned', '2026-12-02T10:02:00Z', 'C'.repeat(8), { step: 'top' }),
  ],
};

/** Session A completes again in a later batch: it must not count twice. */
const SECOND_BATCH = {
  batchId: 'batch-insights-0002',
  events: [
    shop('completed', '2026-12-03T09:05:00Z', 'A'.repeat(8), {
      selection: { frame: 'aluminium', drive: 'single' },
      promisedDays: 30,
    }),
  ],
};

/**
 * Drives `POST /api/events` and `GET /api/insights/…` of a running server (SQLite or PostgreSQL)
 * and checks every figure against the hand count above.
 */
export async function insightsScenario(base: string): Promise<void> {
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
      },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await r.text();
    const type = r.headers.get('content-type') ?? '';
    return {
      status: r.status,
      type,
      disposition: r.headers.get('content-disposition'),
      text,
      body: (type.includes('json') ? JSON.parse(text) : {}) as Json,
    };
  };
  const code = (r: { body: Json }) => (r.body['error'] as { code?: string } | undefined)?.code;
  const paths = (r: { body: Json }) =>
    ((r.body['error'] as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path);

  // Stored once; the same batch again is acknowledged, another body under its id is refused.
  const stored = await call('POST', '/api/events', FIRST_BATCH);
  expect([stored.status, stored.body]).toEqual([
    201,
    // The shop's idle time (no insights.json: the default 30 minutes) rides along.
    { batchId: FIRST_BATCH.batchId, accepted: 9, replayed: false, idleAbandonMinutes: 30 },
  ]);
  const again = await call('POST', '/api/events', FIRST_BATCH);
  expect([again.status, again.body['replayed']]).toEqual([200, true]);
  const other = await call('POST', '/api/events', {
    ...FIRST_BATCH,
    events: FIRST_BATCH.events.slice(1),
  });
  expect([other.status, code(other)]).toEqual([409, 'BATCH_CONFLICT']);
  expect((await call('POST', '/api/events', SECOND_BATCH)).status).toBe(201);

  // Refused, each naming its JSON path.
  const bad = async (event: Json) => {
    const r = await call('POST', '/api/events', { batchId: 'batch-bad-00001', events: [event] });
    return [r.status, code(r), paths(r)[0]];
  };
  const at = '2026-12-03T10:00:00Z';
  expect(
    await bad(shop('completed', at, 'D'.repeat(8), { selection: { engraving: 'Ana' } })),
  ).toEqual([400, 'EVENTS_INVALID', '$.events[0].selection.engraving']);
  expect(await bad({ ...shop('opened', at, 'D'.repeat(8)), productId: 'CHAIR' })).toEqual([
    400,
    'EVENTS_INVALID',
    '$.events[0].productId',
  ]);
  expect(
    await bad(shop('chosen', at, 'D'.repeat(8), { attributeId: 'frame', value: 'gold' })),
  ).toEqual([400, 'EVENTS_INVALID', '$.events[0].value']);
  expect(
    await bad(
      shop('conflict', at, 'D'.repeat(8), {
        attributeId: 'drive',
        constraintIds: ['nope'],
        resolution: 'repaired',
      }),
    ),
  ).toEqual([400, 'EVENTS_INVALID', '$.events[0].constraintIds[0]']);
  expect(await bad({ ...shop('opened', at, 'D'.repeat(8)), email: 'ana@example.com' })).toEqual([
    400,
    'EVENTS_INVALID',
    '$.events[0]',
  ]);
  const tooMany = await call('POST', '/api/events', {
    batchId: 'batch-bad-00002',
    events: Array.from({ length: 201 }, () => shop('opened', at, 'D'.repeat(8))),
  });
  expect([tooMany.status, paths(tooMany)[0]]).toEqual([400, '$.events']);
  const huge = await call(
    'POST',
    '/api/events',
    JSON.stringify({ batchId: 'batch-bad-00003', events: [], pad: 'x'.repeat(200_000) }),
  );
  expect(huge.status).toBe(413);
  // A rep event needs a signed-in user.
  const repEvent = {
    batchId: 'batch-rep-00001',
    events: [{ ...shop('opened', at, 'E'.repeat(8)), channel: 'rep' }],
  };
  expect((await call('POST', '/api/events', repEvent)).status).toBe(401);
  expect((await call('POST', '/api/events', repEvent, REP_TOKEN)).status).toBe(201);

  // Insights: a manager only.
  expect((await call('GET', '/api/insights/popularity')).status).toBe(401);
  const asRep = await call('GET', '/api/insights/popularity', undefined, REP_TOKEN);
  expect([asRep.status, code(asRep)]).toEqual([403, 'MANAGER_REQUIRED']);
  const get = (path: string) => call('GET', path, undefined, MANAGER_TOKEN);
  const badQuery = await get('/api/insights/funnel?from=2026-13-01');
  expect([badQuery.status, paths(badQuery)]).toEqual([400, ['?from']]);

  // 2 shop configurations completed (A once, B): steel 2 of 2, single 1, dual 1, drawer 1.
  const pop = await get('/api/insights/popularity?channel=shop');
  expect(
    (pop.body['rows'] as Json[]).map((r) => [
      r['attributeId'],
      r['value'],
      r['valueLabel'],
      r['count'],
      r['share'],
    ]),
  ).toEqual([
    ['accessories', 'drawer', 'Under-desk drawer, lockable', 1, 0.5],
    ['drive', 'dual', 'Dual motor, 40 mm/s, anti-collision', 1, 0.5],
    ['drive', 'single', 'Single motor, 38 mm/s', 1, 0.5],
    ['frame', 'steel', 'Steel, 3-stage columns', 2, 1],
  ]);
  const funnel = await get('/api/insights/funnel?channel=shop');
  expect(funnel.body['steps']).toEqual([
    { stage: 'opened', sessions: 3, dropped: 0, dropRate: 0 },
    { stage: 'completed', sessions: 2, dropped: 1, dropRate: 0.3333 },
    { stage: 'quoted', sessions: 1, dropped: 1, dropRate: 0.5 },
    { stage: 'ordered', sessions: 0, dropped: 1, dropRate: 1 },
  ]);
  expect(funnel.body['abandoned']).toEqual([{ step: 'top', sessions: 1 }]);
  const funnelCsv = await get('/api/insights/funnel?channel=shop&format=csv');
  expect([funnelCsv.status, funnelCsv.type, funnelCsv.disposition]).toEqual([
    200,
    'text/csv; charset=utf-8',
    'attachment; filename="funnel.csv"',
  ]);
  expect(funnelCsv.text).toBe(
    'stage,sessions,dropped,dropRate\r\nopened,3,0,0\r\ncompleted,2,1,0.3333\r\n' +
      'quoted,1,1,0.5\r\nordered,0,1,1\r\n',
  );
  // Both channels: the rep session opened too.
  expect(((await get('/api/insights/funnel')).body['steps'] as Json[])[0]).toMatchObject({
    sessions: 4,
  });
  const conflicts = await get('/api/insights/conflicts');
  expect(conflicts.body['rows']).toMatchObject([
    {
      attributeId: 'drive',
      attributeLabel: 'Lifting system',
      constraintIds: ['lifting-system'],
      count: 1,
      resolutions: { repaired: 1 },
    },
  ]);
  const lead = await get('/api/insights/leadtime?channel=shop');
  expect(lead.body['rows']).toEqual([
    { productId: 'DESK', week: '2026-W49', configurations: 2, p50: 14, p90: 20 },
  ]);
  expect((await get('/api/insights/leadtime?channel=shop&format=csv')).text).toBe(
    'productId,week,configurations,p50,p90\r\nDESK,2026-W49,2,14,20\r\n',
  );
  const message = ((conflicts.body['rows'] as Json[])[0]!['messages'] as string[])[0]!;
  expect((await get('/api/insights/conflicts?format=csv')).text).toBe(
    'productId,attributeId,attributeLabel,constraintIds,messages,count,repaired,reverted,unresolved\r\n' +
      `DESK,drive,Lifting system,lifting-system,${/[",]/.test(message) ? `"${message.replace(/"/g, '""')}"` : message},1,1,0,0\r\n`,
  );
  const configs = await get('/api/insights/configurations?limit=1');
  expect((configs.body['rows'] as Json[]).length).toBe(1);
  // A and B complete once each; A's canonical key sorts first. Its words in the desk model's
  // attribute order (frame, drive, …, accessories), its ids beside.
  const words =
    'Frame: Steel, 3-stage columns; Lifting system: Single motor, 38 mm/s; Accessories: Under-desk drawer, lockable';
  expect((configs.body['rows'] as Json[])[0]).toEqual({
    productId: 'DESK',
    configuration: words,
    selection: { accessories: ['drawer'], drive: 'single', frame: 'steel' },
    count: 1,
    share: 0.5,
  });
  // In the CSV the words first, then the canonical JSON (keys and multi values sorted), each
  // one quoted field.
  const top = (configs.body['rows'] as Json[])[0]!['selection'] as Record<string, unknown>;
  expect(Object.keys(top)).toEqual(Object.keys(top).sort());
  expect((await get('/api/insights/configurations?limit=1&format=csv')).text).toBe(
    `productId,configuration,count,share,selection\r\nDESK,"${words}",1,0.5,"${JSON.stringify(top).replace(/"/g, '""')}"\r\n`,
  );
  const range = await get('/api/insights/popularity?from=2026-12-02&to=2026-12-02&channel=shop');
  expect((range.body['rows'] as Json[]).map((r) => [r['value'], r['count'], r['share']])).toEqual([
    ['dual', 1, 1],
    ['steel', 1, 1],
  ]);

  const csv = await get('/api/insights/popularity?channel=shop&format=csv');
  expect([csv.status, csv.type, csv.disposition]).toEqual([
    200,
    'text/csv; charset=utf-8',
    'attachment; filename="popularity.csv"',
  ]);
  expect(csv.text.split('\r\n').slice(0, 2)).toEqual([
    'productId,attributeId,attributeLabel,value,valueLabel,count,share,firstDay,lastDay',
    'DESK,accessories,Accessories,drawer,"Under-desk drawer, lockable",1,0.5,2026-12-01,2026-12-01',
  ]);

  // The widget's hints: below the minimum sample nothing is called popular.
  const popular = await call('GET', '/api/insights/popular?productId=DESK');
  expect(popular.body).toEqual({ productId: 'DESK', minSample: 20, enough: false, popular: [] });

  // Component demand: an order's BOM is counted in full.
  const order = deskOrder(
    'insights-order-1',
    2,
    'order',
    new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  );
  expect((await call('POST', '/api/orders', order)).status).toBe(201);
  const demand = await get('/api/insights/demand');
  expect(demand.status).toBe(200);
  expect(demand.body).toMatchObject({
    orderLines: 2,
    openQuoteLines: 0,
    // No rep quote decided: Laplace's (0 + 1) ÷ (0 + 2).
    winRate: 0.5,
    winRateBasis: { method: 'laplace', won: 0, lost: 0, decided: 0 },
  });
  const rows = demand.body['rows'] as { item: string; confirmed: number }[];
  for (const need of order.lines[0]!.bom)
    expect(rows.filter((r) => r.item === need.item).reduce((s, r) => s + r.confirmed, 0)).toBe(
      need.quantity,
    );
  const demandCsv = await get('/api/insights/demand?format=csv');
  expect(demandCsv.text.split('\r\n')[0]).toBe(
    'item,week,confirmed,expected,total,inbound,projected',
  );
  expect(demandCsv.text.split('\r\n').length - 2).toBe(rows.length);
  const advisor = await get('/api/insights/advisor');
  expect(advisor.status).toBe(200);
  expect(advisor.body['baseline']).toMatchObject({ lines: 1 });
  expect((await get('/api/insights/advisor?format=csv')).text.split('\r\n')[0]).toBe(
    'item,quantity,medianDays,daysSaved,linesFaster,drivenLines',
  );
  const winloss = await get('/api/insights/winloss');
  expect(winloss.body).toMatchObject({ quotes: 0, winRate: null });
  const winlossCsv = (await get('/api/insights/winloss?format=csv')).text.split('\r\n');
  expect(winlossCsv[0]).toBe('label,upToBasisPoints,won,lost,open,winRate');
  expect(winlossCsv.slice(1, -1)).toEqual(
    (winloss.body['bands'] as Json[]).map(
      (b) => `${String(b['label'])},${String(b['upToBasisPoints'] ?? '')},0,0,0,0`,
    ),
  );

  // A rep's quote of two lines (a session each) saved, then saved again as revision 2 (each
  // line's quoteRequested again, in a later batch): both lines quoted, each once.
  const rep = (type: string, minute: number, session: string, body: Json = {}) => ({
    ...shop(type, `2026-12-04T09:${String(minute).padStart(2, '0')}:00Z`, session, body),
    channel: 'rep',
  });
  const lines = [
    ['R'.repeat(8), { frame: 'steel', drive: 'single' }],
    ['S'.repeat(8), { frame: 'aluminium', drive: 'dual' }],
  ] as const;
  const saved = (minute: number) =>
    lines.map(([session, selection]) => rep('quoteRequested', minute, session, { selection }));
  const firstSave = {
    batchId: 'batch-rep-quote-1',
    events: [
      ...lines.flatMap(([session, selection]) => [
        rep('opened', 0, session),
        rep('completed', 1, session, { selection }),
      ]),
      ...saved(2),
    ],
  };
  for (const batch of [firstSave, { batchId: 'batch-rep-quote-2', events: saved(3) }])
    expect((await call('POST', '/api/events', batch, REP_TOKEN)).status).toBe(201);
  const repFunnel = await get('/api/insights/funnel?channel=rep&from=2026-12-04&to=2026-12-04');
  expect((repFunnel.body['steps'] as Json[]).map((s) => [s['stage'], s['sessions']])).toEqual([
    ['opened', 2],
    ['completed', 2],
    ['quoted', 2],
    ['ordered', 0],
  ]);
}
