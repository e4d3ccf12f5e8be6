import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { customerQuoteWire, linePicture, type CustomerQuoteWire } from '../../src/engine/index.ts';
import type { RepQuote } from '../../src/engine/quotes/repQuote.ts';
import { modelOf, sitePath } from '../catalogueFiles.ts';
import { setupDemo, signInNewUser, storeMixedQuote, WAIT } from '../e2e/demoHarness.ts';
import { pdfColours, pdfText } from './pdfText.ts';

/**
 * Each quoted line's picture on paper: a rep quote of a desk, a bike and a sofa (the sample
 * request `promise-mixed.json`) stored on the real backend (`madeto serve`, SQLite), opened in
 * Chromium (Playwright) as the customer's page (`#/shared/<token>`) and as the rep's quote document
 * (`#/rep`, signed in, opened from the inbox), then printed. In print media each line shows its
 * picture in every view, each named, at a non-zero size in its view's aspect ratio, with the layers the line's selection
 * composes (`linePicture`, in order, tints included), every image loaded and drawn; and the PDF
 * Chromium prints (`page.pdf()`) paints every tint's swatch and, for every layer drawn in flat
 * colours, one of its own colours that the same page printed without pictures does not paint.
 */
const demo = setupDemo();

/** The customer's document of the stored quote, as the server shows it. */
async function customerDocument(shareToken: string): Promise<CustomerQuoteWire> {
  return customerQuoteWire.parse(
    await (await fetch(`${demo.apiUrl}/api/shared/quotes/${shareToken}`)).json(),
  );
}

/**
 * The flat colours (fill, stroke) a catalogue SVG draws with, lower-case `#rrggbb`; none for a
 * drawing through a filter (the plan views' blurred shadows), which a PDF holds as pixels.
 */
function svgColours(image: string): string[] {
  const svg = readFileSync(sitePath(image), 'utf8');
  if (/\bfilter="url\(/.test(svg)) return [];
  const long = (h: string) =>
    h.length === 4 ? `#${[...h.slice(1)].map((c) => c + c).join('')}` : h;
  return [...svg.matchAll(/\b(?:fill|stroke)="(#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?)"/g)].map((m) =>
    long(m[1]!.toLowerCase()),
  );
}

/**
 * How many pixels differ (a channel by more than 8) between two same-sized PNG screenshots,
 * decoded in the page (Chromium's own PNG decoder; no image package in Node).
 */
function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const pixels = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [pa, pb] = [await pixels(a64), await pixels(b64)];
      if (pa.width !== pb.width || pa.height !== pb.height) return pa.width * pa.height;
      let n = 0;
      for (let i = 0; i < pa.data.length; i += 4)
        if ([0, 1, 2].some((k) => Math.abs(pa.data[i + k]! - pb.data[i + k]!) > 8)) n += 1;
      return n;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/**
 * In print media, every line of `doc` with a picture shows it inside `scope`: visible, non-zero,
 * in its view's aspect ratio, with exactly its layers (images in order, tints as background
 * colours), every image loaded, and drawn (its screenshot differs from its bare background).
 */
async function expectPicturesInPrintLayout(page: Page, scope: Locator, doc: CustomerQuoteWire) {
  await page.emulateMedia({ media: 'print' });
  const views = doc.lines.flatMap((line) =>
    (line.picture?.views ?? []).map((view) => ({ line, view })),
  );
  expect(views.length).toBeGreaterThan(doc.lines.length);
  const pictures = scope.getByRole('img', { name: /^Picture of the configured / });
  await expect.poll(() => pictures.count(), WAIT).toBe(views.length);
  for (const [i, { line, view }] of views.entries()) {
    const picture = scope.getByRole('img', {
      name: `Picture of the configured ${line.product}, ${view.label}`,
    });
    expect(await picture.isVisible()).toBe(true);
    const box = (await picture.boundingBox())!;
    expect(box.width, line.lineId).toBeGreaterThan(100);
    expect(box.width / box.height).toBeCloseTo(view.width / view.height, 1);
    const layers = picture.locator('.madeto-line-picture-layer');
    await expect
      .poll(
        () =>
          picture.evaluate((el) =>
            [...el.querySelectorAll('img')].every((img) => img.complete && img.naturalWidth > 0),
          ),
        WAIT,
      )
      .toBe(true);
    const shown = await layers.evaluateAll((els) =>
      els.map((el) => {
        const style = getComputedStyle(el);
        return el instanceof HTMLImageElement
          ? { image: new URL(el.src).pathname, tint: undefined, visible: style.visibility }
          : {
              image: /url\("?([^")]+)"?\)/
                .exec(style.maskImage)?.[1]
                ?.replace(/^https?:\/\/[^/]+/, ''),
              tint: style.backgroundColor,
              visible: style.visibility,
            };
      }),
    );
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
    expect(shown, `${line.lineId} ${view.view}'s layers`).toEqual(
      view.layers.map((l) => ({
        image: l.image,
        tint: l.tint === undefined ? undefined : rgb(l.tint),
        visible: 'visible',
      })),
    );
    const drawn = await picture.screenshot();
    const hide = (visibility: string) =>
      layers.evaluateAll(
        (els, v) => els.forEach((el) => ((el as HTMLElement).style.visibility = v)),
        visibility,
      );
    await hide('hidden');
    const bare = await picture.screenshot();
    await hide('');
    // Drawn, not blank: 3 % of the box or more (a bike seen from the front is a slim silhouette).
    expect(
      await differingPixels(page, drawn, bare),
      `${line.lineId} ${view.view} drawn (${i})`,
    ).toBeGreaterThan(0.03 * box.width * box.height);
  }
  await page.emulateMedia({ media: null });
}

