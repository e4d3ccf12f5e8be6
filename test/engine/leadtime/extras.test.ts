import { describe, expect, it } from 'vitest';
import { uncertainSupplies, orderConfidence } from '../../../src/engine/leadtime/confidence.ts';
import { snapshotContext } from '../../../src/engine/leadtime/context.ts';
import { parseSnapshot } from '../../../src/engine/leadtime/parseSnapshot.ts';
import { lineMemo, orderDeliveryDay, planOrder } from '../../../src/engine/leadtime/planOrder.ts';
import { baseSnapshot, boxModel, run, type Case, type SnapshotJson } from './harness.ts';

type Histogram = Record<string, number>;
const bought = (item: string, histogram?: Histogram) => (s: SnapshotJson) => {
  s.stock[item] = { onHand: 0 };
  s.items[item]!.suppliers = [
    { id: `S-${item}`, leadTime: 7, ...(histogram ? { delayHistogram: histogram } : {}) },
  ];
};
const all =
  (...patches: ((s: SnapshotJson) => void)[]) =>
  (s: SnapshotJson) => {
    for (const p of patches) p(s);
  };

// Now: Monday 2026-03-02 08:00 Berlin; a 7-day purchase is usable Monday 9 March.
describe('C14 quantity curve and split', () => {
  it.each([
    {
      // All-or-nothing would only say 5 by 9 March.
      name: '3 from stock now, all 5 after the purchase',
      onHand: 3,
      quantity: 5,
      curve: [
        { quantity: 3, deliveryDate: '2026-03-02' },
        { quantity: 5, deliveryDate: '2026-03-09' },
      ],
      split: [
        { quantity: 3, deliveryDate: '2026-03-02' },
        { quantity: 2, deliveryDate: '2026-03-09' },
      ],
    },
    {
      name: 'enough stock: one point, no split',
      onHand: 10,
      quantity: 5,
      curve: [{ quantity: 5, deliveryDate: '2026-03-02' }],
      split: undefined,
    },
  ])('$name', (c) => {
    const r = run({
      extras: true,
      quantity: c.quantity,
      snapshot: (s) => {
        bought('RED')(s);
        s.stock.RED = { onHand: c.onHand };
      },
    });
    expect(r.atpCurve).toEqual(c.curve);
    const split = r.suggestions.find((x) => x.type === 'split');
    expect(split?.type === 'split' ? split.shipments : undefined).toEqual(c.split);
  });
});

