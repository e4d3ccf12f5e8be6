import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeHolds,
  netOfHolds,
  promiseConsumption,
  promiseHolding,
  slotLayers,
  type Hold,
  type HoldNeed,
} from '../../../src/engine/leadtime/holds.ts';
import { scheduleWork } from '../../../src/engine/leadtime/capacity.ts';
import { bookedIntervals } from '../../../src/engine/leadtime/context.ts';
import { parseSnapshot } from '../../../src/engine/leadtime/parseSnapshot.ts';
import { promise } from '../../../src/engine/leadtime/promise.ts';
import type { Snapshot } from '../../../src/engine/leadtime/schema.ts';
import { dayOf, formatMinute } from '../../../src/engine/leadtime/time.ts';
import {
  baseSnapshot,
  boxModel,
  MONDAY_8,
  op,
  twoShiftCalendar,
  type SnapshotJson,
} from './harness.ts';

// Monday 2 March 2026, 08:00 Berlin; a new purchase of RED (7 calendar days) is usable 9 March.
const model = boxModel((m) => {
  m.routing = [op('ASM-10', 'ASM', 8, 0)];
});
const snapshotOf = (patch: (s: SnapshotJson) => void): Snapshot => {
  const s = baseSnapshot();
  s.items.RED!.suppliers = [{ id: 'S-RED', leadTime: 7 }];
  patch(s);
  return parseSnapshot(s, [model]);
};
const request = (now = MONDAY_8, quantity = 1) => ({
  now,
  lines: [{ lineId: '1', productId: 'BOX', quantity, selection: { color: 'red' } }],
  options: { atpCurve: false, suggestions: false, confidence: false },
});
const deliveryOn = (snapshot: Snapshot, now = MONDAY_8) =>
  promise(request(now), { snapshot, models: [model] }).deliveryDate;
const until =
  (expiresAt: string) =>
  (h: HoldNeed): Hold => ({ ...h, expiresAt });
const LATER = '2026-03-02T10:00:00Z'; // 11:00 in Berlin, still before the 12:00 cut-off