/**
 * The PDF of `page` paints every line's picture: each tint's swatch, and for each layer drawn in
 * flat colours one of its colours that the page printed without its pictures does not paint
 * (layers drawn only in gradients, the shadows, have no flat colour to look for).
 */
async function expectPicturesInPdf(page: Page, doc: CustomerQuoteWire) {
  const printed = pdfColours(await page.pdf({ format: 'A4' }));
  const style = await page.addStyleTag({ content: '.madeto-line-picture { display: none; }' });
  const without = pdfColours(await page.pdf({ format: 'A4' }));
  await style.evaluate((el) => (el as HTMLElement).remove());
  const missing: string[] = [];
  let looked = 0;
  for (const line of doc.lines)
    for (const layer of line.picture?.views.flatMap((v) => v.layers) ?? []) {
      const own = svgColours(layer.image).filter((c) => !without.has(c));
      if (layer.tint !== undefined) {
        looked += 1;
        if (!printed.has(layer.tint) || without.has(layer.tint))
          missing.push(`${line.lineId} ${layer.image} tint ${layer.tint}`);
      }
      if (own.length === 0) continue;
      looked += 1;
      if (!own.some((c) => printed.has(c))) missing.push(`${line.lineId} ${layer.image}`);
    }
  expect(looked).toBeGreaterThan(30);
  expect(missing).toEqual([]);
}

/** How many pages a PDF Chromium printed has (its page objects; Chromium writes no object streams). */
function pdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0
  );
}

/**
 * On A4 the lines flow (a line is not pushed whole onto the next page): the first page holds the
 * first two lines' headings (the desk and the bike, each under its picture) and the desk + bike +
 * sofa quote prints on at most two pages; a line's picture and its heading are one unbreakable block.
 */