describe('C15 option swaps', () => {
  const prices: Record<string, string> = { red: '0.00', blue: '10.00', green: '-5.00' };
  const priceDelta = (_p: string, from: Record<string, unknown>, to: Record<string, unknown>) => {
    const a = Number(prices[String(from.color)]);
    const b = Number(prices[String(to.color)]);
    return (b - a).toFixed(2);
  };
  it.each([
    {
      // Without the validity check green would be offered, though the hook forbids it.
      name: 'only valid alternatives of the driving attribute',
      selection: { color: 'red', hook: true },
      swaps: [
        {
          change: { color: 'blue' },
          deliveryDate: '2026-03-02',
          daysSaved: 14,
          priceDeltaPerUnit: '10.00',
        },
      ],
    },
    {
      // Same days saved: the cheaper swap ranks first.
      name: 'ranked by days saved, then price',
      selection: { color: 'red' },
      swaps: [
        {
          change: { color: 'green' },
          deliveryDate: '2026-03-02',
          daysSaved: 14,
          priceDeltaPerUnit: '-5.00',
        },
        {
          change: { color: 'blue' },
          deliveryDate: '2026-03-02',
          daysSaved: 14,
          priceDeltaPerUnit: '10.00',
        },
      ],
    },
  ])('$name', (c) => {
    const r = run({
      extras: true,
      selection: c.selection,
      // RED takes two weeks; the hook's brackets are in stock.
      snapshot: (s) => {
        s.stock.RED = { onHand: 0 };
        s.items.RED!.suppliers = [{ id: 'S', leadTime: 14 }];
      },
      options: { priceDelta },
    });
    expect(r.deliveryDate).toBe('2026-03-16');
    expect(r.suggestions.filter((x) => x.type === 'optionSwap')).toEqual(
      c.swaps.map((s) => ({ type: 'optionSwap', ...s })),
    );
  });

  it('uses the validAlternatives hook when given, and drops swaps that are not faster', () => {
    const r = run({
      extras: true,
      snapshot: (s) => {
        bought('RED')(s);
        bought('BLUE')(s);
        s.items.BLUE!.suppliers = [{ id: 'S', leadTime: 21 }];
      },
      options: { validAlternatives: () => ['blue', 'green'] },
    });
    expect(r.suggestions.filter((x) => x.type === 'optionSwap')).toEqual([
      { type: 'optionSwap', change: { color: 'green' }, deliveryDate: '2026-03-02', daysSaved: 7 },
    ]);
  });

  it('drops a value of a multi attribute that drives the date', () => {
    // BOX with a multi 'extras' whose 'lamp' value needs LAMP (bought in 7 days).
    const r = run({
      extras: true,
      selection: { color: 'blue', extras: ['lamp', 'clip'] },
      model: (m) => {
        m.attributes.push({
          id: 'extras',
          label: 'Extras',
          group: 'g',
          type: 'multi',
          values: [
            { id: 'lamp', label: 'Lamp', bom: [{ item: 'LAMP', qtyPer: 1 }] },
            { id: 'clip', label: 'Clip', bom: [{ item: 'BRACKET', qtyPer: 1 }] },
          ],
        });
      },
      snapshot: (s) => {
        s.items.LAMP = { makeOrBuy: 'buy', suppliers: [{ id: 'S', leadTime: 7 }] };
      },
    });
    expect(r.deliveryDate).toBe('2026-03-09');
    expect(r.suggestions.filter((x) => x.type === 'optionSwap')).toEqual([
      {
        type: 'optionSwap',
        change: { extras: ['clip'] },
        deliveryDate: '2026-03-02',
        daysSaved: 7,
      },
    ]);
  });

  it('an unavailable line gets the swaps that make it available', () => {
    const r = run({ extras: true, snapshot: (s) => (s.stock.RED = { onHand: 0 }) });
    expect(r.status).toBe('unavailable');
    expect(r.suggestions.map((x) => (x.type === 'optionSwap' ? x.change : x))).toEqual([
      { color: 'blue' },
      { color: 'green' },
    ]);
  });
});