describe('holds netted out of the snapshot', () => {
  const lastRed = snapshotOf((s) => (s.stock.RED = { onHand: 1 }));
  const onPo = snapshotOf((s) => {
    s.stock.RED = { onHand: 0 };
    s.inbound = [{ id: 'PO-1', item: 'RED', qty: 1, expected: '2026-03-04' }];
  });
  it.each<{ name: string; snapshot: Snapshot; holds: Hold[]; now?: string; delivery: string }>([
    {
      name: 'no hold: the last RED from stock',
      snapshot: lastRed,
      holds: [],
      delivery: '2026-03-02',
    },
    {
      name: 'the last RED held: a purchase',
      snapshot: lastRed,
      holds: [{ kind: 'stock', item: 'RED', qty: 1, expiresAt: LATER }],
      delivery: '2026-03-09',
    },
    {
      name: 'the hold expired at now: released',
      snapshot: lastRed,
      holds: [{ kind: 'stock', item: 'RED', qty: 1, expiresAt: MONDAY_8 }],
      delivery: '2026-03-02',
    },
    { name: 'no hold: the PO', snapshot: onPo, holds: [], delivery: '2026-03-04' },
    {
      name: 'the PO quantity held: a purchase',
      snapshot: onPo,
      holds: [{ kind: 'po', po: 'PO-1', item: 'RED', qty: 1, expiresAt: LATER }],
      delivery: '2026-03-09',
    },
    {
      name: 'a PO hold on a received PO is reserved from stock',
      snapshot: snapshotOf((s) => {
        s.stock.RED = { onHand: 1 };
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 1, expected: '2026-03-01', received: true }];
      }),
      holds: [{ kind: 'po', po: 'PO-1', item: 'RED', qty: 1, expiresAt: LATER }],
      delivery: '2026-03-09',
    },
    {
      name: 'the whole Monday shift held on ASM: Tuesday',
      snapshot: snapshotOf(() => {}),
      holds: [
        {
          kind: 'capacity',
          workCenter: 'ASM',
          from: '2026-03-02T08:00',
          to: '2026-03-02T16:00',
          expiresAt: LATER,
        },
      ],
      delivery: '2026-03-03',
    },
    {
      name: 'a capacity hold on a work centre the snapshot lost is skipped',
      snapshot: snapshotOf(() => {}),
      holds: [
        {
          kind: 'capacity',
          workCenter: 'GONE',
          from: '2026-03-02T08:00',
          to: '2026-03-02T16:00',
          expiresAt: LATER,
        },
      ],
      delivery: '2026-03-02',
    },
  ])('$name', (c) => {
    const now = c.now ?? MONDAY_8;
    expect(deliveryOn(netOfHolds(c.snapshot, c.holds, now), now)).toBe(c.delivery);
  });

  it('is pure: the snapshot is not modified, and no active hold returns it unchanged', () => {
    const before = JSON.stringify(lastRed);
    const held = netOfHolds(
      lastRed,
      [{ kind: 'stock', item: 'RED', qty: 1, expiresAt: LATER }],
      MONDAY_8,
    );
    expect(held).not.toBe(lastRed);
    expect(JSON.stringify(lastRed)).toBe(before);
    expect(
      netOfHolds(lastRed, [{ kind: 'stock', item: 'RED', qty: 1, expiresAt: MONDAY_8 }], MONDAY_8),
    ).toBe(lastRed);
  });

  it('activeHolds keeps holds expiring after now, whatever the offset', () => {
    const holds = [
      { id: 'a', expiresAt: '2026-03-02T08:00:01+01:00' }, // 07:00:01Z: after now
      { id: 'b', expiresAt: '2026-03-02T08:00:00+01:00' }, // = now: released
      { id: 'c', expiresAt: '2026-03-02T06:59:00Z' },
    ];
    expect(activeHolds(holds, MONDAY_8).map((h) => h.id)).toEqual(['a']);
  });
});

describe('what a promise consumes', () => {
  it('stock, the PO waited for, and the operation time', () => {
    const snapshot = snapshotOf((s) => {
      s.stock.RED = { onHand: 0 };
      s.stock.BRACKET = { onHand: 10 };
      s.inbound = [{ id: 'PO-1', item: 'RED', qty: 5, expected: '2026-03-04' }];
    });
    const needs = promiseConsumption(
      {
        now: MONDAY_8,
        lines: [
          { lineId: '1', productId: 'BOX', quantity: 2, selection: { color: 'red', hook: true } },
        ],
      },
      { snapshot, models: [model] },
    );
    expect(needs).toEqual([
      { kind: 'stock', item: 'BRACKET', qty: 4 },
      { kind: 'po', po: 'PO-1', item: 'RED', qty: 2 },
      { kind: 'capacity', workCenter: 'ASM', from: '2026-03-04T08:00', to: '2026-03-04T16:00' },
    ]);
  });

  it('two buyers for the last unit get different, correct dates; release and re-promise', () => {
    const snapshot = snapshotOf((s) => (s.stock.RED = { onHand: 1 }));
    const first = until(LATER);
    const a = promiseConsumption(request(), { snapshot, models: [model] }).map(first);
    expect(deliveryOn(snapshot)).toBe('2026-03-02');
    // The second buyer is promised net of the first one's hold: stock and the Monday shift.
    const netA = netOfHolds(snapshot, a, MONDAY_8);
    expect(deliveryOn(netA)).toBe('2026-03-09');
    const b = promiseConsumption(request(), { snapshot: netA, models: [model] }).map(
      until('2026-03-02T12:00:00Z'),
    );
    expect(b).toContainEqual({
      kind: 'capacity',
      workCenter: 'ASM',
      from: '2026-03-09T08:00',
      to: '2026-03-09T16:00',
      expiresAt: '2026-03-02T12:00:00Z',
    });
    // The first buyer cancels: their hold is released, a third buyer gets the unit again.
    expect(deliveryOn(netOfHolds(snapshot, b, MONDAY_8))).toBe('2026-03-02');
    // The first buyer's hold expires before they order, and a third buyer takes the unit at 11:00:
    // the first buyer's order is re-promised net of the others' holds, and the date moves (the
    // purchase of the 9th, whose ASM shift the second buyer holds: the 10th).
    const c = promiseConsumption(request(LATER), {
      snapshot: netOfHolds(snapshot, [...a, ...b], LATER),
      models: [model],
    }).map(until('2026-03-02T13:00:00Z'));
    expect(c).toContainEqual({
      kind: 'stock',
      item: 'RED',
      qty: 1,
      expiresAt: '2026-03-02T13:00:00Z',
    });
    expect(deliveryOn(netOfHolds(snapshot, [...a, ...b, ...c], LATER), LATER)).toBe('2026-03-10');
  });
});

