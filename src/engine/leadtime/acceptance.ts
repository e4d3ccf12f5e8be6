import { nextWorkingDay, shiftStartOf } from './calendar.ts';
import type { PlantContext } from './context.ts';
import { MINUTES_PER_DAY, wallClockOf } from './time.ts';

/** Why the order was accepted on its date (C4). */
export type AcceptanceReason = 'before-cutoff' | 'after-cutoff' | 'non-working-day';

/** The acceptance of an order at a plant (C4). */
export interface AcceptancePlan {
  /** `now` on the plant's wall clock (exact, with seconds as a fraction of a minute). */
  now: number;
  /** D0, the acceptance day. */
  day: number;
  /** The instant (minute) production may start. */
  minute: number;
  reason: AcceptanceReason;
}

/**
 * Acceptance and cut-off (C4), in the plant's time zone: when `now`'s local date is a working day
 * and its local time is strictly before `orderCutoff`, the order is accepted that day and may
 * start at max(now, first shift start), rounded up to the whole minute; otherwise it is accepted
 * on the next working day at its first shift start. A time equal to the cut-off is after it.
 *
 * @example
 * accept(berlin, '2026-03-02T10:30:00Z') // 11:30 CET: { day: 2 March, reason: 'before-cutoff' }
 * accept(berlin, '2026-03-02T11:00:00Z') // 12:00 CET: { day: 3 March, reason: 'after-cutoff' }
 */
export function accept(plant: PlantContext, now: string): AcceptancePlan {
  let byNow = memo.get(plant);
  if (!byNow) memo.set(plant, (byNow = new Map()));
  let plan = byNow.get(now);
  if (!plan) {
    if (byNow.size >= 64) byNow.clear(); // a widget promises with a new `now` on every click
    byNow.set(now, (plan = acceptUncached(plant, now)));
  }
  return plan;
}

/** Acceptances already computed, per plant and `now` (a pure function of both). */
const memo = new WeakMap<PlantContext, Map<string, AcceptancePlan>>();

function acceptUncached(plant: PlantContext, now: string): AcceptancePlan {
  const local = wallClockOf(now, plant.timeZone);
  const day = Math.floor(local / MINUTES_PER_DAY);
  const time = local - day * MINUTES_PER_DAY;
  const cal = plant.calendar;
  if (cal.isWorking(day) && time < plant.cutoff) {
    return {
      now: local,
      day,
      minute: Math.max(Math.ceil(local - 1e-9), shiftStartOf(cal, day)),
      reason: 'before-cutoff',
    };
  }
  const d0 = nextWorkingDay(cal, day + 1);
  return {
    now: local,
    day: d0,
    minute: shiftStartOf(cal, d0),
    reason: cal.isWorking(day) ? 'after-cutoff' : 'non-working-day',
  };
}
