import { readFileSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from '../../engine/zod.ts';
import {
  linePicture,
  orderPayloadSchema,
  pictureSvg,
  type LinePicture,
  type ProductModel,
  type QuotedFigures,
  type customerQuoteWire,
  type RepQuote,
} from '../../engine/index.ts';
import type { Catalogue } from '../catalogue.ts';
import type { QuoteRevisionStore } from '../db/quoteRevisionStore.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { StoredSubmission, SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';
import { revisionQuery, storedQuoteRequest } from './quoteView.ts';

const MEDIA_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** Where one line's view of a submission is drawn as one SVG file (orders and quotes alike). */
export const renderedViewHref = (
  resource: 'orders' | 'quotes',
  number: string,
  lineId: string,
  view: string,
  revision?: number,
) =>
  `/api/${resource}/${encodeURIComponent(number)}/lines/${encodeURIComponent(lineId)}/views/${encodeURIComponent(view)}.svg` +
  (revision === undefined ? '' : `?revision=${revision}`);

/** A reference to one rendered view: which line, which view, where its SVG file is. */
export interface RenderedView {
  lineId: string;
  view: string;
  href: string;
}

/** A line that may carry a picture (an order payload's, or a rep quote's composed on the server). */
type PicturedLine = { lineId: string; picture?: LinePicture | undefined };

const viewsOf = (
  lines: readonly PicturedLine[],
  href: (lineId: string, view: string) => string,
): RenderedView[] =>
  lines.flatMap((l) =>
    (l.picture?.views ?? []).map((v) => ({
      lineId: l.lineId,
      view: v.view,
      href: href(l.lineId, v.view),
    })),
  );

/**
 * Every rendered view of a stored submission (`lineId`, `view`, `href`), one per view of each line
 * that carries a picture: an order's under `/api/orders/…`, a quote request's or quote payload's
 * under `/api/quotes/…` (the picture the buyer's payload carried, as it was sent). Listed beside
 * the payload in `GET /api/orders`, `GET /api/quotes` and `GET /api/quotes/:number`.
 */
export function renderedViews(s: StoredSubmission): RenderedView[] {
  const parsed = orderPayloadSchema.safeParse(s.payload);
  if (!parsed.success) return [];
  const resource = s.kind === 'order' ? 'orders' : 'quotes';
  return viewsOf(parsed.data.lines, (lineId, view) =>
    renderedViewHref(resource, s.number, lineId, view),
  );
}

/** A saved revision of a rep quote: its lines and the figures (with pictures) kept with it. */
type RepRevision = { number: string; revision: number; quote: RepQuote; figures: QuotedFigures };

/**
 * Each line of a rep quote revision with its picture as the revision showed it: the picture kept
 * with the revision (`figures.pictures`), so a later change of the catalogue's visuals leaves it as
 * it was; a revision saved before pictures were kept has its lines composed from the catalogue.
 */
export function repQuotePictures(
  r: Pick<RepRevision, 'quote' | 'figures'>,
  models: readonly ProductModel[],
): PicturedLine[] {
  const kept = r.figures.pictures;
  return r.quote.lines.map((l) => {
    if (kept) return { lineId: l.lineId, picture: kept[l.lineId] };
    const model = models.find((m) => m.id === l.productId);
    return { lineId: l.lineId, picture: model && linePicture(model, l.selection) };
  });
}

/**
 * A revision's customer document with each line drawn as the revision showed it: the pictures kept
 * with it (`figures.pictures`) in place of those `customerDocument` composed from today's catalogue.
 * A revision saved before pictures were kept is left as composed.
 */
export function withKeptPictures(
  document: z.input<typeof customerQuoteWire>,
  figures: QuotedFigures,
): z.input<typeof customerQuoteWire> {
  const kept = figures.pictures;
  if (!kept) return document;
  return {
    ...document,
    lines: document.lines.map(({ picture: _composed, ...line }) => {
      const picture = kept[line.lineId];
      return picture ? { ...line, picture } : line;
    }),
  };
}

/**
 * Every rendered view of a rep quote's revision (the pictures its customer document shows), each
 * `href` naming the revision: `/api/quotes/RQ-…/lines/L1/views/front.svg?revision=2`.
 */
export function repQuoteRenderedViews(
  r: RepRevision,
  models: readonly ProductModel[],
): RenderedView[] {
  return viewsOf(repQuotePictures(r, models), (lineId, view) =>
    renderedViewHref('quotes', r.number, lineId, view, r.revision),
  );
}

/**
 * `GET /api/orders/:number/lines/:lineId/views/:view.svg` and
 * `GET /api/quotes/:number/lines/:lineId/views/:view.svg[?revision=N]` (a signed-in user or a
 * token, as the listings): one view of a line's picture as one SVG file (`pictureSvg`), each
 * layer's image embedded as a data URI read from the site the catalogue sits in (a root-relative
 * `/catalogue/img/…` is looked up beside the catalogue directory), so the file stands alone for
 * production. An order's and a quote request's picture is the one their payload carried; a rep
 * quote revision's is the one kept with it when it was saved (what its customer document shows).
 * Served with a CSP that runs nothing. 404 names what is not there.
 */
export function pictureRoutes(
  app: FastifyInstance,
  deps: {
    store: SubmissionStore;
    quotes: QuoteRevisionStore;
    catalogue: Catalogue;
    auth: Authenticator;
    catalogueDir: string;
  },
): void {
  const site = resolve(dirname(resolve(deps.catalogueDir)));
  const inline = (image: string): string | undefined => {
    const type = MEDIA_TYPES[extname(image).toLowerCase()];
    if (!image.startsWith('/') || type === undefined) return undefined;
    const file = resolve(site, `.${image}`);
    if (!file.startsWith(site + sep)) return undefined;
    try {
      return `data:${type};base64,${readFileSync(file).toString('base64')}`;
    } catch {
      return undefined; // left as its address: the file is not on this server's disk
    }
  };
  const viewName = (file: string) => {
    const view = /^(.+)\.svg$/.exec(file)?.[1];
    if (view === undefined)
      throw new HttpError(404, 'NOT_FOUND', `a rendered view is an .svg file, not '${file}'`);
    return view;
  };
  const payloadLines = (s: StoredSubmission): PicturedLine[] => {
    const parsed = orderPayloadSchema.safeParse(s.payload);
    return parsed.success ? parsed.data.lines : [];
  };
  const draw = (
    reply: FastifyReply,
    what: string,
    lines: readonly PicturedLine[],
    lineId: string,
    view: string,
  ) => {
    const line = lines.find((l) => l.lineId === lineId);
    if (!line) throw new HttpError(404, 'LINE_NOT_FOUND', `${what} has no line '${lineId}'`);
    const views = line.picture?.views ?? [];
    const found = views.find((v) => v.view === view);
    if (!found)
      throw new HttpError(
        404,
        'VIEW_NOT_FOUND',
        views.length === 0
          ? `line ${lineId} of ${what} has no picture`
          : `line ${lineId} of ${what} has no view '${view}' (views: ${views.map((v) => v.view).join(', ')})`,
      );
    return reply
      .header('content-type', 'image/svg+xml; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
      )
      .header('x-content-type-options', 'nosniff')
      .send(pictureSvg(found, { inline }));
  };
  type Params = { number: string; lineId: string; file: string };

  app.get<{ Params: Params }>(
    '/api/orders/:number/lines/:lineId/views/:file',
    async (request, reply) => {
      await deps.auth.user(request);
      const { number, lineId, file } = request.params;
      const view = viewName(file);
      const order = await deps.store.byNumber(number);
      if (!order || order.kind !== 'order')
        throw new HttpError(404, 'ORDER_NOT_FOUND', `no order '${number}'`);
      return draw(reply, `order ${number}`, payloadLines(order), lineId, view);
    },
  );

  app.get<{ Params: Params; Querystring: { revision?: string } }>(
    '/api/quotes/:number/lines/:lineId/views/:file',
    async (request, reply) => {
      await deps.auth.user(request);
      const { number, lineId, file } = request.params;
      const view = viewName(file);
      const revision = revisionQuery(request.query.revision);
      const rep = await deps.quotes.get(number, revision);
      if (rep) {
        const lines = repQuotePictures(rep.found, deps.catalogue.models);
        return draw(reply, `quote ${number} revision ${rep.found.revision}`, lines, lineId, view);
      }
      const found = await storedQuoteRequest(deps.store, number, revision);
      return draw(reply, `quote ${number}`, payloadLines(found), lineId, view);
    },
  );
}
