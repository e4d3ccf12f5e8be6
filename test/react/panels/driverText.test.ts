import { describe, expect, it } from 'vitest';
import {
  parseSnapshot,
  promise,
  type Driver,
  type PromiseResult,
} from '../../../src/engine/index.ts';
import { translator } from '../../../src/react/i18n/messages.ts';
import { driverText } from '../../../src/react/panels/driverText.ts';
import { timelineMarks } from '../../../src/react/panels/PromiseTimeline.tsx';
import { availabilityJson, completeSelection, desk, NOW } from '../panelFixtures.ts';

const snapshot = parseSnapshot(availabilityJson);
const line = { lineId: 'L1', productId: 'DESK', quantity: 1, selection: completeSelection };
const result = promise({ now: NOW, lines: [line] }, { snapshot, models: [desk] });
const decor = 'HPL-U961-08';
const egger = availabilityJson.items[decor].suppliers[0]!;

/** The result with the anthracite laminate bought from its supplier (the C7 purchase case). */
const bought: PromiseResult = {
  ...result,
  components: [
    ...result.components,
    {
      lineId: 'L1',
      item: decor,
      need: 1,
      source: 'purchase' as const,
      level: 0,
      usedBy: ['DESK'],
      fromStock: 0,
      purchase: {
        supplierId: egger.id,
        quantity: 1,
        orderDate: '2026-11-24',
        receiptDate: '2026-12-08',
        usableDate: '2026-12-08',
      },
    },
  ],
};

describe('driverText: a driver in the buyer’s words', () => {
  const words = (locale: string, r: PromiseResult = bought) => ({
    model: desk,
    selection: completeSelection,
    result: r,
    snapshot,
    t: translator(locale),
    locale,
  });
  const material = (
    cause: Extract<Driver, { kind: 'material' }>['cause'],
    po?: string,
  ): Driver => ({
    kind: 'material',
    item: decor,
    cause,
    ...(po && { po }),
    detail: '…',
  });

  it.each<[string, Driver, string, string]>([
    [
      'purchase',
      material('purchase'),
      'en',
      `Laminate decor: Anthracite (U961): supplier lead time ${egger.leadTime} days`,
    ],
    [
      'purchase (de)',
      material('purchase'),
      'de',
      `Laminate decor: Anthracite (U961): Lieferzeit des Lieferanten ${egger.leadTime} Tage`,
    ],
    [
      'inbound',
      material('inbound', 'PO-BER-4410'),
      'en',
      'Laminate decor: Anthracite (U961): waits for purchase order PO-BER-4410',
    ],
    [
      'overdue',
      material('overdue', 'PO-X'),
      'en',
      'Laminate decor: Anthracite (U961): waits for the overdue purchase order PO-X',
    ],
    ['stock', material('stock'), 'en', 'Laminate decor: Anthracite (U961): from stock'],
    [
      'no source',
      material('no-source'),
      'en',
      'Laminate decor: Anthracite (U961): no supplier or purchase order can deliver it',
    ],
    [
      'an item no chosen value brings in keeps its id',
      { kind: 'material', item: 'SCR-4X30-SPAX', cause: 'stock', detail: '' },
      'en',
      'SCR-4X30-SPAX: from stock',
    ],
    [
      'capacity',
      { kind: 'capacity', workCenter: 'BER-ASM', op: 'ASM-30', detail: '' },
      'en',
      'The BER-ASM work centre is fully booked (ASM-30)',
    ],
    [
      'after the cut-off',
      { kind: 'acceptance', cause: 'after-cutoff' },
      'en',
      "Ordered after today's cut-off: work starts on the next working day",
    ],
    [
      'transit holidays',
      { kind: 'transit-calendar', dates: ['2026-12-24', '2026-12-25'] },
      'de-DE',
      'Feiertage des Spediteurs unterwegs: 24.12.2026, 25.12.2026',
    ],
    ['processing', { kind: 'processing' }, 'en', 'Production time only: nothing is waiting'],
  ])('%s', (_what, driver, locale, expected) => {
    expect(driverText(driver, words(locale))).toBe(expected);
  });

  it('a purchase the snapshot cannot name a supplier for falls back to its usable date', () => {
    expect(driverText(material('purchase'), words('en', result))).toBe(
      'Laminate decor: Anthracite (U961): bought from the supplier, usable …',
    );
  });
});

describe('timelineMarks: the stages of the picture, from the engine’s result', () => {
  it('accept → materials → production → ship → delivery, with the engine’s dates', () => {
    const marks = timelineMarks(result);
    expect(marks.map((m) => m.stage)).toEqual([
      'accept',
      'materials',
      'production',
      'ship',
      'delivery',
    ]);
    expect(marks[0]!.at).toBe(result.accepted.at);
    expect(marks[2]!.at).toBe(result.productionEnd);
    expect(marks[3]!.at).toBe(result.shipDate);
    expect(marks[4]!.at).toBe(result.deliveryDate);
    const usable = result.timeline.filter((e) => e.kind === 'usable' || e.kind === 'receipt');
    expect(marks[1]!.at).toBe(usable.at(-1)?.at ?? result.accepted.at);
  });

  it('an unavailable promise has only its acceptance', () => {
    expect(timelineMarks({ ...result, status: 'unavailable' }).map((m) => m.stage)).toEqual([
      'accept',
      'production',
      'ship',
      'delivery',
    ]);
  });
});
