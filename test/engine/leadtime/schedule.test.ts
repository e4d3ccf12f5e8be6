import { describe, expect, it } from 'vitest';
import { scheduleWork } from '../../../src/engine/leadtime/capacity.ts';
import { slotLayers } from '../../../src/engine/leadtime/holds.ts';
import { dayOf } from '../../../src/engine/leadtime/time.ts';
import { seededRandom } from '../../../src/engine/random.ts';
import { op, run, twoShiftCalendar, type Case } from './harness.ts';

// Now: Monday 2026-03-02 08:00 in Berlin, everything in stock; ASM, PACK and WELD run Mon–Fri
// 08:00–16:00 with one job at a time unless a case says otherwise.
describe('C3 and C10 operations inside shifts on work centres', () => {
  const asm =
    (fixed: number, perUnit: number) => (m: Parameters<NonNullable<Case['model']>>[0]) => {
      m.routing = [op('ASM-10', 'ASM', fixed, perUnit)];
    };
  const cases: (Case & { name: string; end: string })[] = [
    {
      name: 'fixed + per unit × quantity',
      quantity: 2,
      model: asm(1, 0.5),
      end: '2026-03-02T10:00',
    },
    {
      // 24-hour days would end at 2026-03-04T00:00.
      name: '16 hours split across two shifts',
      quantity: 30,
      model: asm(1, 0.5),
      end: '2026-03-03T16:00',
    },
    {
      // Infinite capacity would end at 11:00.
      name: 'booked capacity is skipped',
      quantity: 4,
      model: asm(1, 0.5),
      snapshot: (s) => {
        s.workCenters.ASM!.booked = [{ from: '2026-03-02T10:00', to: '2026-03-02T12:00' }];
      },
      end: '2026-03-02T13:00',
    },
    {
      // Treating one booked job as blocking a two-job centre would end 2026-03-03T11:00.
      name: 'a second parallel job is free',
      quantity: 4,
      model: asm(1, 0.5),
      snapshot: (s) => {
        s.workCenters.ASM = {
          calendarId: 'DE',
          parallelJobs: 2,
          booked: [{ from: '2026-03-02T08:00', to: '2026-03-02T16:00' }],
        };
      },
      end: '2026-03-02T11:00',
    },
    {
      name: 'a full booked day pushes the job to the next day',
      quantity: 2,
      model: asm(1, 0.5),
      snapshot: (s) => {
        s.workCenters.ASM!.booked = [{ from: '2026-03-02T08:00', to: '2026-03-02T16:00' }];
      },
      end: '2026-03-03T10:00',
    },
    {
      // Running them in parallel would end at 10:00.
      name: 'after: [op] makes a sequence',
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0), op('PACK-20', 'PACK', 1, 0, ['ASM-10'])];
      },
      end: '2026-03-02T11:00',
    },
    {
      // Sequencing everything would end at 11:00.
      name: 'operations with an empty after run in parallel',
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0), op('PACK-20', 'PACK', 1, 0)];
      },
      end: '2026-03-02T10:00',
    },
    {
      // The plant's single shift would end at 2026-03-03T16:00.
      name: "a work centre's own two-shift calendar",
      quantity: 30,
      model: asm(1, 0.5),
      snapshot: (s) => {
        s.calendars.TWO = {
          workWeek: [1, 2, 3, 4, 5],
          shifts: [
            { start: '06:00', end: '14:00' },
            { start: '14:00', end: '22:00' },
          ],
        };
        s.workCenters.ASM!.calendarId = 'TWO';
      },
      end: '2026-03-03T08:00',
    },
    {
      // A night shift belongs to the day it starts: Mon 22:00–Tue 06:00 (8 h), then Tue 22:00–23:00.
      // Cutting shifts at midnight (or skipping them) would end on Wednesday.
      name: 'a night shift across midnight',
      model: asm(9, 0),
      snapshot: (s) => {
        s.calendars.NIGHT = {
          workWeek: [1, 2, 3, 4, 5],
          shifts: [{ start: '22:00', end: '06:00' }],
        };
        s.workCenters.ASM!.calendarId = 'NIGHT';
      },
      end: '2026-03-03T23:00',
    },
    {
      // Shifts read in UTC would start at 08:00Z = 10:00 CEST and end at 12:00.
      name: 'DST never moves a shift (30 March, CEST)',
      now: '2026-03-30T06:00:00Z',
      model: asm(2, 0),
      end: '2026-03-30T10:00',
    },
    {
      name: 'an operation whose condition does not hold is skipped',
      selection: { color: 'red', hook: false },
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0), op('DRILL', 'PACK', 3, 0, [], 'hook = true')];
      },
      end: '2026-03-02T10:00',
    },
    {
      name: 'an operation whose condition holds runs',
      selection: { color: 'red', hook: true },
      model: (m) => {
        m.routing = [op('ASM-10', 'ASM', 2, 0), op('DRILL', 'PACK', 3, 0, [], 'hook = true')];
      },
      end: '2026-03-02T11:00',
    },
    {
      // Starting at acceptance (ignoring the component) would end 2026-03-02T10:00.
      name: 'the routing starts when every component is there',
      model: asm(2, 0),
      snapshot: (s) => {
        s.stock.RED = { onHand: 0 };
        s.items.RED!.suppliers = [{ id: 'S', leadTime: 7 }];
      },
      end: '2026-03-09T10:00',
    },
    {
      // Minutes: 0.1 h × 7 = 42 min (float noise must not round up to 43).
      name: 'durations to the minute',
      quantity: 7,
      model: asm(0, 0.1),
      end: '2026-03-02T08:42',
    },
  ];
  it.each(cases)('$name', (c) => expect(run(c).productionEnd).toBe(c.end));
});

