import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/react/i18n/messages.ts';
import { pictureSelection } from '../../../src/react/preview/peekStore.ts';
import { previewText } from '../../../src/react/preview/previewText.ts';
import { modelOf } from '../../catalogueFiles.ts';

describe("the picture's text alternative", () => {
  it("words a repeated module's count and instances with the model's labels", () => {
    const sofa = modelOf('SOFA');
    const front = sofa.visuals!.views.find((v) => v.id === 'front')!;
    // As the picture draws it: the model's defaults for what is not chosen (pictureSelection).
    const text = previewText(
      sofa,
      pictureSelection(sofa, {
        'seat.count': 2,
        'seat[1].seatType': 'chaise',
        'seat[2].seatType': 'standard',
      }),
      front,
      translator('en'),
    );
    expect(text).toContain('Seat count: 2');
    expect(text).toContain('Seat 1 – Module: Chaise longue, 90 × 160 cm');
    expect(text).not.toMatch(/: count|\(Seat \d\)/);
    // Seats 3 to 5 are not drawn for two seats: their modules are not named.
    expect(text).not.toMatch(/Seat [345] –/);
  });
});

describe("the picture's text alternative of a multiple choice", () => {
  it('names only the values the view draws (the accessories under the top, not from above)', () => {
    const desk = modelOf('DESK');
    const view = (id: string) => desk.visuals!.views.find((v) => v.id === id)!;
    const selection = pictureSelection(desk, {
      width: 1600,
      accessories: ['monitor-arm', 'drawer', 'cpu-holder'],
    });
    const front = previewText(desk, selection, view('front'), translator('en'));
    expect(front).toContain('Monitor arm, single, gas spring');
    expect(front).toContain('Under-desk drawer, lockable');
    expect(front).toContain('CPU holder, under-desk');
    const top = previewText(desk, selection, view('top'), translator('en'));
    expect(top).toContain('Monitor arm, single, gas spring');
    expect(top).not.toMatch(/drawer|CPU holder/);
    // Nothing of the choice drawn from above: the attribute is not named there at all.
    const under = pictureSelection(desk, { accessories: ['drawer'] });
    expect(previewText(desk, under, view('top'), translator('en'))).not.toContain('Accessories');
  });
});

describe("the picture's text alternative of a part hidden by another", () => {
  it('does not name the power strip where the drawer in front hides it whole (up to 1400 mm)', () => {
    const desk = modelOf('DESK');
    const front = desk.visuals!.views.find((v) => v.id === 'front')!;
    const text = (width: number, accessories: string[]) =>
      previewText(desk, pictureSelection(desk, { width, accessories }), front, translator('en'));
    for (const width of [1000, 1100, 1200, 1300, 1400]) {
      expect(text(width, ['drawer', 'power-strip']), `${width} mm`).not.toContain('Power strip');
      expect(text(width, ['power-strip']), `${width} mm`).toContain('Power strip');
    }
    // Wider, its right end shows beside the drawer: it is drawn and named.
    expect(text(1600, ['drawer', 'power-strip'])).toContain('Power strip');
  });
});
