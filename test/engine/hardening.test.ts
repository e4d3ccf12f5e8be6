import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSnapshot, parsePromiseRequest } from '../../src/engine/leadtime/parseSnapshot.ts';
import { lintSnapshot } from '../../src/engine/leadtime/lintSnapshot.ts';
import { promise } from '../../src/engine/leadtime/promise.ts';
import { parseModel } from '../../src/engine/model/parseModel.ts';
import { parseOrderPayload } from '../../src/engine/orders/schema.ts';
import { parsePricing } from '../../src/engine/pricing/parsePricing.ts';
import { parsePriceRequest } from '../../src/engine/pricing/parsePriceRequest.ts';
import { price } from '../../src/engine/pricing/price.ts';
import { parseRepQuote } from '../../src/engine/quotes/repQuote.ts';
import { deskOrder, deskRepQuote, models, pricing, snapshot } from './orders/orderFixture.ts';

// Issue 16, the parsers under attack: regression tests named after the defects.

const dir = new URL('../../public/catalogue/', import.meta.url);
const read = (name: string): any => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
/** The issues (path and message) an engine parser throws for `json`, or [] when it accepts it. */
function issuesOf(parse: () => unknown): { path: string; message: string }[] {
  try {
    parse();
    return [];
  } catch (error) {
    const e = error as { issues?: { path: string; message: string }[]; path?: string };
    return e.issues ?? [{ path: e.path ?? '?', message: String(error) }];
  }
}
const paths = (parse: () => unknown) => issuesOf(parse).map((i) => i.path);

