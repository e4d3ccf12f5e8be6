import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk, deskOrder, deskRepQuote, deskSelection } from '../engine/orders/orderFixture.ts';
import { linePicture } from '../../src/engine/orders/linePicture.ts';
import type { Selection } from '../../src/engine/model/types.ts';
import { sitePath } from '../catalogueFiles.ts';
import { keptPicturesScenario } from './keptPicturesScenario.ts';
import { asRep, startServerProcess, tempDb, type ServerProcess } from './serverProcess.ts';

/**
 * The rendered views of an order, for production: `GET /api/orders` lists where each line's views
 * are, and each is one standalone SVG file (every layer's image embedded) on the real
 * `madeto serve`.
 */
let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(tempDb());
}, 30_000);
afterAll(() => server?.stop());

let keys = 0;
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const get = (path: string, headers: Record<string, string> = asRep) =>
  fetch(`${server.url}${path}`, { headers });

/** Posts a desk order payload of `kind` (no token: a shop's) to `path`: it and its stored number. */
async function postDesk(path: string, key: string, kind: 'order' | 'quote-request') {
  const sent = deskOrder(key, 1, kind, now());
  const posted = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sent),
  });
  expect(posted.status).toBe(201);
  return { sent, number: ((await posted.json()) as { number: string }).number };
}

