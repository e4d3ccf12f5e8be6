import { describe, expect, it } from 'vitest';
import { run, type Case, type SnapshotJson } from './harness.ts';

type Supplier = NonNullable<SnapshotJson['items'][string]['suppliers']>[number];

/** RED has no stock and the given suppliers. */
const redFrom =
  (suppliers: Supplier[], extra: (s: SnapshotJson) => void = () => {}) =>
  (s: SnapshotJson) => {
    s.stock.RED = { onHand: 0 };
    s.items.RED!.suppliers = suppliers;
    extra(s);
  };

const component = (r: ReturnType<typeof run>, item: string) =>
  r.components.find((c) => c.item === item)!;

// D0 = Monday 2026-03-02 (now 08:00 CET) unless a case says otherwise; no routing, no transit,
// so the delivery date is the day RED becomes usable.
describe('C5 new purchases', () => {
  const cases: (Case & { name: string; delivery: string; supplier?: string })[] = [
    {
      // 21 calendar days from Monday is Monday 23 March, a working day.
      name: '21 calendar days',
      snapshot: redFrom([{ id: 'S', leadTime: 21 }]),
      delivery: '2026-03-23',
    },
    {
      // Calendar days without moving would give Sunday 2026-03-22.
      name: 'a receipt on Sunday moves to Monday',
      snapshot: redFrom([{ id: 'S', leadTime: 20 }]),
      delivery: '2026-03-23',
    },
    {
      // Calendar days would give 2026-03-12.
      name: '10 working days',
      snapshot: redFrom([{ id: 'S', leadTime: 10, leadTimeUnit: 'workingDays' }]),
      delivery: '2026-03-16',
    },
    {
      // Inspection counted in calendar days would give 2026-03-25 too, so use Friday: 13 → Mon 16, +2 WD = Wed 18.
      name: 'inspection in working days after the receipt',
      snapshot: redFrom([{ id: 'S', leadTime: 11 }], (s) => {
        s.items.RED!.inspectionWorkingDays = 2;
      }),
      delivery: '2026-03-17',
    },
    {
      // Ignoring daysToPurchase gives 2026-03-09; order Wed 4 March + 7 days = Wed 11 March.
      name: 'days to purchase delay the order',
      snapshot: redFrom([{ id: 'S', leadTime: 7, daysToPurchase: 2 }]),
      delivery: '2026-03-11',
    },
    {
      // The earliest usable date wins over the better priority.
      name: 'earliest supplier wins',
      snapshot: redFrom([
        { id: 'A', priority: 1, leadTime: 10 },
        { id: 'B', priority: 5, leadTime: 9 },
      ]),
      delivery: '2026-03-11',
      supplier: 'B',
    },
    {
      // Taking the first listed supplier would pick A.
      name: 'a tie goes to the lowest priority number',
      snapshot: redFrom([
        { id: 'A', priority: 2, leadTime: 10 },
        { id: 'B', priority: 1, leadTime: 10 },
      ]),
      delivery: '2026-03-12',
      supplier: 'B',
    },
    {
      // Calendar days only would say Good Friday 2026-04-03; Easter Monday is off too.
      name: 'a receipt on Good Friday moves past Easter',
      now: '2026-03-27T07:00:00Z',
      snapshot: redFrom([{ id: 'S', leadTime: 7 }]),
      delivery: '2026-04-07',
    },
    {
      // Working days ignoring holidays would say 2026-04-06.
      name: 'working-day lead time skips Easter holidays',
      now: '2026-03-30T07:00:00Z',
      snapshot: redFrom([{ id: 'S', leadTime: 5, leadTimeUnit: 'workingDays' }]),
      delivery: '2026-04-08',
    },
    {
      // A minimum order quantity changes cost, not the date.
      name: 'minimum order quantity does not move the date',
      snapshot: redFrom([{ id: 'S', leadTime: 7, minOrderQty: 500, orderMultiple: 50 }]),
      delivery: '2026-03-09',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    expect(r.deliveryDate).toBe(c.delivery);
    const red = component(r, 'RED');
    expect(red.source).toBe('purchase');
    if (c.supplier) expect(red.purchase?.supplierId).toBe(c.supplier);
  });

  it('buys only the shortfall and starts at the first shift of the usable day', () => {
    const r = run({
      quantity: 5,
      snapshot: redFrom([{ id: 'S', leadTime: 7 }], (s) => {
        s.stock.RED = { onHand: 3 };
      }),
      now: '2026-03-02T10:00:00Z',
    });
    expect(component(r, 'RED')).toMatchObject({
      need: 5,
      fromStock: 3,
      availableAt: '2026-03-09T08:00',
      purchase: { quantity: 2, orderDate: '2026-03-02', receiptDate: '2026-03-09' },
    });
  });
});

