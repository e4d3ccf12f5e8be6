import { describe, expect, it } from 'vitest';
import { lintSnapshot } from '../../../src/engine/leadtime/lintSnapshot.ts';
import { promise } from '../../../src/engine/leadtime/promise.ts';
import {
  parsePromiseRequest,
  parseSnapshot,
  SnapshotError,
} from '../../../src/engine/leadtime/parseSnapshot.ts';
import { baseSnapshot, boxModel, run, type SnapshotJson } from './harness.ts';

function issuesOf(patch: (s: SnapshotJson) => void, withModel = false): SnapshotError['issues'] {
  const s = baseSnapshot();
  patch(s);
  try {
    parseSnapshot(s, withModel ? [boxModel()] : []);
  } catch (error) {
    if (error instanceof SnapshotError) {
      expect(error.code).toBe('SNAPSHOT_INVALID');
      return error.issues;
    }
    throw error;
  }
  return [];
}

describe('parseSnapshot: every problem with its JSON path', () => {
  it.each<{
    name: string;
    patch: (s: SnapshotJson) => void;
    path: string;
    message: RegExp;
    withModel?: boolean;
  }>([
    {
      name: 'a bad time zone',
      patch: (s) => (s.plants.P!.timeZone = 'Mars/Olympus'),
      path: '$.plants.P.timeZone',
      message: /unknown IANA time zone 'Mars\/Olympus'/,
    },
    {
      name: 'an unknown calendar',
      patch: (s) => (s.plants.P!.calendarId = 'XX'),
      path: '$.plants.P.calendarId',
      message: /unknown calendar 'XX'/,
    },
    {
      name: 'overlapping shifts',
      patch: (s) =>
        (s.calendars.DE!.shifts = [
          { start: '06:00', end: '14:00' },
          { start: '13:00', end: '21:00' },
        ]),
      path: '$.calendars.DE.shifts[1]',
      message: /13:00–21:00 overlaps shift 06:00–14:00/,
    },
    {
      name: 'a night shift overlapping the next morning',
      patch: (s) =>
        (s.calendars.DE!.shifts = [
          { start: '05:00', end: '13:00' },
          { start: '22:00', end: '06:00' },
        ]),
      path: '$.calendars.DE.shifts[1]',
      message: /22:00–06:00 overlaps shift 05:00–13:00/,
    },
    {
      name: 'a negative quantity',
      patch: (s) => (s.stock.RED = { onHand: -1 }),
      path: '$.stock.RED.onHand',
      message: /cannot be negative/,
    },
    {
      name: 'an unknown item in a make BOM',
      patch: (s) => (s.items['LEG-KIT']!.bom = [{ item: 'PIPE', qtyPer: 1 }]),
      path: '$.items["LEG-KIT"].bom[0].item',
      message: /unknown item 'PIPE'/,
    },
    {
      name: 'a BOM cycle',
      patch: (s) => {
        s.items.TUBE = { makeOrBuy: 'make', bom: [{ item: 'LEG-KIT', qtyPer: 1 }] };
      },
      path: '$.items.TUBE.bom',
      message: /BOM cycle: TUBE → LEG-KIT → TUBE/,
    },
    {
      name: 'a date that does not exist',
      patch: (s) => (s.calendars.DE!.holidays = ['2026-02-30']),
      path: '$.calendars.DE.holidays[0]',
      message: /not a real calendar date/,
    },
    {
      name: 'a booked interval that ends before it starts',
      patch: (s) =>
        (s.workCenters.ASM!.booked = [{ from: '2026-03-02T12:00', to: '2026-03-02T08:00' }]),
      path: '$.workCenters.ASM.booked[0]',
      message: /ends .* before it starts/,
    },
    {
      name: 'an unknown operation in after',
      patch: (s) =>
        (s.items['LEG-KIT']!.routing = [
          { op: 'WELD-10', workCenter: 'WELD', fixedHours: 1, hoursPerUnit: 0, after: ['CUT'] },
        ]),
      path: '$.items["LEG-KIT"].routing[0].after[0]',
      message: /unknown operation 'CUT'/,
    },
    {
      name: 'a model BOM item the snapshot does not know',
      patch: (s) => {
        delete s.items.GREEN;
        delete s.stock.GREEN;
      },
      withModel: true,
      path: '$.items',
      message: /unknown item 'GREEN' \(product 'BOX', \$\.attributes\[0\]\.values\[2\]\.bom\[0\]\)/,
    },
  ])('$name', (c) => {
    const issues = issuesOf(c.patch, c.withModel);
    const hit = issues.find((i) => i.path === c.path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.message).toMatch(c.message);
  });

  it('an item known only from stock is a bought item without suppliers (as in the spec example)', () => {
    const s = baseSnapshot();
    s.stock['FRAME-ST'] = { onHand: 20, reserved: 5 };
    expect(parseSnapshot(s).items['FRAME-ST']).toMatchObject({ makeOrBuy: 'buy', suppliers: [] });
  });

  it('accepts the base snapshot and applies defaults', () => {
    const s = parseSnapshot(baseSnapshot(), [boxModel()]);
    expect(s.workCenters.ASM!.parallelJobs).toBe(1);
    expect(s.items.RED!.inspectionWorkingDays).toBe(0);
  });

  it('validates a request', () => {
    expect(() => parsePromiseRequest({ now: '2026-03-02', lines: [] })).toThrow(SnapshotError);
    try {
      parsePromiseRequest({
        now: '2026-03-02T09:55:00Z',
        lines: [{ lineId: '1', productId: 'BOX', quantity: 0, selection: {} }],
      });
    } catch (error) {
      expect((error as SnapshotError).code).toBe('REQUEST_INVALID');
      expect((error as SnapshotError).issues[0]!.path).toBe('$.lines[0].quantity');
    }
    expect(
      parsePromiseRequest({
        now: '2026-03-02T09:55:00+01:00',
        lines: [{ lineId: '1', productId: 'BOX', quantity: 1, selection: {} }],
      }).shipPolicy,
    ).toBe('asap');
  });
});

