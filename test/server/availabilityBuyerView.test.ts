import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseSnapshot,
  promise,
  type PromiseRequestInput,
  type PromiseResult,
} from '../../src/engine/index.ts';
import { models } from '../engine/orders/orderFixture.ts';
import { availabilityServer, caller, FEED_TOKEN } from './availabilityJourney.ts';
import { REP_TOKEN, tempDb } from './serverProcess.ts';

const catalogue = (file: string) =>
  JSON.parse(
    readFileSync(new URL(`../../public/catalogue/${file}`, import.meta.url), 'utf8'),
  ) as Record<string, any>;
const seed = catalogue('availability.json');
const asRep = { authorization: `Bearer ${REP_TOKEN}` };
const asFeed = { authorization: `Bearer ${FEED_TOKEN}` };

/** The ids the seed holds that no public model names: POs, suppliers, commitments, work centres. */
function internalIds(): string[] {
  const modelJson = ['desk', 'bike', 'sofa'].map((m) => JSON.stringify(catalogue(`${m}.json`)));
  const inModels = (id: string) => modelJson.some((j) => j.includes(`"${id}"`));
  const ids = [
    ...seed.inbound.map((po: { id: string }) => po.id),
    ...seed.inbound.flatMap((po: { supplierId?: string }) => po.supplierId ?? []),
    ...Object.values(seed.items).flatMap((i: any) =>
      (i.suppliers ?? []).map((s: { id: string }) => s.id),
    ),
    ...seed.commitments.map((c: { id: string }) => c.id),
    ...Object.keys(seed.workCenters),
  ];
  return [...new Set(ids)].filter((id) => !inModels(id));
}

/** What a buyer's widget shows of a promise: dates, confidence, curve, drivers in words, suggestions. */
const shown = (r: PromiseResult) => ({
  status: r.status,
  shipDate: r.shipDate,
  deliveryDate: r.deliveryDate,
  lines: r.lines.map((l) => ({
    status: l.status,
    accepted: l.accepted,
    readyDate: l.readyDate,
    shipDate: l.shipDate,
    deliveryDate: l.deliveryDate,
    confidence: l.confidence && { ...l.confidence, sources: l.confidence.sources.length },
    atpCurve: l.atpCurve,
    suggestions: l.suggestions,
    drivers: l.drivers.map(({ detail: _d, ...d }) => ({
      ...d,
      ...('item' in d && { item: undefined, po: undefined }),
      ...('workCenter' in d && { workCenter: undefined }),
    })),
  })),
});

/** The widget's requests: every line of the catalogue's request files, one at a time. */
function widgetRequests(now: string): PromiseRequestInput[] {
  const lines = ['promise-mixed.json', 'price-acme-desks.json', 'price-sofa-usd.json'].flatMap(
    (f) => catalogue(`requests/${f}`).lines as PromiseRequestInput['lines'],
  );
  return lines
    .filter((l) => models.some((m) => m.id === l.productId))
    .flatMap((l) => [1, l.quantity].map((quantity) => ({ now, lines: [{ ...l, quantity }] })));
}

describe('GET /api/availability: a buyer view for anonymous callers (SQLite)', () => {
  it('an anonymous caller gets no PO number, supplier id, commitment or internal work centre; the widget promises the same dates on it as on the whole snapshot', async () => {
    const { server, now } = await availabilityServer({ kind: 'sqlite', file: tempDb() });
    const call = caller(server);
    try {
      // Some holds, so the served snapshots are net of held stock, POs and capacity.
      const desk = catalogue('requests/promise-mixed.json').lines[0];
      for (const quantity of [2, 3, 1])
        expect((await call('POST', '/api/holds', { lines: [{ ...desk, quantity }] })).status).toBe(
          201,
        );

      const buyer = await call('GET', '/api/availability');
      const rep = await call('GET', '/api/availability', undefined, asRep);
      expect([buyer.status, rep.status]).toEqual([200, 200]);
      const internal = internalIds();
      expect(internal.length).toBeGreaterThan(20);
      const buyerText = JSON.stringify(buyer.body);
      expect(internal.filter((id) => buyerText.includes(id))).toEqual([]);
      expect(/"(PO|SO)-/.exec(buyerText)?.[0]).toBeUndefined();
      // The signed-in view is the whole snapshot (the test would pass vacuously otherwise).
      const repText = JSON.stringify(rep.body);
      expect(internal.filter((id) => !repText.includes(id))).toEqual([]);
      // One ETag per view, each answering 304 only to itself.
      const buyerTag = buyer.headers.get('etag')!;
      const repTag = rep.headers.get('etag')!;
      expect(buyerTag).not.toBe(repTag);
      expect(
        (await call('GET', '/api/availability', undefined, { 'if-none-match': buyerTag })).status,
      ).toBe(304);
      expect(
        (await call('GET', '/api/availability', undefined, { ...asRep, 'if-none-match': buyerTag }))
          .status,
      ).toBe(200);
      expect(
        (await call('GET', '/api/availability', undefined, { ...asFeed, 'if-none-match': repTag }))
          .status,
      ).toBe(304);

      const full = parseSnapshot(rep.body, models);
      const view = parseSnapshot(buyer.body, models);
      const requests = [now(), '2026-11-23T09:30:00+01:00'].flatMap(widgetRequests);
      expect(requests.length).toBeGreaterThan(10);
      let late = 0;
      for (const request of requests) {
        const onFull = promise(request, { snapshot: full, models });
        const onView = promise(request, { snapshot: view, models });
        expect(shown(onView), JSON.stringify(request.lines[0])).toEqual(shown(onFull));
        if (onFull.lines[0]!.drivers.some((d) => d.kind === 'material' && d.cause !== 'stock'))
          late++;
      }
      // Some of these promises wait for purchase orders or suppliers (whose ids were replaced).
      expect(late).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 60_000);
});
