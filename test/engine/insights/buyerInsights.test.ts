import { describe, expect, it } from 'vitest';
import {
  aggregateDaily,
  commonConfigurations,
  eventBatchSchema,
  frequentConflicts,
  funnel,
  isoWeek,
  leadTimeByWeek,
  optionPopularity,
  utcDay,
  type InsightEvent,
} from '../../../src/engine/index.ts';

type Body = Record<string, unknown>;
const ev = (type: InsightEvent['type'], at: string, session: string, body: Body = {}) =>
  ({
    type,
    at,
    session: `sess-${session}`,
    productId: 'BOX',
    channel: 'shop',
    ...body,
  }) as InsightEvent;
const rep = (e: InsightEvent): InsightEvent => ({ ...e, channel: 'rep' });

// Five shop sessions and one rep session (figures below counted by hand from this list).
const events: InsightEvent[] = [
  ev('opened', '2026-12-01T09:00:00Z', '0001'),
  ev('chosen', '2026-12-01T09:01:00Z', '0001', { attributeId: 'color', value: 'red' }),
  ev('completed', '2026-12-01T09:02:00Z', '0001', {
    selection: { color: 'red', hook: true },
    promisedDays: 10,
  }),
  ev('quoteRequested', '2026-12-01T09:03:00Z', '0001', { selection: { color: 'red', hook: true } }),
  ev('ordered', '2026-12-01T09:04:00Z', '0001', { selection: { color: 'red', hook: true } }),
  ev('opened', '2026-12-01T23:30:00Z', '0002'),
  // 00:30 in Berlin on the 2nd is still the 1st in UTC? No: 23:40-01:00 is 00:40Z on the 2nd.
  ev('completed', '2026-12-01T23:40:00-01:00', '0002', {
    selection: { hook: false, color: 'red' },
    promisedDays: 12,
  }),
  ev('quoteRequested', '2026-12-02T01:00:00Z', '0002', {
    selection: { color: 'red', hook: false },
  }),
  ev('opened', '2026-12-02T10:00:00Z', '0003'),
  ev('conflict', '2026-12-02T10:01:00Z', '0003', {
    attributeId: 'color',
    constraintIds: ['c1'],
    resolution: 'repaired',
  }),
  ev('completed', '2026-12-02T10:02:00Z', '0003', {
    selection: { color: 'blue', hook: true },
    promisedDays: 20,
  }),
  ev('opened', '2026-12-03T10:00:00Z', '0004'),
  ev('conflict', '2026-12-03T10:01:00Z', '0004', {
    attributeId: 'color',
    constraintIds: ['c1'],
    resolution: 'reverted',
  }),
  ev('abandoned', '2026-12-03T10:05:00Z', '0004', { step: 'g' }),
  ev('opened', '2026-12-08T10:00:00Z', '0005'),
  ev('completed', '2026-12-08T10:02:00Z', '0005', {
    selection: { color: 'red', hook: true },
    promisedDays: 7,
  }),
  // A repeated completion of the same session counts once.
  ev('completed', '2026-12-08T10:03:00Z', '0005', {
    selection: { color: 'red', hook: true },
    promisedDays: 7,
  }),
  rep(ev('opened', '2026-12-03T11:00:00Z', '0006')),
  rep(
    ev('completed', '2026-12-03T11:05:00Z', '0006', {
      selection: { color: 'green' },
      promisedDays: 5,
    }),
  ),
];
const rows = aggregateDaily(events);

