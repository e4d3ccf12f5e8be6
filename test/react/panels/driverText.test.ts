import { describe, expect, it } from 'vitest';
import { parseSnapshot, promise, type Driver } from '../../../src/engine/index.ts';
import { translator } from '../../../src/react/i18n/messages.ts';
import { driverText } from '../../../src/react/panels/driverText.ts';
import { timelineMarks } from '../../../src/react/panels/PromiseTimeline.tsx';
import { availabilityJson, completeSelection, desk, NOW } from '../panelFixtures.ts';

const snapshot = parseSnapshot(availabilityJson);
const line = { lineId: 'L1', productId: 'DESK', quantity: 1, selection: completeSelection };
const result = promise({ now: NOW, lines: [line] }, { snapshot, models: [desk] });
const decor = 'HPL-U961-08';

describe('driverText: a driver in the buyer’s words, never an internal id', () => {
  const words = (locale: string) => ({
    model: desk,
    selection: completeSelection,
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
    attributes: ['topDecor'],
    availableDate: '2026-12-10',
    buyer: '…',
    detail: `waits for ${po ?? 'nothing'} from S-EGGER-DE`,
  });

  it.each<[string, Driver, string, string]>([
    [
      'purchase',
      material('purchase'),
      'en',
      'Laminate decor: Anthracite (U961): arrives from our supplier on Dec 10, 2026',
    ],
    [
      'purchase (de)',
      material('purchase'),
      'de',
      'Laminate decor: Anthracite (U961): kommt am 10.12.2026 von unserem Lieferanten',
    ],
    [
      'inbound',
      material('inbound', 'PO-BER-4410'),
      'en',
      'Laminate decor: Anthracite (U961): arrives from our supplier on Dec 10, 2026',
    ],
    [
      'overdue',
      material('overdue', 'PO-X'),
      'en',
      'Laminate decor: Anthracite (U961): delayed at our supplier, expected on Dec 10, 2026',
    ],
    ['stock', material('stock'), 'en', 'Laminate decor: Anthracite (U961): from stock'],
    [
      'no source',
      material('no-source'),
      'en',
      'Laminate decor: Anthracite (U961): none of our suppliers can deliver it at the moment',
    ],
    [
      'an item no chosen value brings in is "a component", not its part number',
      {
        kind: 'material',
        item: 'SCR-4X30-SPAX',
        cause: 'stock',
        attributes: [],
        buyer: '',
        detail: 'SCR-4X30-SPAX',
      },
      'en',
      'A component: from stock',
    ],
    [
      'capacity',
      {
        kind: 'capacity',
        workCenter: 'BER-ASM',
        op: 'ASM-30',
        until: '2026-12-11',
        buyer: '',
        detail: 'BER-ASM',
      },
      'en',
      'Our workshop is fully booked until Dec 11, 2026',
    ],
    [
      'after the cut-off',
      { kind: 'acceptance', cause: 'after-cutoff', buyer: '', detail: '' },
      'en',
      "Ordered after today's cut-off: work starts on the next working day",
    ],
    [
      'transit holidays',
      { kind: 'transit-calendar', dates: ['2026-12-24', '2026-12-25'], buyer: '', detail: '' },
      'de-DE',
      'Feiertage des Spediteurs unterwegs: 24.12.2026, 25.12.2026',
    ],
    [
      'processing',
      { kind: 'processing', buyer: '', detail: '' },
      'en',
      'Production time only: nothing is waiting',
    ],
  ])('%s', (_what, driver, locale, expected) => {
    const text = driverText(driver, words(locale));
    expect(text).toBe(expected);
    expect(text).not.toMatch(/PO-|BER-|S-EGGER|HPL-|SCR-/);
  });
});

describe('the engine’s drivers carry both texts', () => {
  it('every driver of the sample desk has buyer words without ids and an internal detail', () => {
    for (const d of result.drivers) {
      expect(d.buyer).not.toMatch(/[A-Z]{2,}-[A-Z0-9]/);
      expect(d.detail.length).toBeGreaterThan(0);
    }
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
