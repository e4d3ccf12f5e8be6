import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { QuoteDocument } from '../../src/react/rep/QuoteDocument.tsx';
import { seriousViolations } from '../react/axe.ts';
import { cleanup, render } from '../react/render.tsx';
import { differingPixels, pixelsOf } from '../react/preview/pixels.ts';
import { repStates } from './repFixtures.ts';
import { customerAnswer } from './repStubs.ts';
import '../../src/react/styles/quote-print.css';

afterEach(cleanup);

describe("each quoted line's picture", () => {
  it.each(['rep', 'customer'] as const)(
    "the %s's quote document draws the configured product from the line's layers",
    async (audience) => {
      const quote = repStates.valid;
      const document = customerAnswer(quote, { number: 'RQ-2026-000007', revision: 2 });
      const withPicture = document.lines.filter((l) => l.picture);
      expect(withPicture.length).toBeGreaterThan(0);
      const el = render(<QuoteDocument document={document} audience={audience} />);
      const pictures = page.getByRole('img', { name: /^Picture of the configured / });
      await expect.element(pictures.first()).toBeVisible();
      expect(pictures.all()).toHaveLength(withPicture.length);
      const first = pictures.first().element() as HTMLElement;
      const layers = first.querySelectorAll('.madeto-line-picture-layer');
      expect(layers.length).toBe(withPicture[0]!.picture!.views[0]!.layers.length);
      await expect
        .poll(() =>
          [...first.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0),
        )
        .toBe(true);
      // Drawn, not blank: the picture differs from its own empty background.
      const drawn = await pixelsOf(first);
      for (const l of layers) (l as HTMLElement).style.visibility = 'hidden';
      const blank = await pixelsOf(first);
      expect(differingPixels(drawn, blank)).toBeGreaterThan(1000);
      expect(await seriousViolations(el)).toEqual([]);
    },
  );
});