describe('promise: input it cannot plan', () => {
  it.each([
    {
      name: 'a product without a model',
      lines: [{ lineId: '1', productId: 'SOFA', quantity: 1, selection: {} }],
      message: /\$\.lines\[0\]\.productId: no product model for 'SOFA' \(models: BOX\)/,
    },
  ])('$name', (c) => {
    expect(() => run({ lines: c.lines })).toThrow(c.message);
  });

  it('a product made at a plant the snapshot does not know', () => {
    const model = boxModel((m) => (m.plantId = 'XX'));
    const request = {
      now: '2026-03-02T07:00:00Z',
      lines: [{ lineId: '1', productId: 'BOX', quantity: 1, selection: { color: 'red' } }],
    };
    expect(() =>
      promise(request, { snapshot: parseSnapshot(baseSnapshot()), models: [model] }),
    ).toThrow(
      /\$\.lines\[0\]\.productId: product 'BOX' is made at plant 'XX', which the snapshot does not know \(plants: P\)/,
    );
  });
});

describe('lintSnapshot', () => {
  it.each<{ name: string; patch: (s: SnapshotJson) => void; finding: object | undefined }>([
    {
      name: 'an unknown BOM item of a model value',
      patch: (s) => {
        delete s.items.GREEN;
        delete s.stock.GREEN;
      },
      finding: {
        severity: 'error',
        code: 'unknown-item',
        path: '$.attributes[0].values[2].bom[0].item',
        file: 'box.json',
      },
    },
    {
      name: 'a bought item a product needs with no source (an error: every order of it is unavailable)',
      patch: (s) => {
        s.stock.BLUE = { onHand: 0 };
      },
      finding: { severity: 'error', code: 'no-source', path: '$.items.BLUE', file: 'snap.json' },
    },
    {
      name: 'stock is a source',
      patch: () => {},
      finding: undefined,
    },
  ])('$name', (c) => {
    const s = baseSnapshot();
    c.patch(s);
    const findings = lintSnapshot(parseSnapshot(s), [boxModel()], {
      snapshot: 'snap.json',
      models: { BOX: 'box.json' },
    });
    expect(findings[0]).toMatchObject(c.finding ?? {});
    expect(findings.length).toBe(c.finding ? 1 : 0);
  });

  it('reports a routing work centre that is missing', () => {
    const model = boxModel((m) => {
      m.routing = [{ op: 'X', workCenter: 'PAINT', fixedHours: 1, hoursPerUnit: 0 }];
    });
    expect(lintSnapshot(parseSnapshot(baseSnapshot()), [model])).toMatchObject([
      { severity: 'error', code: 'unknown-work-center', path: '$.routing[0].workCenter' },
    ]);
  });
});