describe('C16 confidence of the whole promise', () => {
  it.each([
    {
      name: 'one supplier histogram',
      snapshot: bought('RED', { '0': 0.5, '2': 0.3, '5': 0.2 }),
      selection: { color: 'red' },
      p50: '2026-03-09',
      p90: '2026-03-16',
    },
    {
      // The later of the parts' P50s would say 9 March: both on time has probability 0.25 only.
      name: 'two uncertain parts: P50 of the whole',
      snapshot: all(
        bought('RED', { '0': 0.5, '3': 0.5 }),
        bought('BRACKET', { '0': 0.5, '3': 0.5 }),
      ),
      selection: { color: 'red', hook: true },
      p50: '2026-03-12',
      p90: '2026-03-12',
    },
    {
      // Each part's P90 is 9 March; both on time has probability 0.81 < 0.9.
      name: 'two uncertain parts: P90 later than either part',
      snapshot: all(
        bought('RED', { '0': 0.9, '3': 0.1 }),
        bought('BRACKET', { '0': 0.9, '3': 0.1 }),
      ),
      selection: { color: 'red', hook: true },
      p50: '2026-03-09',
      p90: '2026-03-12',
    },
    {
      // A PO without its own histogram takes its supplier's; expected 10 March, +4 WD = 16 March.
      name: 'an inbound PO with its supplier histogram',
      snapshot: (s: SnapshotJson) => {
        s.stock.RED = { onHand: 0 };
        s.items.RED!.suppliers = [
          { id: 'S-RED', leadTime: 30, delayHistogram: { '0': 0.5, '4': 0.5 } },
        ];
        s.inbound = [
          { id: 'PO-1', item: 'RED', qty: 5, expected: '2026-03-10', supplierId: 'S-RED' },
        ];
      },
      selection: { color: 'red' },
      p50: '2026-03-10',
      p90: '2026-03-16',
    },
  ])('$name', (c) => {
    const r = run({ extras: true, snapshot: c.snapshot, selection: c.selection });
    expect(r.confidence).toMatchObject({ method: 'exact', p50: c.p50, p90: c.p90 });
    expect(r.lines[0]!.confidence).toMatchObject({ p50: c.p50, p90: c.p90 });
  });

  it('falls back to seeded Monte Carlo for many uncertain parts, deterministically', () => {
    const items = Array.from({ length: 10 }, (_, i) => `X${i}`);
    const c: Case = {
      extras: true,
      model: (m) => {
        m.bom = items.map((item) => ({ item, qtyPer: 1 }));
      },
      snapshot: (s: SnapshotJson) => {
        for (const item of items) {
          s.items[item] = {
            makeOrBuy: 'buy',
            suppliers: [{ id: 'S', leadTime: 7, delayHistogram: { '0': 0.8, '2': 0.2 } }],
          };
        }
      },
    };
    const first = run(c).confidence!;
    expect(first).toMatchObject({ method: 'monte-carlo', outcomes: 400 });
    expect(first.seed).toBeTypeOf('number');
    expect(run(c).confidence).toEqual(first);
    // P(all 10 on time) = 0.8^10 ≈ 0.11, so even the median is late.
    expect(first.p50).toBe('2026-03-11');
  });

  it('reusing line plans across outcomes gives the same quantiles as re-planning everything', () => {
    // Two lines share ASM; the second also depends on the first line's RED delay through capacity.
    const snapshotJson = baseSnapshot();
    all(
      bought('RED', { '0': 0.5, '1': 0.3, '4': 0.2 }),
      bought('BLUE', { '0': 0.7, '2': 0.3 }),
    )(snapshotJson);
    const model = boxModel((m) => {
      m.routing = [{ op: 'ASM-10', workCenter: 'ASM', fixedHours: 6, hoursPerUnit: 1 }];
    });
    const snapshot = parseSnapshot(snapshotJson, [model]);
    const ctx = snapshotContext(snapshot);
    const models = new Map([['BOX', model]]);
    const lines = [
      { lineId: 'A', productId: 'BOX', quantity: 2, selection: { color: 'red' } },
      { lineId: 'B', productId: 'BOX', quantity: 1, selection: { color: 'blue' } },
      { lineId: 'C', productId: 'BOX', quantity: 1, selection: { color: 'red' } },
    ];
    const now = '2026-03-02T07:00:00Z';
    const base = planOrder(ctx, models, lines, now, 'asap', new Map());
    const memo = lineMemo(
      base,
      uncertainSupplies(base).map((u) => u.key),
    );
    const replan = (withMemo: boolean) => (delays: ReadonlyMap<string, number>) => {
      const again = planOrder(ctx, models, lines, now, 'asap', delays, withMemo ? memo : undefined);
      const order = orderDeliveryDay(again);
      return { ...(order === undefined ? {} : { order }), lines: again.deliveryDays };
    };
    const fast = orderConfidence(base, replan(true), [0.1, 0.5, 0.75, 0.9, 0.99]);
    const slow = orderConfidence(base, replan(false), [0.1, 0.5, 0.75, 0.9, 0.99]);
    expect(fast).toEqual(slow);
    expect(memo.deps).toEqual([
      ['supplier:RED:S-RED'],
      ['supplier:BLUE:S-BLUE', 'supplier:RED:S-RED'],
      ['supplier:BLUE:S-BLUE', 'supplier:RED:S-RED'],
    ]);
    // Line B waits behind line A on ASM, so A's delays move B's dates too.
    expect(new Set(Object.values(slow.lines[1]!.quantiles)).size).toBeGreaterThan(1);
  });

  it('says "none" when nothing is uncertain', () => {
    expect(run({ extras: true }).confidence).toMatchObject({
      method: 'none',
      p50: '2026-03-02',
      p90: '2026-03-02',
    });
  });
});