describe('rendered views of an order', () => {
  it('the listing names each view of each pictured line; each is an SVG of its layers, standalone', async () => {
    const { sent, number } = await postDesk('/api/orders', 'rendered-views-1', 'order');

    const listing = (await (await get('/api/orders')).json()) as {
      items: { number: string; renderedViews: { lineId: string; view: string; href: string }[] }[];
    };
    const item = listing.items.find((i) => i.number === number)!;
    // The desk line has a front and a top; the installation line has no picture.
    expect(item.renderedViews).toEqual(
      ['front', 'top'].map((view) => ({
        lineId: 'L1',
        view,
        href: `/api/orders/${number}/lines/L1/views/${view}.svg`,
      })),
    );

    for (const [i, { href }] of item.renderedViews.entries()) {
      const r = await get(href);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
      const svg = await r.text();
      const view = sent.lines[0]!.picture!.views[i]!;
      expect(svg).toContain(`viewBox="0 0 ${view.width} ${view.height}"`);
      const hrefs = [...svg.matchAll(/<image href="([^"]*)"/g)].map((m) => m[1]!);
      // Each layer's own file, embedded: nothing is fetched when the file is opened or printed.
      expect(hrefs).toEqual(
        view.layers.map(
          (l) => `data:image/svg+xml;base64,${readFileSync(sitePath(l.image)).toString('base64')}`,
        ),
      );
      expect((svg.match(/filter="url\(#tint-/g) ?? []).length).toBe(
        view.layers.filter((l) => l.tint !== undefined).length,
      );
    }
  });

  it.each([
    [
      'a view the line does not have',
      'L1/views/side.svg',
      404,
      "no view 'side' (views: front, top)",
    ],
    ['a line without a picture', 'L2/views/front.svg', 404, 'has no picture'],
    ['a line the order does not have', 'L9/views/front.svg', 404, "no line 'L9'"],
    ['not an .svg file', 'L1/views/front.png', 404, "an .svg file, not 'front.png'"],
  ])('%s: 404 naming it', async (_name, tail, status, message) => {
    const { number } = await postDesk('/api/orders', `rendered-views-e${(keys += 1)}`, 'order');
    const r = await get(`/api/orders/${number}/lines/${tail}`);
    expect(r.status).toBe(status);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain(message);
  });

  it('an unknown order is 404; without a token it is 401', async () => {
    const unknown = await get('/api/orders/O-2026-999999/lines/L1/views/front.svg');
    expect([
      unknown.status,
      ((await unknown.json()) as { error: { code: string } }).error.code,
    ]).toEqual([404, 'ORDER_NOT_FOUND']);
    expect((await get('/api/orders/O-2026-999999/lines/L1/views/front.svg', {})).status).toBe(401);
  });
});

type Listed = { number: string; kind: string; renderedViews?: RenderedView[] };
type RenderedView = { lineId: string; view: string; href: string };

/** The SVG at `href`, and the layer images it embeds, decoded back to their file names. */
async function layerFiles(href: string): Promise<string[]> {
  const r = await get(href);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  const svg = await r.text();
  return [...svg.matchAll(/<image href="data:image\/svg\+xml;base64,([^"]*)"/g)].map((m) =>
    Buffer.from(m[1]!, 'base64').toString('utf8'),
  );
}
const filesOf = (images: readonly string[]) => images.map((i) => readFileSync(sitePath(i), 'utf8'));

describe('rendered views of quotes (the same references as orders)', () => {
  it("a quote request lists its line's views under /api/quotes; each SVG draws the payload's picture", async () => {
    const { sent, number } = await postDesk(
      '/api/quotes',
      `rendered-views-q${(keys += 1)}`,
      'quote-request',
    );
    const expected = ['front', 'top'].map((view) => ({
      lineId: 'L1',
      view,
      href: `/api/quotes/${number}/lines/L1/views/${view}.svg`,
    }));

    const one = (await (await get(`/api/quotes/${number}`)).json()) as Listed;
    expect(one.renderedViews).toEqual(expected);
    const listing = (await (await get('/api/quotes?limit=1000')).json()) as { items: Listed[] };
    expect(listing.items.find((i) => i.number === number)?.renderedViews).toEqual(expected);

    for (const [i, { href }] of expected.entries())
      expect(await layerFiles(href)).toEqual(
        filesOf(sent.lines[0]!.picture!.views[i]!.layers.map((l) => l.image)),
      );
    // The quote's views are not an order's, and an order number is not a quote.
    expect((await get(`/api/orders/${number}/lines/L1/views/front.svg`)).status).toBe(404);
  });

  it("a rep quote names each revision's views; a revision draws its own selection", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...asRep },
        body: JSON.stringify(body),
      });
    const first = await post('/api/quotes', deskRepQuote());
    expect(first.status).toBe(201);
    const r1 = (await first.json()) as { number: string; renderedViews: RenderedView[] };
    const number = r1.number;
    const href = (view: string, revision: number) =>
      `/api/quotes/${number}/lines/L1/views/${view}.svg?revision=${revision}`;
    expect(r1.renderedViews).toEqual(
      ['front', 'top'].map((view) => ({ lineId: 'L1', view, href: href(view, 1) })),
    );
    // Revision 2: a walnut top instead (a different picture from the first revision's).
    const { topDecor: _laminateOnly, ...rest } = deskSelection as Selection;
    const walnut: Selection = { ...rest, topMaterial: 'walnut', woodFinish: 'natural-oil' };
    const second = await post(`/api/quotes/${number}/revisions`, {
      ...deskRepQuote(),
      lines: [{ lineId: 'L1', productId: 'DESK', quantity: 2, selection: walnut }],
    });
    expect(second.status).toBe(201);
    expect(((await second.json()) as { renderedViews: RenderedView[] }).renderedViews[0]).toEqual({
      lineId: 'L1',
      view: 'front',
      href: href('front', 2),
    });

    const pictureOf = (selection: Selection) =>
      filesOf(linePicture(desk, selection)!.views[0]!.layers.map((l) => l.image));
    expect(pictureOf(walnut)).not.toEqual(pictureOf(deskSelection));
    expect(await layerFiles(href('front', 1))).toEqual(pictureOf(deskSelection));
    expect(await layerFiles(href('front', 2))).toEqual(pictureOf(walnut));
    // Without ?revision: the latest revision.
    expect(await layerFiles(`/api/quotes/${number}/lines/L1/views/front.svg`)).toEqual(
      pictureOf(walnut),
    );
    const listing = (await (await get('/api/quotes?limit=1000')).json()) as { items: Listed[] };
    expect(listing.items.find((i) => i.number === number)?.renderedViews?.[0]?.href).toBe(
      href('front', 2),
    );

    const missing = await get(`/api/quotes/${number}/lines/L1/views/front.svg?revision=9`);
    expect([
      missing.status,
      ((await missing.json()) as { error: { code: string } }).error.code,
    ]).toEqual([404, 'QUOTE_NOT_FOUND']);
    const side = await get(`/api/quotes/${number}/lines/L1/views/side.svg`);
    expect(((await side.json()) as { error: { message: string } }).error.message).toContain(
      "no view 'side' (views: front, top)",
    );
    expect((await get(href('front', 1), {})).status).toBe(401);
    expect((await get(`/api/quotes/${number}/lines/L1/views/front.svg?revision=x`)).status).toBe(
      400,
    );
  });
});

describe('a rep quote revision keeps its picture', () => {
  it("a change of the catalogue's visuals after it was saved leaves its views and documents as they were", async () => {
    await keptPicturesScenario(tempDb());
  }, 60_000);
});
