import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AttributeDocument } from '../src/engine/model/schema.ts';
import type { ProductModel, SelectionValue } from '../src/engine/model/types.ts';
import {
  engineModule,
  exists,
  modelOf,
  pricingJson,
  products,
  sitePath,
  snapshotJson,
} from './catalogueFiles.ts';

/**
 * The engines' verdicts on the sample catalogue: the pricing file and the snapshot parse and lint
 * clean against the models, no option is dead or forced, and every value of every product can be
 * completed to a valid configuration that prices and gets a delivery promise. Each check runs once
 * its engine exists in the tree (the engines are written in parallel; modules load by path).
 */

const engines = {
  parsePricing: 'src/engine/pricing/parsePricing.ts',
  price: 'src/engine/pricing/price.ts',
  parseSnapshot: 'src/engine/leadtime/parseSnapshot.ts',
  lintSnapshot: 'src/engine/leadtime/lintSnapshot.ts',
  promise: 'src/engine/leadtime/promise.ts',
  compile: 'src/engine/solver/compile.ts',
  domains: 'src/engine/solver/domains.ts',
  complete: 'src/engine/solver/complete.ts',
  lintModelSemantics: 'src/engine/solver/lintModelSemantics.ts',
} as const;
type Engine = keyof typeof engines;

const have = (...names: Engine[]) => names.every((n) => exists(engines[n]));
const load = async (name: Engine) => (await engineModule(engines[name]))[name];

const models = (): ProductModel[] => products.map(modelOf);

/** The values worth trying for an attribute: every value, both booleans, a number's bounds. */
function probeValues(attr: AttributeDocument): SelectionValue[] {
  switch (attr.type) {
    case 'choice':
      return attr.values.map((v) => v.id);
    case 'multi':
      return attr.values.map((v) => [v.id]);
    case 'boolean':
      return [true, false];
    case 'number':
      return [attr.min, attr.max];
    case 'text':
      return [];
    default:
      return attr satisfies never;
  }
}

describe('pricing and snapshot files', () => {
  it.skipIf(!have('parsePricing'))('parsePricing accepts pricing.json', async () => {
    const parsePricing = await load('parsePricing');
    expect(() => parsePricing(pricingJson, models())).not.toThrow();
  });

  it.skipIf(!have('parseSnapshot'))('parseSnapshot accepts availability.json', async () => {
    const parseSnapshot = await load('parseSnapshot');
    expect(() => parseSnapshot(snapshotJson, models())).not.toThrow();
  });

  it.skipIf(!have('parseSnapshot', 'lintSnapshot'))(
    'lintSnapshot finds nothing, not even a warning',
    async () => {
      const snapshot = (await load('parseSnapshot'))(snapshotJson, models());
      const findings = (await load('lintSnapshot'))(snapshot, models()) as { message: string }[];
      expect(findings.map((f) => f.message)).toEqual([]);
    },
  );
});

describe.skipIf(!have('compile', 'domains', 'lintModelSemantics')).each(products)(
  'solver on %s',
  (id) => {
    it('finds no dead, forced or never-relevant option', async () => {
      const compiled = (await load('compile'))(modelOf(id));
      const findings = (await load('lintModelSemantics'))(compiled) as { message: string }[];
      expect(findings.map((f) => f.message)).toEqual([]);
    });

    it('shows every value as available before the first click', async () => {
      const compiled = (await load('compile'))(modelOf(id));
      const states = (await load('domains'))(compiled, {}) as Record<
        string,
        Record<string, string>
      >;
      const blocked = Object.entries(states).flatMap(([attr, values]) =>
        Object.entries(values)
          .filter(([, state]) => state !== 'available')
          .map(([value, state]) => `${attr}=${value}: ${state}`),
      );
      expect(blocked).toEqual([]);
    });
  },
);

describe.skipIf(!have('compile', 'complete', 'parsePricing', 'price', 'parseSnapshot', 'promise'))(
  'every value completes, prices and promises',
  () => {
    it.each(products)('%s', async (id) => {
      const all = models();
      const model = all.find((m) => m.id === id)!;
      const compiled = (await load('compile'))(model);
      const complete = await load('complete');
      const price = await load('price');
      const promise = await load('promise');
      const pricing = (await load('parsePricing'))(pricingJson, all);
      const snapshot = (await load('parseSnapshot'))(snapshotJson, all);

      const problems: string[] = [];
      let tried = 0;
      for (const attr of model.attributes)
        for (const value of probeValues(attr)) {
          const where = `${attr.id}=${JSON.stringify(value)}`;
          const selection = complete(compiled, { [attr.id]: value });
          const line = { lineId: 'L1', productId: id, quantity: 1, selection };
          const priced = price(
            { date: '2026-11-23', currency: 'EUR', lines: [line] },
            { pricing, models: all },
          );
          if (!/^[1-9]\d*\.\d{2}$/.test(priced.lines[0].unit))
            problems.push(`${where}: unit price ${priced.lines[0].unit}`);
          const promised = promise(
            { now: '2026-11-23T09:30:00+01:00', lines: [line] },
            { snapshot, models: all },
          );
          if (promised.status !== 'ok' || !promised.deliveryDate)
            problems.push(`${where}: promise ${promised.status}`);
          tried++;
        }
      expect(tried).toBeGreaterThan(20);
      expect(problems).toEqual([]);
    });
  },
);

/** The sample requests in public/catalogue/requests: `price-*.json` and `promise-*.json`. */
const requestFiles = readdirSync(sitePath('/catalogue/requests/')).filter((f) =>
  f.endsWith('.json'),
);
const request = (file: string) =>
  JSON.parse(readFileSync(sitePath(`/catalogue/requests/${file}`), 'utf8')) as unknown;

describe('sample requests', () => {
  it('include price and promise requests', () => {
    expect(requestFiles.some((f) => f.startsWith('price-'))).toBe(true);
    expect(requestFiles.some((f) => f.startsWith('promise-'))).toBe(true);
  });

  it
    .skipIf(!have('parsePricing', 'price'))
    .each(requestFiles.filter((f) => f.startsWith('price-')))(
    '%s prices every line, needing no approval',
    async (file) => {
      const pricing = (await load('parsePricing'))(pricingJson, models());
      const result = (await load('price'))(request(file), { pricing, models: models() });
      expect(result.lines.length).toBeGreaterThan(0);
      expect(result.total).toMatch(/^[1-9]\d*\.\d{2}$/);
      expect(result.approvalRequired).toBe(false);
    },
  );

  it
    .skipIf(!have('parseSnapshot', 'promise'))
    .each(requestFiles.filter((f) => f.startsWith('promise-')))(
    '%s promises every line',
    async (file) => {
      const snapshot = (await load('parseSnapshot'))(snapshotJson, models());
      const result = (await load('promise'))(request(file), { snapshot, models: models() });
      expect(result.lines.map((l: { status: string }) => l.status)).not.toContain('unavailable');
      expect(result.status).toBe('ok');
      expect(result.deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    },
  );
});
