import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../../src/engine/leadtime/parseSnapshot.ts';
import { promise } from '../../../src/engine/leadtime/promise.ts';
import { parseModel } from '../../../src/engine/model/parseModel.ts';

// The snapshot of lead-time.md's "Shapes" (TUBE and the WELD centre added so it is complete;
// FRAME-ST and MOTOR-1 stay known only from stock and commitments, as in the spec).
const snapshot = parseSnapshot(
  JSON.parse(readFileSync('test/fixtures/snapshots/spec-example.json', 'utf8')),
);
const desk = parseModel({
  schemaVersion: 1,
  id: 'DESK',
  version: '2026-03-01',
  name: 'Standing desk',
  plantId: 'BER',
  category: 'hardware',
  groups: [{ id: 'structure', label: 'Structure' }],
  attributes: [
    {
      id: 'frame',
      label: 'Frame',
      group: 'structure',
      type: 'choice',
      values: [
        { id: 'steel', label: 'Steel', bom: [{ item: 'FRAME-ST', qtyPer: 1 }] },
        { id: 'aluminium', label: 'Aluminium', bom: [{ item: 'FRAME-AL', qtyPer: 1 }] },
      ],
    },
    {
      id: 'legs',
      label: 'Legs',
      group: 'structure',
      type: 'choice',
      values: [{ id: 'kit', label: 'Kit', bom: [{ item: 'LEG-KIT', qtyPer: 1 }] }],
    },
  ],
  routing: [{ op: 'ASM-10', workCenter: 'ASM', fixedHours: 2, hoursPerUnit: 1.5, after: [] }],
});

describe("the spec's example snapshot", () => {
  it.each([
    {
      // FRAME-AL: none in stock; PO-4410 (16 March) + 1 inspection day = 17 March beats a new
      // purchase (21 days + 1 = 24 March). ASM is booked all of 2 March anyway. 3.5 h of assembly
      // 08:00–11:30 on 17 March; ship 18 March; 2 working days of transit: 20 March.
      // Ignoring the PO would say 27 March; ignoring the inspection day 19 March.
      frame: 'aluminium',
      productionEnd: '2026-03-17T11:30',
      shipDate: '2026-03-18',
      deliveryDate: '2026-03-20',
      driver: { kind: 'material', item: 'FRAME-AL', cause: 'inbound', po: 'PO-4410' },
    },
    {
      // FRAME-ST from stock (20 − 5 reserved); the leg kit is welded 10:55–15:25 on 2 March (4 h +
      // 0.5 h). ASM is booked all of 2 March, so the 3.5 h of assembly run 08:00–11:30 on 3 March.
      // Ignoring the booking would say 3 March 10:55 (35 min on 2 March, the rest the next day).
      frame: 'steel',
      productionEnd: '2026-03-03T11:30',
      shipDate: '2026-03-04',
      deliveryDate: '2026-03-06',
      driver: { kind: 'capacity', workCenter: 'ASM' },
    },
  ])('$frame', (c) => {
    const r = promise(
      {
        now: '2026-03-02T09:55:00Z',
        lines: [
          {
            lineId: '1',
            productId: 'DESK',
            quantity: 1,
            selection: { frame: c.frame, legs: 'kit' },
          },
        ],
      },
      { snapshot, models: [desk] },
    );
    expect(r).toMatchObject({
      status: 'ok',
      accepted: { date: '2026-03-02', reason: 'before-cutoff' },
      productionEnd: c.productionEnd,
      shipDate: c.shipDate,
      deliveryDate: c.deliveryDate,
    });
    expect(r.drivers[0]).toMatchObject(c.driver);
  });
});
