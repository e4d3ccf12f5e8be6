import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { linePicture, parseModel, pictureSvg, type Selection } from '../../../src/engine/index.ts';
import { LinePictureView } from '../../../src/react/preview/LinePictureView.tsx';
import bikeJson from '../../../public/catalogue/bike.json';
import deskJson from '../../../public/catalogue/desk.json';
import sofaJson from '../../../public/catalogue/sofa.json';
import mixed from '../../../public/catalogue/requests/promise-mixed.json';
import { cleanup, render } from '../render.tsx';
import { differingPixels, pixelsOf } from './pixels.ts';
import '../../../src/react/styles/quote-print.css';

afterEach(cleanup);

const models = {
  DESK: parseModel(deskJson),
  BIKE: parseModel(bikeJson),
  SOFA: parseModel(sofaJson),
};

/** A layer file as a data URI (what the server embeds in a rendered view). */
async function dataUri(image: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(image)).arrayBuffer());
  return `data:image/svg+xml;base64,${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The rendered view production gets (`pictureSvg`, layers embedded, shown as an image: it loads
 * nothing from outside) is the picture the quote documents draw (`LinePictureView`), pixel for
 * pixel but for edge antialiasing, for every view of each sample line (the tinted desk frame from
 * the front and from above, the bike with its battery from the side and the front, the sofa's
 * three seats from the front and from above).
 */
const cases = mixed.lines.flatMap((line) => {
  const model = models[line.productId as keyof typeof models];
  const picture = linePicture(model, line.selection as Selection)!;
  return picture.views.map((view) => [line.productId, view.view, view] as const);
});

/**
 * How many pixels of a view may differ far (edges blended apart, layers a sub-pixel apart), as a
 * share of the picture: above the share measured (in brackets), below the share that differs when
 * the rendered view leaves its tints out (after the arrow), so a lost tint or a moved layer fails.
 */
const farLimit: Record<string, number> = {
  'DESK front': 0.012, // (0.36 %) → 6.7 %
  'DESK top': 0.003, // (0.05 %) → 0.64 %: the laminate's decor is close to the drawing's own grey
  'BIKE side': 0.012, // (0.42 %) → 3.5 %
  'BIKE front': 0.008, // (0.12 %) → 2.1 %
  'SOFA front': 0.012, // (0.78 %) → 29 %
  'SOFA top': 0.02, // (1.28 %: the seams of every module) → 31 %
};

describe('a rendered view draws what the documents draw', () => {
  it('every view of every sample line is compared', () => {
    expect(cases.map(([id, view]) => `${id} ${view}`)).toEqual([
      'DESK front',
      'DESK top',
      'BIKE side',
      'BIKE front',
      'SOFA front',
      'SOFA top',
    ]);
  });

  it.each(cases)('%s, %s view', async (id, viewId, view) => {
    await page.viewport(1000, 800);
    const inlined = new Map<string, string>();
    for (const l of view.layers) inlined.set(l.image, await dataUri(l.image));
    const svg = pictureSvg(view, { inline: (image) => inlined.get(image) });
    const width = 440;
    const container = render(
      <div style={{ display: 'flex', gap: 0 }}>
        <div style={{ width, background: '#f6f3ee', lineHeight: 0 }} data-testid="document">
          <LinePictureView picture={{ views: [view] }} label="document" />
        </div>
        <div style={{ width, background: '#f6f3ee', lineHeight: 0 }} data-testid="rendered">
          <img
            alt="rendered"
            width={width}
            height={(width * view.height) / view.width}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
          />
        </div>
      </div>,
    );
    const documentBox = container.querySelector<HTMLElement>(
      '[data-testid="document"] .madeto-line-picture',
    )!;
    // The document's picture at the same size, with no rounded corners or margin of its own.
    Object.assign(documentBox.style, { width: `${width}px`, borderRadius: '0', margin: '0' });
    const rendered = container.querySelector<HTMLImageElement>('[data-testid="rendered"] img')!;
    await expect
      .poll(() =>
        [...container.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0),
      )
      .toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    const [a, b] = [await pixelsOf(documentBox), await pixelsOf(rendered)];
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    const all = a.width * a.height;
    // Drawn (not the bare background) …
    const blank = new ImageData(a.width, a.height);
    for (let i = 0; i < blank.data.length; i += 4) blank.data.set([0xf6, 0xf3, 0xee, 255], i);
    expect(differingPixels(b, blank)).toBeGreaterThan(all * 0.05);
    // … and the same picture: the two place layers a sub-pixel apart (per cent boxes against a
    // viewBox) and blend edges apart (`farLimit`).
    let far = 0;
    for (let i = 0; i < a.data.length; i += 4)
      if ([0, 1, 2].some((k) => Math.abs(a.data[i + k]! - b.data[i + k]!) > 48)) far += 1;
    expect(far).toBeLessThan(all * farLimit[`${id} ${viewId}`]!);
  });
});