describe('C6 inbound purchase orders', () => {
  const cases: (Case & { name: string; delivery: string; source: string; warned?: boolean })[] = [
    {
      // On-hand only would buy new (2026-03-23).
      name: 'an open PO covers the need',
      snapshot: redFrom([{ id: 'S', leadTime: 21 }], (s) => {
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-03-10' }];
      }),
      delivery: '2026-03-10',
      source: 'inbound',
    },
    {
      // Not moving the expected date and no inspection would say Saturday 2026-03-14.
      name: 'a Saturday arrival moves to Monday, then inspection',
      snapshot: redFrom([], (s) => {
        s.items.RED!.inspectionWorkingDays = 1;
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-03-14' }];
      }),
      delivery: '2026-03-17',
      source: 'inbound',
    },
    {
      // Trusting the past expected date would say available now (2026-03-02).
      name: 'an overdue PO is assumed D0 + 3 working days',
      snapshot: redFrom([], (s) => {
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-02-20' }];
      }),
      delivery: '2026-03-05',
      source: 'overdue',
      warned: true,
    },
    {
      name: 'the overdue policy sets the assumed days',
      snapshot: redFrom([], (s) => {
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-02-20' }];
        s.policies = { overdueInbound: { assumeArrivalWorkingDays: 5 } };
      }),
      delivery: '2026-03-09',
      source: 'overdue',
      warned: true,
    },
    {
      // Counting a received PO again would say 2026-03-10.
      name: 'a received PO is not inbound any more',
      snapshot: redFrom([{ id: 'S', leadTime: 14 }], (s) => {
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-03-10', received: true }];
      }),
      delivery: '2026-03-16',
      source: 'purchase',
    },
    {
      // Preferring existing supply blindly would wait for the PO (2026-03-30).
      name: 'a new purchase wins when it is earlier than the PO',
      snapshot: redFrom([{ id: 'S', leadTime: 14 }], (s) => {
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-03-30' }];
      }),
      delivery: '2026-03-16',
      source: 'purchase',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    expect(r.deliveryDate).toBe(c.delivery);
    expect(component(r, 'RED').source).toBe(c.source);
    expect(r.warnings.some((w) => w.code === 'overdue-inbound')).toBe(c.warned ?? false);
  });
});

