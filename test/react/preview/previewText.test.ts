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
