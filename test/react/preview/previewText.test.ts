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
