import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ModelDocument } from '../../../src/engine/model/schema.ts';
import type { ProductModel, Selection } from '../../../src/engine/model/types.ts';
import { compileCalendar, type WorkCalendar } from '../../../src/engine/leadtime/calendar.ts';
import { parseSnapshot } from '../../../src/engine/leadtime/parseSnapshot.ts';
import {
  promise,
  type PromiseOptions,
  type PromiseRequestInput,
  type PromiseResult,
} from '../../../src/engine/leadtime/promise.ts';
import type { snapshotSchema } from '../../../src/engine/leadtime/schema.ts';
import type { z } from '../../../src/engine/zod.ts';

/** A snapshot as authored (before defaults), for tests to patch. */
type SnapshotInput = z.input<typeof snapshotSchema>;
type Filled = 'stock' | 'inbound' | 'commitments' | 'policies' | 'workCenters';
export type SnapshotJson = Omit<SnapshotInput, Filled> & {
  [K in Filled]-?: NonNullable<SnapshotInput[K]>;
};
type ModelJson = z.input<typeof import('../../../src/engine/model/schema.ts').modelDocumentSchema>;

const buy = (suppliers: NonNullable<SnapshotJson['items'][string]['suppliers']> = []) => ({
  makeOrBuy: 'buy' as const,
  discrete: true,
  suppliers,
});

/**
 * A small plant in Berlin: Mon–Fri 08:00–16:00, Good Friday and Easter Monday 2026 off, cut-off
 * 12:00, no handling and no transit (tests add them), every item plentifully in stock.
 */
export function baseSnapshot(): SnapshotJson {
  return {
    plants: {
      P: {
        timeZone: 'Europe/Berlin',
        calendarId: 'DE',
        orderCutoff: '12:00',
        handlingWorkingDays: 0,
        carrier: { calendarId: 'DE', transitWorkingDays: 0 },
      },
    },
    calendars: {
      DE: {
        workWeek: [1, 2, 3, 4, 5],
        shifts: [{ start: '08:00', end: '16:00' }],
        holidays: ['2026-04-03', '2026-04-06'],
        extraWorkingDays: [],
      },
    },
    workCenters: {
      ASM: { calendarId: 'DE', parallelJobs: 1, booked: [] },
      PACK: { calendarId: 'DE', parallelJobs: 1, booked: [] },
      WELD: { calendarId: 'DE', parallelJobs: 1, booked: [] },
    },
    items: {
      RED: buy(),
      BLUE: buy(),
      GREEN: buy(),
      BRACKET: buy(),
      TUBE: buy(),
      TAPE: { makeOrBuy: 'buy', discrete: false, suppliers: [] },
      'LEG-KIT': {
        makeOrBuy: 'make',
        discrete: true,
        bom: [{ item: 'TUBE', qtyPer: 2 }],
        routing: [
          { op: 'WELD-10', workCenter: 'WELD', fixedHours: 4, hoursPerUnit: 0.5, after: [] },
        ],
      },
    },
    stock: Object.fromEntries(
      ['RED', 'BLUE', 'GREEN', 'BRACKET', 'TUBE', 'TAPE', 'LEG-KIT'].map((i) => [
        i,
        { onHand: 100, reserved: 0 },
      ]),
    ),
    inbound: [],
    commitments: [],
    policies: {},
  };
}

/** The test product BOX (plant P): a colour, two options that both use 2 brackets, legs, tape. */
export function boxModel(patch: (m: ModelJson) => void = () => {}): ProductModel {
  const doc: ModelJson = {
    schemaVersion: 1,
    id: 'BOX',
    version: '1',
    name: 'Box',
    plantId: 'P',
    category: 'hardware',
    groups: [{ id: 'g', label: 'G' }],
    attributes: [
      {
        id: 'color',
        label: 'Colour',
        group: 'g',
        type: 'choice',
        values: [
          { id: 'red', label: 'Red', bom: [{ item: 'RED', qtyPer: 1 }] },
          { id: 'blue', label: 'Blue', bom: [{ item: 'BLUE', qtyPer: 1 }] },
          { id: 'green', label: 'Green', bom: [{ item: 'GREEN', qtyPer: 1 }] },
        ],
      },
      {
        id: 'hook',
        label: 'Hook',
        group: 'g',
        type: 'boolean',
        bom: [{ item: 'BRACKET', qtyPer: 2 }],
      },
      {
        id: 'rail',
        label: 'Rail',
        group: 'g',
        type: 'boolean',
        bom: [{ item: 'BRACKET', qtyPer: 2 }],
      },
      {
        id: 'legs',
        label: 'Legs',
        group: 'g',
        type: 'choice',
        values: [
          { id: 'kit', label: 'Kit', bom: [{ item: 'LEG-KIT', qtyPer: 1 }] },
          { id: 'none', label: 'None' },
        ],
      },
      {
        id: 'length',
        label: 'Length',
        group: 'g',
        type: 'number',
        min: 0,
        max: 10,
        step: 0.5,
        bom: [{ item: 'TAPE', qtyPer: 1, multiplyByValue: true }],
      },
    ],
    constraints: [{ id: 'no-green-hook', message: 'no', rule: "color = 'green' -> hook = false" }],
    bom: [],
    routing: [],
  };
  patch(doc);
  return parseModel(doc);
}

/** What one test promise varies. */
export interface Case {
  snapshot?: (s: SnapshotJson) => void;
  model?: (m: ModelJson) => void;
  now?: string;
  quantity?: number;
  selection?: Selection;
  lines?: PromiseRequestInput['lines'];
  shipPolicy?: 'complete' | 'asap';
  extras?: boolean;
  options?: Partial<PromiseOptions>;
}

/** Monday 2 March 2026, 08:00 in Berlin (CET). */
export const MONDAY_8 = '2026-03-02T07:00:00Z';

/** Promises one case against the base snapshot and BOX model. */
export function run(c: Case): PromiseResult {
  const s = baseSnapshot();
  c.snapshot?.(s);
  const model = boxModel(c.model);
  const snapshot = parseSnapshot(s, [model]);
  const extras = c.extras ?? false;
  return promise(
    {
      now: c.now ?? MONDAY_8,
      shipPolicy: c.shipPolicy ?? 'asap',
      lines: c.lines ?? [
        {
          lineId: '1',
          productId: 'BOX',
          quantity: c.quantity ?? 1,
          selection: c.selection ?? { color: 'red' },
        },
      ],
      options: { atpCurve: extras, suggestions: extras, confidence: extras },
    },
    { snapshot, models: [model], ...c.options },
  );
}

/** An operation of the BOX routing. */
export function op(
  name: string,
  workCenter: string,
  fixedHours: number,
  hoursPerUnit: number,
  after: string[] = [],
  when?: string,
): ModelDocument['routing'][number] {
  return { op: name, workCenter, fixedHours, hoursPerUnit, after, ...(when ? { when } : {}) };
}

/**
 * A German weekday calendar with two shifts, 06:00–14:00 and 14:00–22:00, no holidays: the
 * centre the capacity tests book (compiled as `compileCalendar` does).
 */
export function twoShiftCalendar(): WorkCalendar {
  return compileCalendar('DE', {
    workWeek: [1, 2, 3, 4, 5],
    shifts: [
      { start: '06:00', end: '14:00' },
      { start: '14:00', end: '22:00' },
    ],
    holidays: [],
    extraWorkingDays: [],
  });
}