describe('C11 handling and transit in working days', () => {
  const cases: (Case & { name: string; ship: string; delivery: string; crossed?: string[] })[] = [
    {
      // Calendar days would say ship 2026-03-07, delivery 2026-03-09.
      name: 'Friday completion ships Monday, delivered Wednesday',
      now: '2026-03-06T07:00:00Z',
      snapshot: (s) => {
        s.plants.P!.handlingWorkingDays = 1;
        s.plants.P!.carrier = { calendarId: 'DE', transitWorkingDays: 2 };
      },
      ship: '2026-03-09',
      delivery: '2026-03-11',
    },
    {
      // Calendar days in transit would say 2026-04-04; working days without holidays 2026-04-06.
      name: 'a holiday in transit (Easter)',
      now: '2026-04-01T06:00:00Z',
      snapshot: (s) => {
        s.plants.P!.handlingWorkingDays = 1;
        s.plants.P!.carrier = { calendarId: 'DE', transitWorkingDays: 2 };
      },
      ship: '2026-04-02',
      delivery: '2026-04-08',
      crossed: ['2026-04-03', '2026-04-06'],
    },
    {
      // The plant's calendar would deliver on Monday 2026-03-09.
      name: "transit counts the carrier's calendar (Saturdays)",
      now: '2026-03-05T07:00:00Z',
      snapshot: (s) => {
        s.calendars.SAT = {
          workWeek: [1, 2, 3, 4, 5, 6],
          shifts: [{ start: '07:00', end: '18:00' }],
        };
        s.plants.P!.handlingWorkingDays = 1;
        s.plants.P!.carrier = { calendarId: 'SAT', transitWorkingDays: 1 };
      },
      ship: '2026-03-06',
      delivery: '2026-03-07',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run(c);
    expect(r.shipDate).toBe(c.ship);
    expect(r.deliveryDate).toBe(c.delivery);
    const transit = r.drivers.find((d) => d.kind === 'transit-calendar');
    expect(transit).toEqual(
      c.crossed
        ? expect.objectContaining({ kind: 'transit-calendar', dates: c.crossed })
        : undefined,
    );
  });
});

describe('capacity: long taken lists are indexed, with the same schedules as a plain scan', () => {
  const cal = twoShiftCalendar();
  const rng = seededRandom(7);
  const start = dayOf('2026-03-02') * 1440;
  // 600 short pieces (minutes to hours) over six weeks, and a few taking days.
  const pieces = Array.from({ length: 600 }, () => {
    const from = start + Math.floor(rng() * 42 * 1440);
    return { from, to: from + 5 + Math.floor(rng() * 300) };
  });
  const long = [
    { from: start + 1440 * 3 + 360, to: start + 1440 * 6 + 600 },
    { from: start + 1440 * 10, to: start + 1440 * 12 + 100 },
  ];
  const list = [...long, ...pieces];
  // Lists under 32 intervals are scanned whole: the same intervals in chunks of 20.
  const chunks = Array.from({ length: Math.ceil(list.length / 20) }, (_, i) =>
    list.slice(i * 20, i * 20 + 20),
  );
  it.each([1, 2, 3])('parallelJobs %i: every start and length gives the same pieces', (jobs) => {
    for (let k = 0; k < 60; k++) {
      const earliest = start + Math.floor(rng() * 30 * 1440);
      const minutes = 30 + Math.floor(rng() * 900);
      expect(scheduleWork(cal, jobs, [list, []], earliest, minutes)).toEqual(
        scheduleWork(cal, jobs, [...chunks, []], earliest, minutes),
      );
    }
  });
});

describe('capacity: a centre booked months ahead is skipped where it is full, with the same schedules', () => {
  const cal = twoShiftCalendar();
  const rng = seededRandom(11);
  const start = dayOf('2026-03-02') * 1440;
  // 120 days, each taken by 1–3 whole-day jobs and some shorter ones, a few with holes: read as
  // netting leaves them (slot layers, nested and sorted) and as the feed might send them (raw).
  const raw = Array.from({ length: 120 }, (_, d) => {
    const day = start + d * 1440;
    const whole = 1 + Math.floor(rng() * 3);
    const out = Array.from({ length: whole }, () => ({ from: day + 360, to: day + 1320 }));
    for (let k = 0; k < 4; k++) {
      const from = day + 360 + Math.floor(rng() * 900);
      out.push({ from, to: from + 5 + Math.floor(rng() * 120) });
    }
    if (rng() < 0.2) out.pop();
    return out;
  }).flat();
  const layers = slotLayers(raw);
  const chunked = (list: typeof raw) =>
    Array.from({ length: Math.ceil(list.length / 20) }, (_, i) => list.slice(i * 20, i * 20 + 20));
  it.each([
    ['slot layers', 1],
    ['slot layers', 2],
    ['slot layers', 3],
    ['slot layers', 4],
    ['raw', 2],
    ['raw', 3],
  ] as const)('%s, parallelJobs %i: the pieces and the wait of a plain scan', (kind, jobs) => {
    const list = kind === 'raw' ? raw : layers;
    for (let k = 0; k < 40; k++) {
      const earliest = start + Math.floor(rng() * 100 * 1440);
      const minutes = 30 + Math.floor(rng() * 2000);
      const taken = [{ from: earliest + 60, to: earliest + 300 }];
      expect(scheduleWork(cal, jobs, [list, taken], earliest, minutes)).toEqual(
        scheduleWork(cal, jobs, [...chunked(list), taken], earliest, minutes),
      );
    }
  });
});
