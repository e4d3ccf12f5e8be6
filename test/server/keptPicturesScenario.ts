import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { deskRepQuote } from '../engine/orders/orderFixture.ts';
import { jsonCaller, startServerProcess, asRep, type ServerProcess } from './serverProcess.ts';

type Picture = { views: { view: string; layers: { image: string; y: number }[] }[] };

/**
 * A rep quote revision keeps the picture it was saved with: revision 1 is saved on a copy of the
 * sample catalogue; the server is stopped, the copy's desk visuals are changed (the front's shadow
 * is another image, 30 units lower) and the server started again on the same database `db` (a
 * SQLite file or a `postgres://` URL). Revision 1's rendered view, its document (the rep's and the
 * customer's shared page) still draw the old picture; a revision saved now draws the new one.
 */
export async function keptPicturesScenario(db: string): Promise<void> {
  const site = mkdtempSync(join(tmpdir(), 'madeto-kept-pictures-'));
  const dir = join(site, 'catalogue');
  cpSync(new URL('../../public/catalogue', import.meta.url).pathname, dir, { recursive: true });
  const serve = () => startServerProcess(db, ['--catalogue', dir]);

  let server: ServerProcess = await serve();
  const call = jsonCaller(() => server);
  const svg = async (path: string) => {
    const r = await fetch(`${server.url}${path}`, { headers: asRep });
    expect(r.status).toBe(200);
    return r.text();
  };
  /** What revision `n` shows: its front view's SVG, the rep's document and the customer's page. */
  const shown = async (number: string, token: string, n: number) => {
    const rep = await call('GET', `/api/quotes/${number}?revision=${n}`);
    expect(rep.status).toBe(200);
    const document = rep.body['document'] as { lines: { picture?: Picture }[] };
    const shared = (await call('GET', `/api/shared/quotes/${token}`, undefined, {})).body as {
      lines: { picture?: Picture }[];
    };
    return {
      svg: await svg(`/api/quotes/${number}/lines/L1/views/front.svg?revision=${n}`),
      document: document.lines[0]?.picture,
      shared: shared.lines[0]?.picture,
    };
  };

  let number: string;
  let token: string;
  let before: Awaited<ReturnType<typeof shown>>;
  try {
    const first = await call('POST', '/api/quotes', deskRepQuote());
    expect(first.status).toBe(201);
    number = first.body['number'] as string;
    token = first.body['shareToken'] as string;
    before = await shown(number, token, 1);
    expect(before.document?.views.map((v) => v.view)).toEqual(['front', 'top']);
    expect(before.shared).toEqual(before.document);
  } finally {
    await server.stop();
  }

  const file = join(dir, 'desk.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    visuals: { layers: { view: string; image: string; y: number }[] };
  };
  const shadow = doc.visuals.layers.find((l) => l.view === 'front')!;
  const oldImage = shadow.image;
  shadow.image = '/catalogue/img/desk/plan-shadow.svg';
  shadow.y += 30;
  writeFileSync(file, JSON.stringify(doc));

  server = await serve();
  try {
    const after = await shown(number, token, 1);
    expect(after).toEqual(before);
    const front = (p: Picture | undefined) => p?.views.find((v) => v.view === 'front')?.layers;
    expect(front(after.document)?.map((l) => l.image)).toContain(oldImage);
    expect(after.svg).toBe(before.svg);

    // The change is real: a revision saved now draws the changed visuals.
    const second = await call('POST', `/api/quotes/${number}/revisions`, deskRepQuote());
    expect(second.status).toBe(201);
    const now = await shown(number, token, 2);
    expect(front(now.document)?.map((l) => l.image)).toContain(shadow.image);
    expect(front(now.document)?.map((l) => l.image)).not.toContain(oldImage);
    expect(now.shared).toEqual(now.document);
    expect(now.svg).not.toBe(before.svg);
    // Revision 1 is still as it was once revision 2 is the latest.
    expect((await call('GET', `/api/quotes/${number}?revision=1`)).body['document']).toMatchObject({
      lines: [{ picture: before.document }],
    });
  } finally {
    await server.stop();
  }
}
