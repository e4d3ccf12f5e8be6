import type { LinePicture } from './picture.ts';

/** One view of a line's picture (`LinePicture['views'][number]`). */
export type LinePictureView = LinePicture['views'][number];

/** How `pictureSvg` writes each layer's image (a data URI to embed it; else its own address). */
export interface PictureSvgOptions {
  inline?: (image: string) => string | undefined;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A number as SVG writes it: finite, without a float's noise. */
const num = (n: number) => String(Number.isFinite(n) ? Math.round(n * 1000) / 1000 : 0);

/**
 * One view of a configured line as one SVG document (the rendered view production opens or
 * prints): the view's stage, each layer an `<image>` at its box, bottom first, a tinted layer
 * multiplied by its swatch and cut out by its own image (the same drawing as the widget's and the
 * quote documents'). `inline` may turn a layer's address into a data URI so the file stands alone
 * (an SVG shown as an image loads nothing from outside). Pure.
 *
 * @example
 * pictureSvg({ view: 'front', width: 800, height: 500, layers: [{ image: '/img/top.svg', x: 0, y: 0, width: 800, height: 60, tint: '#8a5a33' }] });
 * // '<svg xmlns="http://www.w3.org/2000/svg" … viewBox="0 0 800 500">…<image href="/img/top.svg" … filter="url(#tint-0)"/></svg>'
 */
export function pictureSvg(view: LinePictureView, options: PictureSvgOptions = {}): string {
  const filters: string[] = [];
  const images = view.layers.map((l, i) => {
    const href = escapeAttribute(options.inline?.(l.image) ?? l.image);
    const box = `x="${num(l.x)}" y="${num(l.y)}" width="${num(l.width)}" height="${num(l.height)}"`;
    let filter = '';
    if (l.tint !== undefined) {
      filters.push(
        `<filter id="tint-${i}" color-interpolation-filters="sRGB" x="0" y="0" width="1" height="1">` +
          `<feFlood flood-color="${escapeAttribute(l.tint)}"/>` +
          `<feBlend in2="SourceGraphic" mode="multiply"/>` +
          `<feComposite in2="SourceGraphic" operator="in"/></filter>`,
      );
      filter = ` filter="url(#tint-${i})"`;
    }
    return `<image href="${href}" ${box} preserveAspectRatio="none"${filter}/>`;
  });
  const [w, h] = [num(view.width), num(view.height)];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<title>${escapeAttribute(view.view)}</title>` +
    (filters.length > 0 ? `<defs>${filters.join('')}</defs>` : '') +
    images.join('') +
    `</svg>`
  );
}
