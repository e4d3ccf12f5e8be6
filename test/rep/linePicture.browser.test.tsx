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
    "the %s's quote document draws every view of the configured product, each named, from the line's layers",
    async (audience) => {
      const quote = repStates.valid;
      const document = customerAnswer(quote, { number: 'RQ-2026-000007', revision: 2 });
      const withPicture = document.lines.filter((l) => l.picture);
      expect(withPicture.length).toBeGreaterThan(0);
      const el = render(<QuoteDocument document={document} audience={audience} />);
      // One picture per line, every view of it an image named after its view, shown by name.
      const line = withPicture[0]!;
      const views = line.picture!.views;
      expect(views.length).toBeGreaterThan(1);
      const images = page.getByRole('img', { name: /^Picture of the configured / });
      await expect.element(images.first()).toBeVisible();
      expect(images.all()).toHaveLength(
        withPicture.reduce((n, l) => n + l.picture!.views.length, 0),
      );
      const groups = el.querySelectorAll<HTMLElement>('.madeto-line-pictures');
      expect(groups).toHaveLength(withPicture.length);
      const group = groups[0]!;
      expect([...group.querySelectorAll('figcaption')].map((c) => c.textContent)).toEqual(
        views.map((v) => v.label),
      );
      for (const view of views) {
        const picture = page.elementLocator(group).getByRole('img', {
          name: `Picture of the configured ${line.product}, ${view.label}`,
        });
        await expect.element(picture).toBeVisible();
        const shown = picture.element() as HTMLElement;
        const layers = shown.querySelectorAll('.madeto-line-picture-layer');
        expect(layers.length).toBe(view.layers.length);
        await expect
          .poll(() =>
            [...shown.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0),
          )
          .toBe(true);
        // Drawn, not blank: the picture differs from its own empty background.
        const drawn = await pixelsOf(shown);
        for (const l of layers) (l as HTMLElement).style.visibility = 'hidden';
        const blank = await pixelsOf(shown);
        for (const l of layers) (l as HTMLElement).style.visibility = '';
        expect(differingPixels(drawn, blank), view.view).toBeGreaterThan(1000);
      }
      expect(await seriousViolations(el)).toEqual([]);
    },
  );
});
