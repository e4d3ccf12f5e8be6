import { jsonPath } from '../model/jsonPath.ts';
import type { ProductModel } from '../model/types.ts';
import { duplicates, findCycle } from '../findCycle.ts';
import { shiftMinutes } from './calendar.ts';
import { modelBomLines } from './modelBom.ts';
import {
  promiseRequestSchema,
  snapshotSchema,
  type PromiseRequest,
  type Snapshot,
} from './schema.ts';
import { isRealDate, isTimeZone, localMinute, MINUTES_PER_DAY } from './time.ts';

/** A problem in a snapshot or request: where (a JSON path) and what. */
export interface SnapshotIssue {
  path: string;
  message: string;
}

/** Thrown by `parseSnapshot` / `parsePromiseRequest` for invalid input; lists every problem. */
export class SnapshotError extends Error {
  readonly code: 'SNAPSHOT_INVALID' | 'REQUEST_INVALID';
  constructor(
    readonly issues: SnapshotIssue[],
    what: 'snapshot' | 'request' = 'snapshot',
  ) {
    super(
      `The ${what === 'snapshot' ? 'availability snapshot' : 'promise request'} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.path}: ${i.message}`).join('\n'),
    );
    this.code = what === 'snapshot' ? 'SNAPSHOT_INVALID' : 'REQUEST_INVALID';
    this.name = 'SnapshotError';
  }
}

/**
 * Validates an availability snapshot (lead-time.md) with zod, then its references: calendars of
 * plants, carriers and work centres; IANA time zones; real dates; shifts that overlap (also across
 * midnight); booked intervals that end before they start; BOM and routing references of items;
 * cycles in make items' BOMs. Items that only appear in stock, inbound or commitments become
 * bought items without suppliers. With `models`, also every BOM item, plant and work centre the
 * models name. Throws a `SnapshotError` listing every problem.
 *
 * @example
 * parseSnapshot({ plants: { BER: { timeZone: 'Mars/Olympus', … } }, … })
 * // throws SnapshotError: $.plants.BER.timeZone: unknown IANA time zone 'Mars/Olympus'
 */
