import { readFileSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { orderPayloadSchema, pictureSvg } from '../../engine/index.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { StoredSubmission, SubmissionStore } from '../db/submissionStore.ts';
import { HttpError } from '../httpError.ts';

const MEDIA_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** Where production reads one line's view of an order, drawn as one SVG file. */
export const renderedViewHref = (number: string, lineId: string, view: string) =>
  `/api/orders/${encodeURIComponent(number)}/lines/${encodeURIComponent(lineId)}/views/${encodeURIComponent(view)}.svg`;

/**
 * Every rendered view of an order (`lineId`, `view`, `href`), one per view of each line that
 * carries a picture; empty for other submissions. Listed beside the payload in `GET /api/orders`.
 */
export function renderedViews(
  s: StoredSubmission,
): { lineId: string; view: string; href: string }[] {
  if (s.kind !== 'order') return [];
  const parsed = orderPayloadSchema.safeParse(s.payload);
  if (!parsed.success) return [];
  return parsed.data.lines.flatMap((l) =>
    (l.picture?.views ?? []).map((v) => ({
      lineId: l.lineId,
      view: v.view,
      href: renderedViewHref(s.number, l.lineId, v.view),
    })),
  );
}

/**
 * `GET /api/orders/:number/lines/:lineId/views/:view.svg` (a signed-in user or a token, as
 * `GET /api/orders`): one view of an order line's picture as one SVG file (`pictureSvg`), each
 * layer's image embedded as a data URI read from the site the catalogue sits in (a root-relative
 * `/catalogue/img/…` is looked up beside the catalogue directory), so the file stands alone for
 * production. Served with a CSP that runs nothing. 404 names what is not there.
 */
export function pictureRoutes(
  app: FastifyInstance,
  deps: { store: SubmissionStore; auth: Authenticator; catalogueDir: string },
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
  app.get<{ Params: { number: string; lineId: string; file: string } }>(
    '/api/orders/:number/lines/:lineId/views/:file',
    async (request, reply) => {
      await deps.auth.user(request);
      const { number, lineId, file } = request.params;
      const view = /^(.+)\.svg$/.exec(file)?.[1];
      if (view === undefined)
        throw new HttpError(404, 'NOT_FOUND', `a rendered view is an .svg file, not '${file}'`);
      const order = await deps.store.byNumber(number);
      if (!order || order.kind !== 'order')
        throw new HttpError(404, 'ORDER_NOT_FOUND', `no order '${number}'`);
      const parsed = orderPayloadSchema.safeParse(order.payload);
      const line = parsed.success ? parsed.data.lines.find((l) => l.lineId === lineId) : undefined;
      if (!line)
        throw new HttpError(404, 'LINE_NOT_FOUND', `order ${number} has no line '${lineId}'`);
      const views = line.picture?.views ?? [];
      const found = views.find((v) => v.view === view);
      if (!found)
        throw new HttpError(
          404,
          'VIEW_NOT_FOUND',
          views.length === 0
            ? `line ${lineId} of order ${number} has no picture`
            : `line ${lineId} of order ${number} has no view '${view}' (views: ${views.map((v) => v.view).join(', ')})`,
        );
      return reply
        .header('content-type', 'image/svg+xml; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
        )
        .header('x-content-type-options', 'nosniff')
        .send(pictureSvg(found, { inline }));
    },
  );
}