describe('slotLayers: the canonical form of taken intervals', () => {
  const taken = (list: readonly { from: number; to: number }[], at: number) =>
    list.filter((i) => i.from <= at && at < i.to).length;
  const intervals = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }))
      .map(([from, length]) => ({ from, to: from + length })),
    { maxLength: 12 },
  );
  it('keeps the number of taken slots at every minute, and is the same for any equal count', () => {
    fc.assert(
      fc.property(intervals, fc.integer({ min: 0, max: 1000 }), (list, seed) => {
        const layers = slotLayers(list);
        for (let at = 0; at <= 80; at++) expect(taken(layers, at)).toBe(taken(list, at));
        // Cut every interval at a point and shuffle: the same count, the same layers.
        const cut = list.flatMap((i) => {
          const mid = i.from + ((seed + i.from) % Math.max(1, i.to - i.from));
          return [
            { from: i.from, to: mid },
            { from: mid, to: i.to },
          ];
        });
        const shuffled = cut.map((i, k) => ({ i, k: (k * 7919 + seed) % 104729 }));
        shuffled.sort((a, b) => a.k - b.k);
        expect(slotLayers(shuffled.map((x) => x.i))).toEqual(layers);
        // Its own canonical form.
        expect(slotLayers(layers)).toEqual(layers);
      }),
    );
  });
  it('joins back-to-back pieces and keeps parallel ones as levels', () => {
    expect(
      slotLayers([
        { from: 0, to: 10 },
        { from: 10, to: 20 },
        { from: 5, to: 15 },
        { from: 30, to: 30 },
      ]),
    ).toEqual([
      { from: 0, to: 20 },
      { from: 5, to: 15 },
    ]);
  });
});