describe('C7 available-to-promise with look-ahead', () => {
  const cases: (Case & { name: string; delivery?: string; source: string })[] = [
    {
      // On-hand (10 ≥ 5) would say stock today; 8 are promised to SO-1 on 20 March, so ATP(D0) =
      // min(10, 2, 12) = 2; the PO of 25 March lifts it to 12 (a purchase would take until 30 March).
      name: 'stock promised to a later order is not sold twice',
      quantity: 5,
      snapshot: redFrom([{ id: 'S', leadTime: 28 }], (s) => {
        s.stock.RED = { onHand: 10 };
        s.commitments = [{ id: 'SO-1', item: 'RED', qty: 8, due: '2026-03-20' }];
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-03-25' }];
      }),
      delivery: '2026-03-25',
      source: 'inbound',
    },
    {
      // On-hand 10 ≥ 5 would say stock; reserved 6 leave 4.
      name: 'reserved stock is not available',
      quantity: 5,
      snapshot: redFrom([{ id: 'S', leadTime: 7 }], (s) => {
        s.stock.RED = { onHand: 10, reserved: 6 };
      }),
      delivery: '2026-03-09',
      source: 'purchase',
    },
    {
      // Ignoring safety stock would say stock today.
      name: 'safety stock is protected',
      quantity: 5,
      snapshot: redFrom([{ id: 'S', leadTime: 7 }], (s) => {
        s.stock.RED = { onHand: 7, safetyStock: 3 };
      }),
      delivery: '2026-03-09',
      source: 'purchase',
    },
    {
      // P(D0) = 5 would say stock today, but SO-1 takes all 5 on 5 March; the PO refills on 10 March.
      name: 'a commitment before an inbound PO',
      quantity: 5,
      snapshot: redFrom([], (s) => {
        s.stock.RED = { onHand: 5 };
        s.commitments = [{ id: 'SO-1', item: 'RED', qty: 5, due: '2026-03-05' }];
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 5, expected: '2026-03-10' }];
      }),
      delivery: '2026-03-10',
      source: 'inbound',
    },
    {
      // A past-due commitment still holds its stock.
      name: 'a past-due commitment still counts',
      quantity: 5,
      snapshot: redFrom([{ id: 'S', leadTime: 7 }], (s) => {
        s.stock.RED = { onHand: 8 };
        s.commitments = [{ id: 'SO-1', item: 'RED', qty: 4, due: '2026-02-27' }];
      }),
      delivery: '2026-03-09',
      source: 'purchase',
    },
    {
      // No stock, no supplier, no PO: unavailable (an engine that assumes infinite supply promises today).
      name: 'no source: unavailable',
      quantity: 5,
      snapshot: redFrom([], (s) => {
        s.stock.RED = { onHand: 2 };
      }),
      source: 'none',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    expect(r.deliveryDate).toBe(c.delivery);
    expect(r.status).toBe(c.delivery ? 'ok' : 'unavailable');
    expect(component(r, 'RED').source).toBe(c.source);
  });

  it('an inbound PO before a later commitment keeps today available', () => {
    // ATP(D0) = min(P(D0) = 10, P(10 Mar) = 20, P(20 Mar) = 12) = 10 ≥ 5.
    const r = run({
      quantity: 5,
      snapshot: redFrom([], (s) => {
        s.stock.RED = { onHand: 10 };
        s.commitments = [{ id: 'SO-1', item: 'RED', qty: 8, due: '2026-03-20' }];
        s.inbound = [{ id: 'PO-1', item: 'RED', qty: 10, expected: '2026-03-10' }];
      }),
    });
    expect(component(r, 'RED').source).toBe('stock');
  });

  it('reports no-source as the driver of an unavailable line', () => {
    const r = run({ snapshot: redFrom([]) });
    expect(r.drivers).toMatchObject([{ kind: 'material', item: 'RED', cause: 'no-source' }]);
  });
});

