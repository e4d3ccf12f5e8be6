import { describe, expect, it } from 'vitest';
import { op, run, type Case, type SnapshotJson } from './harness.ts';

const redBoughtIn7Days = (s: SnapshotJson) => {
  s.stock.RED = { onHand: 0 };
  s.items.RED!.suppliers = [{ id: 'S-RED', leadTime: 7 }];
};

// Now: Monday 2026-03-02 08:00 Berlin. RED, when bought, is usable Monday 9 March 08:00.
describe('C12 drivers along the critical path, slack for the others', () => {
  const cases: (Case & { name: string; drivers: unknown[] })[] = [
    {
      // An engine that names the last operation's work centre would say capacity first.
      name: 'a purchase drives, then capacity on the critical path',
      selection: { color: 'red', hook: true },
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0)];
      },
      snapshot: (s) => {
        redBoughtIn7Days(s);
        s.workCenters.ASM!.booked = [{ from: '2026-03-09T08:00', to: '2026-03-09T12:00' }];
      },
      drivers: [
        { kind: 'material', item: 'RED', cause: 'purchase' },
        { kind: 'capacity', workCenter: 'ASM', op: 'ASM-10' },
      ],
    },
    {
      name: 'capacity alone',
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0)];
      },
      snapshot: (s) => {
        s.workCenters.ASM!.booked = [{ from: '2026-03-02T08:00', to: '2026-03-02T16:00' }];
      },
      drivers: [{ kind: 'capacity', workCenter: 'ASM' }],
    },
    {
      name: 'nothing waits: processing',
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0)];
      },
      drivers: [{ kind: 'processing' }],
    },
    {
      // Through the make item: the bought tube is the root, not the welding.
      name: 'a component of a make item drives through its build',
      selection: { color: 'blue', legs: 'kit' },
      snapshot: (s) => {
        s.stock['LEG-KIT'] = { onHand: 0 };
        s.stock.TUBE = { onHand: 0 };
        s.items.TUBE!.suppliers = [{ id: 'S-TUBE', leadTime: 5, leadTimeUnit: 'workingDays' }];
      },
      drivers: [{ kind: 'material', item: 'TUBE', cause: 'purchase' }],
    },
    {
      name: 'an overdue PO names the PO',
      snapshot: (s) => {
        s.stock.RED = { onHand: 0 };
        s.inbound = [{ id: 'PO-9', item: 'RED', qty: 5, expected: '2026-02-20' }];
      },
      drivers: [{ kind: 'material', item: 'RED', cause: 'overdue', po: 'PO-9' }],
    },
    {
      // The bigger delay (a week of material) comes before the cut-off (one night).
      name: 'ordered by effect: material before acceptance',
      now: '2026-03-02T11:30:00Z',
      snapshot: redBoughtIn7Days,
      drivers: [
        { kind: 'material', item: 'RED', cause: 'purchase' },
        { kind: 'acceptance', cause: 'after-cutoff' },
      ],
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    expect(r.drivers).toMatchObject(c.drivers);
    expect(r.drivers).toHaveLength(c.drivers.length);
  });

  it('gives every other component its slack in working days', () => {
    const r = run({
      selection: { color: 'red', hook: true, legs: 'kit' },
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0)];
      },
      snapshot: (s) => {
        redBoughtIn7Days(s);
        s.stock['LEG-KIT'] = { onHand: 0 };
      },
    });
    const slack = Object.fromEntries(r.components.map((c) => [c.item, c.slackWorkingDays]));
    // RED is critical (0); BRACKET is there on 2 March, assembly starts 9 March: 5 working days;
    // LEG-KIT is welded 2 March 08:00–12:30: also 5; TUBE feeds the weld at once: 0 + 5.
    // An engine reporting calendar days would say 7.
    expect(slack).toEqual({ RED: 0, BRACKET: 5, 'LEG-KIT': 5, TUBE: 5 });
  });
});

describe('C13 several lines', () => {
  const twoLines = (quantity: number) => [
    { lineId: 'A', productId: 'BOX', quantity, selection: { color: 'red' } },
    { lineId: 'B', productId: 'BOX', quantity, selection: { color: 'red' } },
  ];
  const fiveRed = (s: SnapshotJson) => {
    redBoughtIn7Days(s);
    s.stock.RED = { onHand: 5 };
  };
  it.each([
    {
      // Both lines from the same 5 in stock (no consumption) would say 2 March for both.
      shipPolicy: 'asap' as const,
      lines: ['2026-03-02', '2026-03-09'],
      order: '2026-03-09',
      first: '2026-03-02',
    },
    {
      shipPolicy: 'complete' as const,
      lines: ['2026-03-09', '2026-03-09'],
      order: '2026-03-09',
      first: undefined,
    },
  ])('earlier lines consume stock first ($shipPolicy)', (c) => {
    const r = run({ lines: twoLines(3), shipPolicy: c.shipPolicy, snapshot: fiveRed });
    expect(r.lines.map((l) => l.deliveryDate)).toEqual(c.lines);
    expect(r.lines.map((l) => l.readyDate)).toEqual(['2026-03-02', '2026-03-09']);
    expect(r.deliveryDate).toBe(c.order);
    expect(r.firstDeliveryDate).toBe(c.first);
    expect(r.lines[1]!.components[0]).toMatchObject({
      item: 'RED',
      fromStock: 2,
      purchase: { quantity: 1 },
    });
  });

  it('earlier lines take capacity first', () => {
    // Infinite capacity would end both at 12:00.
    const r = run({
      lines: twoLines(1),
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 4, 0)];
      },
    });
    expect(r.lines.map((l) => l.productionEnd)).toEqual(['2026-03-02T12:00', '2026-03-02T16:00']);
  });

  it('an unavailable line makes a complete order unavailable', () => {
    const r = run({
      shipPolicy: 'complete',
      lines: [
        { lineId: 'A', productId: 'BOX', quantity: 1, selection: { color: 'blue' } },
        { lineId: 'B', productId: 'BOX', quantity: 1, selection: { color: 'red' } },
      ],
      snapshot: (s) => {
        s.stock.RED = { onHand: 0 };
      },
    });
    expect(r.status).toBe('unavailable');
    expect(r.lines.map((l) => l.status)).toEqual(['ok', 'unavailable']);
    expect(r.deliveryDate).toBeUndefined();
  });
});