describe('capacity holds netted in any grouping', () => {
  const at = (minute: number) => {
    const day = 2 + Math.floor(minute / 600);
    const m = 8 * 60 + (minute % 600);
    const hh = String(Math.floor(m / 60)).padStart(2, '0');
    const mm = String(m % 60).padStart(2, '0');
    return `2026-03-${String(day).padStart(2, '0')}T${hh}:${mm}`;
  };
  // Pieces of up to four hours over six days of one 10-hour shift (empty ones for holds only).
  const pieceOf = (min: number) =>
    fc
      .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min, max: 240 }))
      .map(([from, length]) => ({ from: at(from), to: at(from + length) }));
  const piece = pieceOf(0);
  it('gives the same booked list as netting every hold at once', () => {
    fc.assert(
      fc.property(
        fc.array(pieceOf(1), { maxLength: 6 }),
        fc.array(fc.array(piece, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        (own, groups) => {
          const s = baseSnapshot();
          s.workCenters.ASM!.booked = own;
          const snapshot = parseSnapshot(s, [model]);
          const holds = groups.map((g) =>
            g.map((p): Hold => ({ kind: 'capacity', workCenter: 'ASM', ...p, expiresAt: LATER })),
          );
          let oneByOne = snapshot;
          for (const g of holds) oneByOne = netOfHolds(oneByOne, g, MONDAY_8);
          const atOnce = netOfHolds(snapshot, holds.flat(), MONDAY_8);
          expect(oneByOne.workCenters.ASM!.booked).toEqual(atOnce.workCenters.ASM!.booked);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a long netted list: its entries, and schedules on it', () => {
  const start = dayOf('2026-03-02') * 1440;
  const at = (minute: number) => formatMinute(start + minute);
  const cal = twoShiftCalendar();
  // Over two weeks, full in places: the centre's own bookings, some days long, and held pieces.
  const span = (max: number) =>
    fc
      .tuple(fc.integer({ min: 0, max: 14 * 1440 }), fc.integer({ min: 1, max }))
      .map(([from, length]) => ({ from: at(from), to: at(from + length) }));
  it('netting one by one gives the list netting at once gives, and the schedules of a plain scan', () => {
    fc.assert(
      fc.property(
        fc.array(span(4 * 1440), { maxLength: 4 }),
        fc.array(fc.array(span(900), { minLength: 1, maxLength: 3 }), {
          minLength: 20,
          maxLength: 60,
        }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 14 * 1440 }), fc.integer({ min: 30, max: 3000 })),
          {
            minLength: 2,
            maxLength: 4,
          },
        ),
        fc.integer({ min: 1, max: 3 }),
        (own, groups, probes, jobs) => {
          const s = baseSnapshot();
          s.workCenters.ASM!.booked = own;
          const snapshot = parseSnapshot(s, [model]);
          const holds = groups.map((g) =>
            g.map((p): Hold => ({ kind: 'capacity', workCenter: 'ASM', ...p, expiresAt: LATER })),
          );
          let oneByOne = snapshot;
          holds.forEach((g, k) => {
            oneByOne = netOfHolds(oneByOne, g, MONDAY_8);
            if (k % 10 !== 9 && k !== holds.length - 1) return;
            // The scheduler's index of the netted list is carried from list to list.
            const list = bookedIntervals(oneByOne.workCenters.ASM!.booked);
            const chunks = Array.from({ length: Math.ceil(list.length / 20) }, (_, i) =>
              list.slice(i * 20, i * 20 + 20),
            );
            for (const [earliest, minutes] of probes)
              expect(scheduleWork(cal, jobs, [list], start + earliest, minutes)).toEqual(
                scheduleWork(cal, jobs, chunks, start + earliest, minutes),
              );
          });
          const atOnce = netOfHolds(snapshot, holds.flat(), MONDAY_8);
          expect(oneByOne.workCenters.ASM!.booked).toEqual(atOnce.workCenters.ASM!.booked);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('many holds on one work centre', () => {
  // Two parallel jobs on ASM; every order takes 3 hours of it.
  const threeHours = boxModel((m) => {
    m.routing = [op('ASM-10', 'ASM', 3, 0)];
  });
  const snapshot = (() => {
    const s = baseSnapshot();
    s.stock.RED = { onHand: 1000 };
    s.workCenters.ASM!.parallelJobs = 2;
    s.workCenters.ASM!.booked = [{ from: '2026-03-03T09:00', to: '2026-03-03T11:00' }];
    return parseSnapshot(s, [threeHours]);
  })();
  const options = (snap: Snapshot) => ({ snapshot: snap, models: [threeHours] });
  it('promiseHolding plans once what promise and promiseConsumption give apart', () => {
    let net = snapshot;
    for (let k = 0; k < 12; k++) {
      const held = promiseHolding(request(), options(net));
      expect(held.result).toEqual(promise(request(), options(net)));
      expect(held.needs).toEqual(promiseConsumption(request(), options(net)));
      net = netOfHolds(net, held.needs.map(until(LATER)), MONDAY_8);
    }
    // No RED anywhere and no supplier: unavailable, and nothing is held.
    const none = snapshotOf((s) => {
      s.items.RED!.suppliers = [];
      s.stock.RED = { onHand: 0 };
    });
    const unavailable = promiseHolding(request(), { snapshot: none, models: [model] });
    expect(unavailable.result.status).toBe('unavailable');
    expect(unavailable.needs).toEqual([]);
  });
  it('netting them one by one gives what netting them at once gives, and few booked intervals', () => {
    const holds: Hold[] = [];
    let oneByOne = snapshot;
    const dates: (string | undefined)[] = [];
    for (let k = 0; k < 60; k++) {
      const needs = promiseConsumption(request(), options(oneByOne)).map(until(LATER));
      holds.push(...needs);
      oneByOne = netOfHolds(oneByOne, needs, MONDAY_8);
      dates.push(promise(request(), options(oneByOne)).deliveryDate);
    }
    const atOnce = netOfHolds(snapshot, holds, MONDAY_8);
    expect(oneByOne.workCenters.ASM!.booked).toEqual(atOnce.workCenters.ASM!.booked);
    expect(promise(request(), options(atOnce)).deliveryDate).toBe(dates[dates.length - 1]);
    // 60 orders of 3 hours on two slots fill 90 hours: some shift-long layers, not 60+ pieces.
    expect(atOnce.workCenters.ASM!.booked.length).toBeLessThan(50);
    expect(new Set(dates).size).toBeGreaterThan(5);
    // Later orders never get an earlier date.
    expect([...dates].sort()).toEqual(dates);
  });
});

describe('C14 split: at most two shipments unless asked', () => {
  // RED: 2 in stock, PO of 2 usable Wednesday 4 March, a purchase usable Monday 9 March.
  const snapshot = (s: SnapshotJson) => {
    s.items.RED!.suppliers = [{ id: 'S-RED', leadTime: 7 }];
    s.stock.RED = { onHand: 2 };
    s.inbound = [{ id: 'PO-1', item: 'RED', qty: 2, expected: '2026-03-04' }];
  };
  const split = (maxShipments?: number) => {
    const s = baseSnapshot();
    snapshot(s);
    const m = boxModel();
    const r = promise(
      {
        now: MONDAY_8,
        lines: [{ lineId: '1', productId: 'BOX', quantity: 5, selection: { color: 'red' } }],
        options: { confidence: false, ...(maxShipments === undefined ? {} : { maxShipments }) },
      },
      { snapshot: parseSnapshot(s, [m]), models: [m] },
    );
    return { curve: r.atpCurve, s: r.suggestions.find((x) => x.type === 'split') };
  };
  it('the curve has three steps', () => {
    expect(split().curve).toEqual([
      { quantity: 2, deliveryDate: '2026-03-02' },
      { quantity: 4, deliveryDate: '2026-03-04' },
      { quantity: 5, deliveryDate: '2026-03-09' },
    ]);
  });
  it('default: the split bringing most unit-days forward (4 on Wednesday, then 1)', () => {
    // 2 now + 3 on the 9th brings 14 unit-days; 4 on the 4th + 1 on the 9th brings 20.
    expect(split().s).toEqual({
      type: 'split',
      shipments: [
        { quantity: 4, deliveryDate: '2026-03-04' },
        { quantity: 1, deliveryDate: '2026-03-09' },
      ],
    });
  });
  it('maxShipments 3: one shipment per step', () => {
    expect(split(3).s).toEqual({
      type: 'split',
      shipments: [
        { quantity: 2, deliveryDate: '2026-03-02' },
        { quantity: 2, deliveryDate: '2026-03-04' },
        { quantity: 1, deliveryDate: '2026-03-09' },
      ],
    });
  });
});