async function expectLinesFlowOnA4(page: Page, scope: Locator, doc: CustomerQuoteWire) {
  // One line of text, a name wrapped at its hyphen ("height-⏎adjustable") joined again.
  const words = (pdf: Uint8Array) =>
    pdfText(pdf)
      .replace(/\s+/g, ' ')
      .replace(/(\w)- (\w)/g, '$1-$2');
  const first = words(await page.pdf({ format: 'A4', pageRanges: '1' }));
  for (const line of doc.lines.slice(0, 2)) expect(first, line.lineId).toContain(line.product);
  expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeLessThanOrEqual(2);
  await page.emulateMedia({ media: 'print' });
  const heads = scope.locator('.madeto-quote-line-head');
  expect(await heads.count()).toBe(doc.lines.length);
  for (const [i, line] of doc.lines.entries()) {
    const head = heads.nth(i);
    expect(await head.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    // Each view named under its picture, then the product's name.
    const names = (line.picture?.views ?? []).map((v) => v.label);
    expect(await head.textContent()).toBe([...names, line.product].join(''));
    expect(await head.getByRole('img').count()).toBe(names.length);
  }
  await page.emulateMedia({ media: null });
}

/** Every id of the availability snapshot a customer must never see: POs, work centres, suppliers, parts. */
function internalIds(): string[] {
  const snapshot = JSON.parse(readFileSync(sitePath('/catalogue/availability.json'), 'utf8')) as {
    workCenters: Record<string, unknown>;
    items: Record<string, { suppliers?: { id: string }[] }>;
    inbound: { id: string; item: string; supplierId?: string }[];
  };
  return [
    ...Object.keys(snapshot.workCenters),
    ...Object.keys(snapshot.items),
    ...Object.values(snapshot.items).flatMap((i) => (i.suppliers ?? []).map((x) => x.id)),
    ...snapshot.inbound.flatMap((po) => [po.id, ...(po.supplierId ? [po.supplierId] : [])]),
  ];
}

/**
 * The document words the sofa's seat modules with the model's labels ("Seat count", "Seat 1 –
 * Module"), never the expanded ids' scaffolding ("Seat: count", "Module (Seat 1)"), and holds no
 * internal id (POs, work centres, suppliers, parts) nor a cost.
 */
async function expectCustomerWords(scope: Locator) {
  const text = (await scope.textContent())!;
  expect(text).toContain('Seat count3');
  expect(text).toContain('Seat 1 – ModuleChaise longue, 90 × 160 cm');
  expect(text).not.toMatch(/: count|\(Seat \d\)|\bcosts?\b/i);
  const html = await scope.evaluate((el) => el.outerHTML);
  const ids = internalIds();
  expect(ids.length).toBeGreaterThan(20);
  expect(ids.filter((id) => html.includes(id))).toEqual([]);
}

describe("each quoted line's picture when printed", () => {
  it("the customer's quote page prints each line's picture", async () => {
    const { base, browser } = demo;
    const { shareToken } = await storeMixedQuote(demo);
    const doc = await customerDocument(shareToken);
    // The pictures are the ones each line's selection composes (the bike's battery and range
    // extender, the sofa's three seats …), every view of each configured line.
    expect(doc.lines.map((l) => l.lineId)).toEqual(['L1', 'L2', 'L3']);
    const mixed = JSON.parse(
      readFileSync(sitePath('/catalogue/requests/promise-mixed.json'), 'utf8'),
    ) as { lines: RepQuote['lines'] };
    for (const [i, line] of doc.lines.entries()) {
      const { productId, selection } = mixed.lines[i]!;
      const picture = linePicture(modelOf(productId), selection!)!;
      expect(line.picture, line.lineId).toEqual(picture);
    }
    const page = await browser.newPage();
    await page.goto(`${base}/#/shared/${shareToken}`);
    await expect
      .poll(() => page.locator('#quote-title').textContent(), WAIT)
      .toMatch(/^Quote RQ-\d{4}-\d{6} · revision 1$/);
    await expectCustomerWords(page.locator('.madeto-quote-document'));
    await expectPicturesInPrintLayout(page, page.locator('.madeto-quote-document'), doc);
    await expectPicturesInPdf(page, doc);
    await expectLinesFlowOnA4(page, page.locator('.madeto-quote-document'), doc);
    await page.close();
  }, 120_000);

  it("the rep's quote document prints each line's picture", async () => {
    const { number, shareToken } = await storeMixedQuote(demo);
    const doc = await customerDocument(shareToken);
    const page = await demo.browser.newPage();
    await signInNewUser(demo, page, {
      role: 'rep',
      name: 'Rita Rep',
      email: 'rita@print.example',
      password: 'rita-print-pass-1',
    });
    await page.getByLabel('Search number, customer or product').fill(number);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Open ${number}` }).click();
    const document = page.locator('.madeto-quote-document');
    await expect.poll(() => document.textContent(), WAIT).toContain(`${number} · revision 1`);
    await expectCustomerWords(document);
    await expectPicturesInPrintLayout(page, document, doc);
    await expectPicturesInPdf(page, doc);
    await expectLinesFlowOnA4(page, document, doc);
    await page.close();
  }, 120_000);
});