export function parseSnapshot(json: unknown, models: readonly ProductModel[] = []): Snapshot {
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success)
    throw new SnapshotError(
      parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    );
  const s = withImplicitItems(parsed.data);
  const issues: SnapshotIssue[] = [];
  const report = (keys: PropertyKey[], message: string) =>
    issues.push({ path: jsonPath(keys), message });
  const calendarIds = Object.keys(s.calendars);
  const needCalendar = (keys: PropertyKey[], id: string) => {
    if (!s.calendars[id])
      report(keys, `unknown calendar '${id}' (calendars: ${calendarIds.join(', ') || 'none'})`);
  };
  const needItem = (keys: PropertyKey[], id: string) => {
    if (!s.items[id]) report(keys, `unknown item '${id}': it is not in $.items`);
  };
  const needDate = (keys: PropertyKey[], date: string) => {
    if (!isRealDate(date)) report(keys, `'${date}' is not a real calendar date`);
  };

  for (const [id, p] of Object.entries(s.plants)) {
    if (!isTimeZone(p.timeZone))
      report(['plants', id, 'timeZone'], `unknown IANA time zone '${p.timeZone}'`);
    needCalendar(['plants', id, 'calendarId'], p.calendarId);
    if (p.carrier) needCalendar(['plants', id, 'carrier', 'calendarId'], p.carrier.calendarId);
  }
  for (const [id, c] of Object.entries(s.calendars)) {
    c.holidays.forEach((d, i) => needDate(['calendars', id, 'holidays', i], d));
    c.extraWorkingDays.forEach((d, i) => needDate(['calendars', id, 'extraWorkingDays', i], d));
    if (c.workWeek.length === 0 && c.extraWorkingDays.length === 0)
      report(['calendars', id, 'workWeek'], 'the calendar has no working day at all');
    const shifts = c.shifts.map((sh) => shiftMinutes([sh])[0]!);
    const overlaps = (
      x: { start: number; end: number },
      y: { start: number; end: number },
      shift: number,
    ) => x.start + shift < y.end && y.start < x.end + shift;
    shifts.forEach((a, i) =>
      shifts.forEach((b, j) => {
        if (j <= i) return;
        if (
          overlaps(a, b, 0) ||
          overlaps(a, b, MINUTES_PER_DAY) ||
          overlaps(a, b, -MINUTES_PER_DAY)
        )
          report(
            ['calendars', id, 'shifts', j],
            `shift ${c.shifts[j]!.start}–${c.shifts[j]!.end} overlaps shift ${c.shifts[i]!.start}–${c.shifts[i]!.end} (shifts[${i}])`,
          );
      }),
    );
  }
  for (const [id, wc] of Object.entries(s.workCenters)) {
    if (wc.calendarId !== undefined) needCalendar(['workCenters', id, 'calendarId'], wc.calendarId);
    wc.booked.forEach((b, i) => {
      needDate(['workCenters', id, 'booked', i, 'from'], b.from.slice(0, 10));
      needDate(['workCenters', id, 'booked', i, 'to'], b.to.slice(0, 10));
      if (localMinute(b.to) <= localMinute(b.from))
        report(
          ['workCenters', id, 'booked', i],
          `booked interval ends (${b.to}) before it starts (${b.from})`,
        );
    });
  }
  for (const [id, item] of Object.entries(s.items)) {
    item.bom.forEach((b, i) => needItem(['items', id, 'bom', i, 'item'], b.item));
    for (const d of duplicates(item.suppliers.map((sup) => sup.id)))
      report(
        ['items', id, 'suppliers', d.index, 'id'],
        `duplicate supplier '${d.id}' (also suppliers[${d.first}])`,
      );
    const routingCycle = findCycle(
      item.routing.map((o) => o.op),
      (op) => item.routing.find((o) => o.op === op)?.after ?? [],
    );
    if (routingCycle)
      report(['items', id, 'routing'], `routing cycle: ${routingCycle.join(' runs after ')}`);
    const ops = new Set(item.routing.map((o) => o.op));
    item.routing.forEach((o, i) => {
      if (!s.workCenters[o.workCenter])
        report(['items', id, 'routing', i, 'workCenter'], `unknown work centre '${o.workCenter}'`);
      o.after.forEach((a, j) => {
        if (!ops.has(a))
          report(
            ['items', id, 'routing', i, 'after', j],
            `unknown operation '${a}' of item '${id}'`,
          );
      });
    });
  }
  for (const cycle of bomCycles(s))
    report(['items', cycle[0]!, 'bom'], `BOM cycle: ${cycle.join(' → ')}`);
  s.inbound.forEach((po, i) => needDate(['inbound', i, 'expected'], po.expected));
  s.commitments.forEach((c, i) => needDate(['commitments', i, 'due'], c.due));
  for (const d of duplicates(s.inbound.map((po) => po.id)))
    report(['inbound', d.index, 'id'], `duplicate inbound id '${d.id}' (also inbound[${d.first}])`);
  for (const d of duplicates(s.commitments.map((c) => c.id)))
    report(
      ['commitments', d.index, 'id'],
      `duplicate commitment id '${d.id}' (also commitments[${d.first}])`,
    );
  for (const model of models) {
    if (!s.plants[model.plantId])
      report(
        ['plants'],
        `product '${model.id}' is made at plant '${model.plantId}', which is not in the snapshot`,
      );
    for (const line of modelBomLines(model))
      if (!s.items[line.item])
        report(
          ['items'],
          `unknown item '${line.item}' (product '${model.id}', ${line.where}): it is not in $.items`,
        );
    for (const op of model.routing)
      if (!s.workCenters[op.workCenter])
        report(
          ['workCenters'],
          `unknown work centre '${op.workCenter}' (product '${model.id}', operation ${op.op})`,
        );
  }
  if (issues.length > 0) throw new SnapshotError(issues);
  return s;
}

/**
 * Items known only from `stock`, `inbound` or `commitments` (as in lead-time.md's own example,
 * where FRAME-ST has stock but no entry in `items`) are bought items without suppliers: they can
 * be promised from stock and open purchase orders, never bought new.
 */
function withImplicitItems(s: Snapshot): Snapshot {
  const ids = [
    ...Object.keys(s.stock),
    ...s.inbound.map((po) => po.item),
    ...s.commitments.map((c) => c.item),
  ].filter((id) => !s.items[id]);
  if (ids.length === 0) return s;
  const items = Object.assign(Object.create(null) as typeof s.items, s.items);
  for (const id of ids)
    items[id] = {
      makeOrBuy: 'buy',
      discrete: false,
      inspectionWorkingDays: 0,
      suppliers: [],
      bom: [],
      routing: [],
    };
  return { ...s, items };
}

/** Make-item BOM cycles, each as the item path that closes on itself. */
function bomCycles(s: Snapshot): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    const st = state.get(id);
    if (st === 'done') return;
    if (st === 'open') {
      cycles.push([...path.slice(path.indexOf(id)), id]);
      return;
    }
    state.set(id, 'open');
    for (const b of s.items[id]?.bom ?? []) visit(b.item, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of Object.keys(s.items)) visit(id, []);
  return cycles;
}

/**
 * Validates a promise request (lead-time.md, "Request"). Throws a `SnapshotError` with code
 * `REQUEST_INVALID` listing every problem with its JSON path.
 *
 * @example
 * parsePromiseRequest({ now: '2026-03-02T09:55:00Z', lines: [] }) // throws: $.lines: … at least 1
 */
export function parsePromiseRequest(json: unknown): PromiseRequest {
  const parsed = promiseRequestSchema.safeParse(json);
  if (!parsed.success)
    throw new SnapshotError(
      parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
      'request',
    );
  return parsed.data;
}
