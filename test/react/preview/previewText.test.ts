import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/react/i18n/messages.ts';
import { previewText } from '../../../src/react/preview/previewText.ts';
import { modelOf } from '../../catalogueFiles.ts';

describe("the picture's text alternative", () => {
  it("words a repeated module's count and instances with the model's labels", () => {
    const sofa = modelOf('SOFA');
    const front = sofa.visuals!.views.find((v) => v.id === 'front')!;
    const text = previewText(
      sofa,
      { 'seat.count': 2, 'seat[1].seatType': 'chaise', 'seat[2].seatType': 'standard' },
      front,
      translator('en'),
    );
    expect(text).toContain('Seat count: 2');
    expect(text).toContain('Seat 1 – Module: Chaise longue, 90 × 160 cm');
    expect(text).not.toMatch(/: count|\(Seat \d\)/);
  });
});
