import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  compileCalendar,
  nextWorkingDay,
  workingDaysBetween,
} from '../../../src/engine/leadtime/calendar.ts';
import { dateOf, dayOf } from '../../../src/engine/leadtime/time.ts';
import { run } from './harness.ts';

// Plant P: Europe/Berlin, Mon–Fri 08:00–16:00, cut-off 12:00, holidays 2026-04-03 and 2026-04-06.
// No routing and everything in stock, so production ends at the acceptance instant.
describe('C1 time zones and C4 acceptance / cut-off', () => {
  const cases: {
    name: string;
    now: string;
    timeZone?: string;
    extra?: string[];
    date: string;
    reason: string;
    at: string;
  }[] = [
    {
      // A UTC engine would start at 09:55 (the UTC wall clock).
      name: 'before the cut-off in CET',
      now: '2026-03-02T09:55:00Z',
      date: '2026-03-02',
      reason: 'before-cutoff',
      at: '2026-03-02T10:55',
    },
    {
      // UTC cut-off would say accepted 2026-03-02 (11:30 < 12:00).
      name: '12:30 local is after the cut-off',
      now: '2026-03-02T11:30:00Z',
      date: '2026-03-03',
      reason: 'after-cutoff',
      at: '2026-03-03T08:00',
    },
    {
      // "<= cut-off" would accept on 2026-03-02.
      name: 'exactly the cut-off is after it',
      now: '2026-03-02T11:00:00Z',
      date: '2026-03-03',
      reason: 'after-cutoff',
      at: '2026-03-03T08:00',
    },
    {
      // Starting at `now` would say 06:00, before the shift.
      name: 'early morning starts at the first shift',
      now: '2026-03-02T05:00:00Z',
      date: '2026-03-02',
      reason: 'before-cutoff',
      at: '2026-03-02T08:00',
    },
    {
      // UTC says Sunday 23:30 (non-working-day); in Berlin it is Monday 00:30.
      name: 'Monday just after local midnight',
      now: '2026-03-01T23:30:00Z',
      date: '2026-03-02',
      reason: 'before-cutoff',
      at: '2026-03-02T08:00',
    },
    {
      // A calendar-day engine would accept on Sunday 2026-03-08.
      name: 'Saturday moves to Monday',
      now: '2026-03-07T09:00:00Z',
      date: '2026-03-09',
      reason: 'non-working-day',
      at: '2026-03-09T08:00',
    },
    {
      // DST: last Sunday of March. A fixed +01:00 offset says 11:30, accepted 2026-03-30.
      name: 'DST: 10:30Z on 30 March is 12:30 CEST, after the cut-off',
      now: '2026-03-30T10:30:00Z',
      date: '2026-03-31',
      reason: 'after-cutoff',
      at: '2026-03-31T08:00',
    },
    {
      // DST: a fixed +01:00 offset says 10:30.
      name: 'DST: 09:30Z on 30 March starts at 11:30 CEST',
      now: '2026-03-30T09:30:00Z',
      date: '2026-03-30',
      reason: 'before-cutoff',
      at: '2026-03-30T11:30',
    },
    {
      // Ignoring holidays would accept on Monday 2026-04-06 (Easter Monday).
      name: 'Good Friday moves past Easter Monday',
      now: '2026-04-03T08:00:00Z',
      date: '2026-04-07',
      reason: 'non-working-day',
      at: '2026-04-07T08:00',
    },
    {
      // Ignoring extraWorkingDays would move to Monday 2026-03-09.
      name: 'an extra working Saturday accepts',
      now: '2026-03-07T08:00:00Z',
      extra: ['2026-03-07'],
      date: '2026-03-07',
      reason: 'before-cutoff',
      at: '2026-03-07T09:00',
    },
    {
      // UTC cut-off: 16:30 is after 12:00 → 2026-03-03.
      name: 'New York plant: 16:30Z is 11:30 EST',
      now: '2026-03-02T16:30:00Z',
      timeZone: 'America/New_York',
      date: '2026-03-02',
      reason: 'before-cutoff',
      at: '2026-03-02T11:30',
    },
    {
      // US DST began 8 March: a fixed −05:00 offset says 11:30, accepted 2026-03-09.
      name: 'New York after US DST: 16:30Z is 12:30 EDT',
      now: '2026-03-09T16:30:00Z',
      timeZone: 'America/New_York',
      date: '2026-03-10',
      reason: 'after-cutoff',
      at: '2026-03-10T08:00',
    },
  ];
  it.each(cases)('$name', (c) => {
    const r = run({
      now: c.now,
      snapshot: (s) => {
        if (c.timeZone) s.plants.P!.timeZone = c.timeZone;
        if (c.extra) s.calendars.DE!.extraWorkingDays = c.extra;
      },
    });
    expect(r.accepted).toEqual({ date: c.date, reason: c.reason, at: c.at });
    expect(r.productionEnd).toBe(c.at);
    expect(r.deliveryDate).toBe(c.date);
  });

  it('names a late acceptance as the driver', () => {
    const r = run({ now: '2026-03-02T11:30:00Z' });
    expect(r.drivers).toMatchObject([{ kind: 'acceptance', cause: 'after-cutoff' }]);
    expect(r.drivers).toHaveLength(1);
    expect(run({ now: '2026-03-02T07:30:00Z' }).drivers).toMatchObject([{ kind: 'processing' }]);
  });
});

describe('C2 working days', () => {
  const de = compileCalendar('DE', {
    workWeek: [1, 2, 3, 4, 5],
    shifts: [{ start: '08:00', end: '16:00' }],
    holidays: ['2026-04-03', '2026-04-06'],
    extraWorkingDays: ['2026-04-04'],
  });
  const cases: { name: string; got: () => number; want: string }[] = [
    // Calendar days would give 2026-03-08 (Sunday).
    {
      name: 'Fri + 2 working days',
      got: () => addWorkingDays(de, dayOf('2026-03-06'), 2),
      want: '2026-03-10',
    },
    // Zero working days from a working day is the day itself.
    { name: 'Mon + 0', got: () => addWorkingDays(de, dayOf('2026-03-02'), 0), want: '2026-03-02' },
    // Zero from a Sunday moves to Monday, not stays on Sunday.
    { name: 'Sun + 0', got: () => addWorkingDays(de, dayOf('2026-03-08'), 0), want: '2026-03-09' },
    // Good Friday is a holiday; the extra Saturday 4 April works; Easter Monday does not.
    {
      name: 'Thu 2 Apr + 1 skips Good Friday to the extra Saturday',
      got: () => addWorkingDays(de, dayOf('2026-04-02'), 1),
      want: '2026-04-04',
    },
    {
      name: 'Thu 2 Apr + 2 skips Easter Monday',
      got: () => addWorkingDays(de, dayOf('2026-04-02'), 2),
      want: '2026-04-07',
    },
    {
      name: 'next working day of Good Friday',
      got: () => nextWorkingDay(de, dayOf('2026-04-03')),
      want: '2026-04-04',
    },
  ];
  it.each(cases)('$name', (c) => expect(dateOf(c.got())).toBe(c.want));

  it('counts working days between dates (exclusive start, inclusive end)', () => {
    expect(workingDaysBetween(de, dayOf('2026-03-02'), dayOf('2026-03-18'))).toBe(12);
    expect(workingDaysBetween(de, dayOf('2026-04-02'), dayOf('2026-04-07'))).toBe(2);
  });
});
