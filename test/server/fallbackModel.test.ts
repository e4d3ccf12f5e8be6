import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOrderPayload,
  compile,
  createConfiguratorEngine,
  importDimacs,
  parseModel,
  parsePricing,
  price,
  type OrderPayload,
  type ProductModel,
  type Selection,
  validate,
} from '../../src/engine/index.ts';
import { startServerProcess, tempDb, type ServerProcess } from './serverProcess.ts';

// A real feature model (771 attributes, 7,241 clauses) past a small node limit (its diagram has
// 161,515 nodes under the default limits since 2026-12-07; before, it did not compile), served
// as a product: the server re-validates and re-prices its orders and quote requests exactly.
const dimacs = new URL(
  '../../../shared/benchmarks/feature-models/financial_services__financialServices_2018-05-09.dimacs',
  import.meta.url,
);
const present = existsSync(dimacs);

let server: ServerProcess;
let model: ProductModel;
let valid: Selection;
/** A valid configuration with one feature flipped so that some clause breaks. */
let flipped: Selection;
let payload: (key: string, selection: Selection, kind?: OrderPayload['kind']) => OrderPayload;

beforeAll(async () => {
  if (!present) return;
  const dir = mkdtempSync(join(tmpdir(), 'madeto-fallback-'));
  cpSync(new URL('../../public/catalogue', import.meta.url).pathname, dir, { recursive: true });
  const doc = importDimacs(readFileSync(dimacs, 'utf8'), { name: 'FM' });
  const desk = JSON.parse(readFileSync(join(dir, 'desk.json'), 'utf8')) as { plantId: string };
  Object.assign(doc, { plantId: desk.plantId }); // made where the desk is made (a snapshot plant)
  writeFileSync(join(dir, 'fm.json'), JSON.stringify(doc));
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    products: object[];
  };
  index.products.push({ id: 'FM', name: 'Financial services', model: '/catalogue/fm.json' });
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  const pricingJson = JSON.parse(readFileSync(join(dir, 'pricing.json'), 'utf8')) as {
    priceBooks: { currency: string; products: Record<string, { list: string }> }[];
  };
  for (const book of pricingJson.priceBooks)
    if (book.currency === 'EUR') book.products.FM = { list: '1000.00' };
  writeFileSync(join(dir, 'pricing.json'), JSON.stringify(pricingJson));

  model = parseModel(doc);
  valid = createConfiguratorEngine(model, { maxNodes: 1 }).complete({});
  // (made here: a request after seconds of work would race the server's 5 s keep-alive close)
  flipped = Object.keys(valid)
    .map((id): Selection => ({ ...valid, [id]: !valid[id] }))
    .find((s) => validate(model, s).length > 0)!;
  const models = [
    model,
    ...['desk', 'bike', 'sofa'].map((m) =>
      parseModel(JSON.parse(readFileSync(join(dir, `${m}.json`), 'utf8'))),
    ),
  ];
  const pricing = parsePricing(pricingJson, models);
  payload = (key, selection, kind = 'order') => {
    const createdAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const context = { date: createdAt.slice(0, 10), currency: 'EUR' };
    const lines = [{ lineId: 'L1', productId: 'FM', quantity: 2, selection }];
    return buildOrderPayload({
      kind,
      idempotencyKey: key,
      createdAt,
      model,
      pricing: context,
      lines,
      price: price({ ...context, lines }, { pricing, models }),
      customer: { name: 'Ana Lima', email: 'ana@example.com' },
    });
  };
  server = await startServerProcess(tempDb(), ['--catalogue', dir]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const post = (path: string, body: object) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe.skipIf(!present)('madeto serve on a model too big for the decision diagram', () => {
  it('the model really does not compile within a node limit', () => {
    expect(() => compile(model, { maxNodes: 20_000 })).toThrow(
      expect.objectContaining({ code: 'COMPILE_LIMIT' }),
    );
  });

  it.each(['order', 'quote-request'] as const)(
    'accepts a valid %s, re-priced by the server',
    async (kind) => {
      const p = payload(`fm-valid-${kind}`, valid, kind);
      const r = await post(kind === 'order' ? '/api/orders' : '/api/quotes', p);
      expect(r.status).toBe(201);
      expect(await r.json()).toMatchObject({ totals: p.totals });
    },
  );

  it('refuses a selection that breaks a clause, naming the attribute and the constraint', async () => {
    const broken = validate(model, flipped);
    expect(broken.length).toBeGreaterThan(0);
    const p = payload('fm-invalid-order', flipped);
    const r = await post('/api/orders', p);
    expect(r.status).toBe(422);
    const body = (await r.json()) as {
      error: { code: string; differences: { path: string; constraintId?: string }[] };
    };
    expect(body.error.code).toBe('ORDER_REJECTED');
    expect(body.error.differences.map((d) => d.constraintId)).toEqual(
      broken.map((v) => v.constraintId),
    );
    expect(body.error.differences[0]!.path).toMatch(/^\$\.lines\[0\]\.selection\.x\d+$/);
  });

  it('refuses a tampered total on that model', async () => {
    const p = payload('fm-tampered-order', valid);
    p.totals.total = '1.00';
    const r = await post('/api/orders', p);
    expect(r.status).toBe(422);
    const body = (await r.json()) as { error: { differences: { path: string }[] } };
    expect(body.error.differences.map((d) => d.path)).toContain('$.totals.total');
  });
});