describe('insights from a seeded event set', () => {
  it('every seeded event passes the wire schema', () => {
    expect(eventBatchSchema.safeParse({ batchId: 'batch-0001', events }).success).toBe(true);
  });

  it('option popularity per attribute, shop only: counts, shares of 4 completed, date range', () => {
    const shop = optionPopularity(rows, { channel: 'shop' });
    expect(
      shop.map((p) => [p.attributeId, p.value, p.count, p.share, p.firstDay, p.lastDay]),
    ).toEqual([
      ['color', 'red', 3, 0.75, '2026-12-01', '2026-12-08'],
      ['color', 'blue', 1, 0.25, '2026-12-02', '2026-12-02'],
      ['hook', 'true', 3, 0.75, '2026-12-01', '2026-12-08'],
      ['hook', 'false', 1, 0.25, '2026-12-02', '2026-12-02'],
    ]);
  });

  it('both channels: 5 completed; a date range keeps the 2nd and 3rd only', () => {
    const all = optionPopularity(rows);
    expect(
      all.filter((p) => p.attributeId === 'color').map((p) => [p.value, p.count, p.share]),
    ).toEqual([
      ['red', 3, 0.6],
      ['blue', 1, 0.2],
      ['green', 1, 0.2],
    ]);
    const range = optionPopularity(rows, { from: '2026-12-02', to: '2026-12-03', channel: 'shop' });
    expect(
      range.filter((p) => p.attributeId === 'color').map((p) => [p.value, p.count, p.share]),
    ).toEqual([
      ['blue', 1, 0.5],
      ['red', 1, 0.5],
    ]);
  });

  it('most common full configurations', () => {
    expect(commonConfigurations(rows, { channel: 'shop' })).toEqual([
      { productId: 'BOX', selection: { color: 'red', hook: true }, count: 2, share: 0.5 },
      { productId: 'BOX', selection: { color: 'blue', hook: true }, count: 1, share: 0.25 },
      { productId: 'BOX', selection: { color: 'red', hook: false }, count: 1, share: 0.25 },
    ]);
    expect(commonConfigurations(rows, { channel: 'shop' }, 1)).toHaveLength(1);
  });

  it('funnel opened → completed → quoted → ordered with drop-off, and abandoned steps', () => {
    expect(funnel(rows, { channel: 'shop' })).toEqual({
      steps: [
        { stage: 'opened', sessions: 5, dropped: 0, dropRate: 0 },
        { stage: 'completed', sessions: 4, dropped: 1, dropRate: 0.2 },
        { stage: 'quoted', sessions: 2, dropped: 2, dropRate: 0.5 },
        { stage: 'ordered', sessions: 1, dropped: 1, dropRate: 0.5 },
      ],
      abandoned: [{ step: 'g', sessions: 1 }],
    });
  });

  it('conflicts met most often, with how they were left', () => {
    expect(frequentConflicts(rows)).toEqual([
      {
        productId: 'BOX',
        attributeId: 'color',
        constraintIds: ['c1'],
        count: 2,
        resolutions: { repaired: 1, reverted: 1, unresolved: 0 },
      },
    ]);
  });

  it('promised lead time P50/P90 per product per ISO week (nearest rank)', () => {
    expect(leadTimeByWeek(rows, { channel: 'shop' })).toEqual([
      { productId: 'BOX', week: '2026-W49', configurations: 3, p50: 12, p90: 20 },
      { productId: 'BOX', week: '2026-W50', configurations: 1, p50: 7, p90: 7 },
    ]);
  });

  it('aggregating in two halves and summing gives the same figures (the server adds batches)', () => {
    const summed = [...aggregateDaily(events.slice(0, 9)), ...aggregateDaily(events.slice(9))];
    expect(optionPopularity(summed)).toEqual(optionPopularity(rows));
    expect(funnel(summed)).toEqual(funnel(rows));
  });
});

describe('dates', () => {
  it.each([
    ['2026-12-07', '2026-W50'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('isoWeek(%s) = %s', (date, week) => expect(isoWeek(date)).toBe(week));

  it.each([
    ['2026-12-01T23:40:00-01:00', '2026-12-02'],
    ['2026-12-02T00:30:00+01:00', '2026-12-01'],
    ['2026-12-02T00:30:00.123Z', '2026-12-02'],
    ['2026-12-31T23:59Z', '2026-12-31'],
  ])('utcDay(%s) = %s', (at, day) => expect(utcDay(at)).toBe(day));
});

describe('the event wire refuses personal data and bad input by path', () => {
  const bad: [string, unknown, string][] = [
    [
      'free text in a value',
      {
        type: 'chosen',
        at: '2026-12-01T09:00:00Z',
        session: 'sess-0001',
        productId: 'BOX',
        channel: 'shop',
        attributeId: 'name',
        value: 'Jane Doe <jane@x.org>',
      },
      'events.0.value',
    ],
    [
      'an unknown field (an e-mail)',
      {
        type: 'opened',
        at: '2026-12-01T09:00:00Z',
        session: 'sess-0001',
        productId: 'BOX',
        channel: 'shop',
        email: 'a@b.c',
      },
      'events.0',
    ],
    [
      'a short session id',
      {
        type: 'opened',
        at: '2026-12-01T09:00:00Z',
        session: 's1',
        productId: 'BOX',
        channel: 'shop',
      },
      'events.0.session',
    ],
    [
      'no offset on the instant',
      {
        type: 'opened',
        at: '2026-12-01T09:00:00',
        session: 'sess-0001',
        productId: 'BOX',
        channel: 'shop',
      },
      'events.0.at',
    ],
  ];
  it.each(bad)('%s', (_name, event, path) => {
    const r = eventBatchSchema.safeParse({ batchId: 'batch-0001', events: [event] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

describe("a repeated module's instance ids", () => {
  const completed = (selection: Record<string, unknown>) => ({
    batchId: 'batch-0001',
    events: [
      {
        type: 'completed',
        at: '2026-12-01T09:00:00Z',
        session: 'sess-0001',
        productId: 'SOFA',
        channel: 'shop',
        selection,
      },
    ],
  });
  it('are reported like any id (seat[2].firmness), a constraint instance too', () => {
    expect(eventBatchSchema.safeParse(completed({ 'seat[2].firmness': 'soft' })).success).toBe(
      true,
    );
    const { selection: _, ...base } = completed({}).events[0]!;
    const r = eventBatchSchema.safeParse({
      batchId: 'batch-0001',
      events: [
        {
          ...base,
          type: 'conflict',
          attributeId: 'seat[1].seatType',
          constraintIds: ['corner-arms[1]'],
          resolution: 'repaired',
        },
      ],
    });
    expect(r.error?.issues ?? []).toEqual([]);
  });
  it.each(['seat[x].firmness', 'seat [1]', 'seat[1]firmness', 'seat[12345].a'])(
    'refuses %s',
    (id) => {
      const r = eventBatchSchema.safeParse(completed({ [id]: 'soft' }));
      expect(r.error?.issues.map((i) => i.path.slice(0, 3).join('.'))).toContain(
        'events.0.selection',
      );
    },
  );
});