describe('C8 aggregation per item', () => {
  // BRACKET: 3 in stock, supplier lead time 7 calendar days (usable Monday 9 March).
  const brackets = (s: SnapshotJson) => {
    s.stock.BRACKET = { onHand: 3 };
    s.items.BRACKET!.suppliers = [{ id: 'S', leadTime: 7 }];
  };
  const cases: (Case & { name: string; need: number; delivery: string })[] = [
    {
      name: 'one option: 2 brackets from stock',
      selection: { color: 'blue', hook: true },
      snapshot: brackets,
      need: 2,
      delivery: '2026-03-02',
    },
    {
      // Per BOM line, 2 ≤ 3 twice would say stock today.
      name: 'two options with 2 brackets each need 4',
      selection: { color: 'blue', hook: true, rail: true },
      snapshot: brackets,
      need: 4,
      delivery: '2026-03-09',
    },
    {
      // Per unit instead of × quantity would need 2.
      name: 'quantity multiplies qtyPer',
      selection: { color: 'blue', hook: true },
      quantity: 2,
      snapshot: brackets,
      need: 4,
      delivery: '2026-03-09',
    },
    {
      // Without scrap 3 ≤ 3 → stock; with 10 % scrap 3.3 rounds up to 4.
      name: 'scrap, rounded up for a discrete item',
      selection: { color: 'blue' },
      quantity: 3,
      model: (m) => {
        m.bom = [{ item: 'BRACKET', qtyPer: 1, scrap: 0.1 }];
      },
      snapshot: brackets,
      need: 4,
      delivery: '2026-03-09',
    },
    {
      // Rounding each line up (1 + 1) would need 2 > 1 in stock.
      name: 'rounding after summing: 0.5 + 0.5 = 1',
      selection: { color: 'blue', hook: true },
      model: (m) => {
        m.bom = [{ item: 'BRACKET', qtyPer: 0.5 }];
        const hook = m.attributes.find((a) => a.id === 'hook');
        if (hook?.type === 'boolean') hook.bom = [{ item: 'BRACKET', qtyPer: 0.5 }];
      },
      snapshot: (s) => {
        brackets(s);
        s.stock.BRACKET = { onHand: 1 };
      },
      need: 1,
      delivery: '2026-03-02',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    expect(component(r, 'BRACKET').need).toBe(c.need);
    expect(r.deliveryDate).toBe(c.delivery);
  });

  it('scales a number attribute BOM by its value (not discrete: no rounding)', () => {
    const r = run({ selection: { color: 'blue', length: 2.5 }, quantity: 2 });
    expect(component(r, 'TAPE').need).toBe(5);
  });
});

describe('C9 make items use their own stock first', () => {
  // LEG-KIT: make from 2 TUBE, WELD-10 = 4 h + 0.5 h/unit on WELD (Mon–Fri 08–16).
  const cases: (Case & { name: string; build?: number; available: string; end?: string })[] = [
    {
      // Building all 3 (ignoring the 1 in stock) would take 5.5 h → 13:30.
      name: 'builds only the shortfall',
      quantity: 3,
      selection: { color: 'blue', legs: 'kit' },
      snapshot: (s) => {
        s.stock['LEG-KIT'] = { onHand: 1 };
      },
      build: 2,
      available: '2026-03-02T13:00',
    },
    {
      name: 'stock covers it: no build',
      quantity: 1,
      selection: { color: 'blue', legs: 'kit' },
      snapshot: (s) => {
        s.stock['LEG-KIT'] = { onHand: 1 };
      },
      available: '2026-03-02T08:00',
    },
    {
      name: 'the move to the next level adds subassemblyMoveHours',
      quantity: 3,
      selection: { color: 'blue', legs: 'kit' },
      snapshot: (s) => {
        s.stock['LEG-KIT'] = { onHand: 1 };
        s.policies = { subassemblyMoveHours: 1 };
      },
      build: 2,
      available: '2026-03-02T14:00',
    },
    {
      // The second level: 4 tubes short; bought in 5 working days (Mon 9 March), then 5 h of welding.
      name: 'a short component of the make item is bought first',
      quantity: 2,
      selection: { color: 'blue', legs: 'kit' },
      snapshot: (s) => {
        s.stock['LEG-KIT'] = { onHand: 0 };
        s.stock.TUBE = { onHand: 0 };
        s.items.TUBE!.suppliers = [{ id: 'S', leadTime: 5, leadTimeUnit: 'workingDays' }];
      },
      build: 2,
      available: '2026-03-09T13:00',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    const kit = component(r, 'LEG-KIT');
    expect(kit.build?.quantity).toBe(c.build);
    expect(kit.availableAt).toBe(c.available);
    if (c.build)
      expect(component(r, 'TUBE')).toMatchObject({
        need: c.build * 2,
        level: 1,
        usedBy: ['LEG-KIT'],
      });
  });
});