describe('issue 16: the parsers under attack', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'defect 3: product id %s is not priced 0.00 (ids are looked up safely)',
    (id) => {
      const request = {
        date: '2026-12-07',
        currency: 'EUR',
        lines: [{ lineId: 'L1', productId: id, quantity: 1, selection: {} }],
      };
      expect(paths(() => price(request, { pricing, models }))).toEqual(['$.lines[0].productId']);
    },
  );

  it('defect 3: parsed id records have no prototype, and models cannot use its member names', () => {
    expect(pricing.priceBooks[0]!.products['constructor']).toBeUndefined();
    expect(snapshot.items['toString']).toBeUndefined();
    const desk = read('desk.json');
    desk.attributes[0].id = 'constructor';
    expect(paths(() => parseModel(desk))).toContain('$.attributes[0].id');
  });

  it('defect 6: an unknown top-level key of pricing.json or availability.json is an error naming it', () => {
    const p = read('pricing.json');
    p.guardRails = p.guardrails;
    delete p.guardrails;
    const pricingIssues = issuesOf(() => parsePricing(p, models));
    expect(pricingIssues[0]?.message).toContain('guardRails');
    const a = read('availability.json');
    a.inBound = a.inbound;
    delete a.inbound;
    expect(issuesOf(() => parseSnapshot(a, models))[0]?.message).toContain('inBound');
  });

  it('defect 7: modules[].count.max 1000000 is an error at its path, not a hang', () => {
    const sofa = read('sofa.json');
    sofa.modules[0].count.max = 1_000_000;
    expect(paths(() => parseModel(sofa))).toEqual(['$.modules[0].count.max']);
  });

  it.each([
    ['month 13', '2026-13-01T09:00:00Z'],
    ['February 30', '2026-02-30T09:00:00Z'],
    ['offset +99:99', '2026-02-03T09:00:00+99:99'],
  ])('defect 10: createdAt with %s is refused', (_, createdAt) => {
    const r = parseOrderPayload({ ...deskOrder(), createdAt });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['$.createdAt']);
  });

  const broken: [string, string, (doc: any) => void, string][] = [
    [
      'a model routing cycle',
      'desk.json',
      (d) => (d.routing[0].after = [d.routing[1].op]),
      '$.routing[0].after',
    ],
    [
      'an item routing cycle',
      'availability.json',
      (a) => (a.items['FRM-OTTOMAN-90'].routing[0].after = ['FRAME-20']),
      '$.items["FRM-OTTOMAN-90"].routing',
    ],
    ['a tax rate of 1.5', 'pricing.json', (p) => (p.taxes[1].rate = '1.5'), '$.taxes[1].rate'],
    [
      'a delay histogram summing to 2',
      'availability.json',
      (a) => (a.inbound[0].delayHistogram = { 0: 1, 1: 1 }),
      '$.inbound[0].delayHistogram',
    ],
    [
      'duplicate supplier ids',
      'availability.json',
      (a) =>
        a.items['ABR-SCOTCH-7447'].suppliers.push({ ...a.items['ABR-SCOTCH-7447'].suppliers[0] }),
      '$.items["ABR-SCOTCH-7447"].suppliers[1].id',
    ],
    [
      'duplicate inbound ids',
      'availability.json',
      (a) => a.inbound.push({ ...a.inbound[0] }),
      `$.inbound[${read('availability.json').inbound.length}].id`,
    ],
    [
      'duplicate commitment ids',
      'availability.json',
      (a) => a.commitments.push({ ...a.commitments[0] }),
      `$.commitments[${read('availability.json').commitments.length}].id`,
    ],
    [
      'two contracts of one customer at once',
      'pricing.json',
      (p) => p.contracts.push(structuredClone(p.contracts[0])),
      `$.contracts[${read('pricing.json').contracts.length}].customerId`,
    ],
  ];
  it.each(broken)('defect 15: %s is refused at its path', (_, file, edit, path) => {
    const doc = read(file);
    edit(doc);
    const parse =
      file === 'desk.json'
        ? () => parseModel(doc)
        : file === 'pricing.json'
          ? () => parsePricing(doc, models)
          : () => parseSnapshot(doc, models);
    expect(paths(parse)).toContain(path);
  });

  it('defect 15: a bought item a product needs with no source at all is a lint error', () => {
    const a = read('availability.json');
    const id = 'MOT-24V-DM';
    a.items[id].suppliers = [];
    delete a.stock[id];
    a.inbound = a.inbound.filter((po: { item: string }) => po.item !== id);
    a.commitments = a.commitments.filter((c: { item: string }) => c.item !== id);
    const findings = lintSnapshot(parseSnapshot(a, models), models);
    expect(findings).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'no-source', path: `$.items["${id}"]` }),
    );
  });

  it('defect 15: duplicate line ids are refused in price and promise requests, orders and quotes', () => {
    const line = { lineId: 'L1', productId: 'DESK', quantity: 1, selection: {} };
    expect(
      paths(() => parsePriceRequest({ date: '2026-12-07', currency: 'EUR', lines: [line, line] })),
    ).toEqual(['$.lines[1].lineId']);
    expect(
      paths(() => parsePromiseRequest({ now: '2026-12-07T09:00:00Z', lines: [line, line] })),
    ).toEqual(['$.lines[1].lineId']);
    const order = deskOrder();
    const twice = parseOrderPayload({ ...order, lines: [order.lines[0], order.lines[0]] });
    expect(twice.ok ? [] : twice.issues.map((i) => i.path)).toEqual(['$.lines[1].lineId']);
    const q = deskRepQuote();
    const quote = parseRepQuote({ ...q, lines: [q.lines[0], q.lines[0]] });
    expect(quote.ok ? [] : quote.issues.map((i) => i.path)).toEqual(['$.lines[1].lineId']);
  });

  it('defect 14: promise names an unknown selection value and a huge quantity at their paths', () => {
    const request = read('requests/promise-mixed.json');
    request.lines[0].selection.frame = 'nope';
    expect(paths(() => promise(parsePromiseRequest(request), { snapshot, models }))).toEqual([
      '$.lines[0].selection.frame',
    ]);
    request.lines[0].selection.frame = 'steel';
    request.lines[0].quantity = 1e9;
    expect(paths(() => parsePromiseRequest(request))).toEqual(['$.lines[0].quantity']);
  });

  it('defect 16: lineId and free texts have length caps, named by path', () => {
    const order = deskOrder();
    const long = parseOrderPayload({
      ...order,
      lines: [{ ...order.lines[0], lineId: 'L'.repeat(1000) }, ...order.lines.slice(1)],
    });
    expect(long.ok ? [] : long.issues.map((i) => i.path)).toEqual(['$.lines[0].lineId']);
    const q = deskRepQuote();
    const quote = parseRepQuote({ ...q, notes: 'n'.repeat(5000) });
    expect(quote.ok ? [] : quote.issues.map((i) => i.path)).toEqual(['$.notes']);
  });
});
