import { describe, expect, it } from 'vitest';
import { linePicture, pictureSvg, type LinePictureView } from '../../../src/engine/index.ts';
import { desk, deskSelection } from './orderFixture.ts';

const front = (): LinePictureView => linePicture(desk, deskSelection)!.views[0]!;

/** The `<image>` elements of an SVG string: href, box and filter. */
const images = (svg: string) =>
  [
    ...svg.matchAll(
      /<image href="([^"]*)" x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"[^>]*?(?: filter="url\(#([^)]*)\)")?\/>/g,
    ),
  ].map(([, href, x, y, width, height, filter]) => ({
    href,
    box: [x, y, width, height].map(Number),
    filter,
  }));

describe('pictureSvg: one view of a line as one SVG file', () => {
  it("the desk's front: its stage, every layer bottom first at its box", () => {
    const view = front();
    const svg = pictureSvg(view);
    expect(svg).toMatch(
      new RegExp(
        `^<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${view.height}" viewBox="0 0 ${view.width} ${view.height}">`,
      ),
    );
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(images(svg).map((i) => [i.href, i.box])).toEqual(
      view.layers.map((l) => [
        l.image,
        [l.x, l.y, l.width, l.height].map((n) => Math.round(n * 1000) / 1000),
      ]),
    );
  });

  it('a tinted layer is multiplied by its swatch and cut out by its image; the others are not', () => {
    const view = front();
    const svg = pictureSvg(view);
    const tinted = view.layers.filter((l) => l.tint !== undefined);
    expect(tinted.length).toBeGreaterThan(0);
    for (const [i, l] of view.layers.entries()) {
      const drawn = images(svg)[i]!;
      if (l.tint === undefined) {
        expect(drawn.filter).toBeUndefined();
        continue;
      }
      expect(drawn.filter).toBe(`tint-${i}`);
      const filter = new RegExp(`<filter id="tint-${i}"[^>]*>(.*?)</filter>`).exec(svg)?.[1];
      expect(filter).toBe(
        `<feFlood flood-color="${l.tint}"/><feBlend in2="SourceGraphic" mode="multiply"/><feComposite in2="SourceGraphic" operator="in"/>`,
      );
    }
  });

  it('inline turns each layer address into what it returns (a data URI), others stay addresses', () => {
    const view = front();
    const first = view.layers[0]!.image;
    const svg = pictureSvg(view, {
      inline: (image) => (image === first ? 'data:image/svg+xml;base64,PHN2Zy8+' : undefined),
    });
    const hrefs = images(svg).map((i) => i.href);
    expect(hrefs[0]).toBe('data:image/svg+xml;base64,PHN2Zy8+');
    expect(hrefs.slice(1)).toEqual(view.layers.slice(1).map((l) => l.image));
  });

  it('an address or a view name cannot break out of its attribute or element', () => {
    const svg = pictureSvg({
      view: '</title><script>alert(1)</script>',
      width: 10,
      height: 10,
      layers: [{ image: '/a.svg" onload="alert(1)', x: 0, y: 0, width: 10, height: 10 }],
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('" onload=');
    expect(svg).toContain('href="/a.svg&quot; onload=&quot;alert(1)"');
  });
});
