import { describe, expect, it } from 'vitest';
import {
  compile,
  complete,
  optimalCompletion,
  parsePricing,
  parseSnapshot,
  price,
  promise,
  validate,
  type CompiledModel,
  type Pricing,
  type Selection,
} from '../../../src/engine/index.ts';
import { dec, type Decimal } from '../../../src/engine/pricing/money.ts';
import { modelOrderLevels, preferenceOrder } from '../../../src/engine/optimize/searchSpace.ts';
import { modelOf, pricingJson, snapshotJson } from '../../catalogueFiles.ts';
import { allCompletions } from './enumerate.ts';

/**
 * Optimality against brute force on every sample product: for partial selections that leave a
 * few hundred to ~1,200 valid configurations, every configuration is enumerated with the solver,
 * priced with `price()` and promised with `promise()`; `optimalCompletion` must return the
 * minimum total (cheapest) or the earliest date, then the lowest total (fastest), and among equal
 * ones the first in defaults order.
 */

const pricing = parsePricing(pricingJson);
const snapshot = parseSnapshot(snapshotJson);
const DATE = '2026-12-07';
const NOW = '2026-12-07T09:00:00+01:00';
const compiledOf = new Map<string, CompiledModel>();
const compiledFor = (id: string) => {
  if (!compiledOf.has(id)) compiledOf.set(id, compile(modelOf(id)));
  return compiledOf.get(id)!;
};

/** Who is priced: the list book in EUR, or a customer (contract, dealer book) or currency (fx, charm). */
interface Buyer {
  currency: string;
  customerId?: string;
}
const LIST: Buyer = { currency: 'EUR' };

/**
 * The catalogue's pricing plus rules and a contract that make expensive options the cheapest
 * (so the non-additive cases decide the optimum): an e-bike with the range extender at a unit
 * price of 900, a 60 % discount on the oak top from 5 units, and a contract unit price for
 * aluminium desks.
 */
const promoPricing = parsePricing({
  ...pricingJson,
  priceRules: [
    ...pricingJson.priceRules,
    {
      id: 'EBIKE-PROMO',
      products: ['BIKE'],
      when: {
        all: [
          { attribute: 'eAssist', equals: true },
          { attribute: 'battery', equals: 'range-extender' },
        ],
      },
      then: [{ setUnitPrice: { amount: '900.00' } }],
    },
    {
      id: 'OAK-60',
      products: ['DESK'],
      when: { all: [{ attribute: 'topMaterial', equals: 'oak' }, { quantity: { gte: 5 } }] },
      then: [{ discountPercent: { percent: '60' } }],
    },
  ],
  contracts: [
    ...pricingJson.contracts,
    {
      customerId: 'ALU-FAN',
      overrides: [
        { product: 'DESK', selection: { frame: 'aluminium', drive: 'dual' }, unitPrice: '350.00' },
      ],
    },
  ],
});

const totalOf = (
  compiled: CompiledModel,
  selection: Selection,
  quantity: number,
  buyer: Buyer,
  book: Pricing = pricing,
): Decimal =>
  dec(
    price(
      {
        date: DATE,
        ...buyer,
        lines: [
          {
            lineId: '1',
            productId: compiled.model.id,
            quantity,
            category: compiled.model.category,
            selection,
          },
        ],
      },
      { pricing: book, models: [compiled.model], optionDeltas: false },
    ).total,
  );
const dateOf = (compiled: CompiledModel, selection: Selection, quantity: number): string => {
  const r = promise(
    {
      now: NOW,
      lines: [{ lineId: '1', productId: compiled.model.id, quantity, selection }],
      options: { atpCurve: false, suggestions: false, confidence: false },
    },
    { snapshot, models: [compiled.model] },
  );
  return r.status === 'ok' ? r.deliveryDate! : '~';
};

/** Defaults order as a sort key: per level in model order, the rank of its value. */
const defaultsKey = (compiled: CompiledModel, solution: number[]) =>
  modelOrderLevels(compiled).map((l) => preferenceOrder(compiled, l).indexOf(solution[l]!));
const lexLess = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

const cases: {
  product: string;
  selection: Selection;
  quantities: number[];
  buyer?: Buyer;
  pricing?: Pricing;
}[] = [
  {
    product: 'BIKE',
    selection: { colour: 'celeste', accessories: [], tyreWidth: 35 },
    quantities: [1],
    pricing: promoPricing,
  },
  {
    product: 'DESK',
    selection: {
      legStyle: 't-foot',
      frameColour: 'black',
      handset: 'up-down',
      accessories: [],
      cableTray: false,
      depth: 800,
    },
    quantities: [1, 5],
    buyer: { currency: 'EUR', customerId: 'ALU-FAN' },
    pricing: promoPricing,
  },
  {
    product: 'DESK',
    selection: {
      frame: 'steel',
      legStyle: 't-foot',
      frameColour: 'black',
      handset: 'up-down',
      accessories: [],
      cableTray: false,
    },
    quantities: [1, 20],
  },
  {
    product: 'DESK',
    selection: {
      frame: 'steel',
      legStyle: 't-foot',
      frameColour: 'black',
      handset: 'up-down',
      accessories: [],
      cableTray: false,
      depth: 800,
    },
    quantities: [1],
    buyer: { currency: 'EUR', customerId: 'ACME-OFFICES' },
  },
  {
    product: 'DESK',
    selection: {
      frame: 'steel',
      legStyle: 't-foot',
      handset: 'app',
      accessories: ['drawer'],
      cableTray: false,
      depth: 700,
    },
    quantities: [2],
    buyer: { currency: 'EUR', customerId: 'BUEROWELT-GMBH' },
  },
  {
    product: 'DESK',
    selection: { frame: 'aluminium', width: 1800, depth: 800, accessories: [], cableTray: true },
    quantities: [3],
  },
  {
    product: 'BIKE',
    selection: { colour: 'celeste', accessories: [], tyreWidth: 35 },
    quantities: [1, 4],
  },
  {
    product: 'BIKE',
    selection: { eAssist: true, accessories: [], frameSize: 'l' },
    quantities: [1],
  },
  {
    product: 'BIKE',
    selection: { colour: 'nero-opaco', accessories: ['rack'], tyreWidth: 40 },
    quantities: [1],
    buyer: { currency: 'USD' },
  },
  {
    product: 'SOFA',
    selection: {
      'seat.count': 2,
      extras: [],
      seatDepth: 60,
      fabric: 'linen-natural',
      legFinish: 'black-metal',
    },
    quantities: [1, 2],
  },
  {
    product: 'SOFA',
    selection: {
      'seat.count': 2,
      extras: [],
      seatDepth: 56,
      arms: 'none',
      'seat[1].seatType': 'standard',
      'seat[2].seatType': 'standard',
      'seat[1].firmness': 'medium',
      'seat[2].firmness': 'medium',
    },
    quantities: [1],
  },
];

describe('optimalCompletion against brute force on the sample catalogue', () => {
  for (const { product, selection, quantities, buyer = LIST, pricing: book = pricing } of cases)
    for (const quantity of quantities)
      it(`${product} ${JSON.stringify(selection)} × ${quantity} (${JSON.stringify(buyer)}${book === pricing ? '' : ', promotions'})`, () => {
        const compiled = compiledFor(product);
        const all = allCompletions(compiled, selection, 1500).map((c) => ({
          ...c,
          total: totalOf(compiled, c.selection, quantity, buyer, book),
          date: dateOf(compiled, c.selection, quantity),
          key: defaultsKey(compiled, c.solution),
        }));
        expect(all.length).toBeGreaterThan(50);
        const input = {
          compiled,
          selection,
          quantity,
          pricing: { pricing: book, ...buyer, date: DATE },
          availability: { snapshot, now: NOW },
        };

        // Cheapest: the minimum total, first in defaults order among equals.
        const cheapest = all.reduce((b, c) =>
          c.total.lt(b.total) || (c.total.eq(b.total) && lexLess(c.key, b.key)) ? c : b,
        );
        const gotCheapest = optimalCompletion({ ...input, objective: 'cheapest' });
        expect(gotCheapest.total).toBe(cheapest.total.toFixed(2));
        // The search space is not trivial: some configuration costs more.
        expect(all.some((c) => c.total.gt(cheapest.total))).toBe(true);
        expect(gotCheapest.selection).toEqual(cheapest.selection);
        expect(validate(compiled, gotCheapest.selection)).toEqual([]);

        // Fastest: the earliest date, then the lowest total, then defaults order.
        const fastest = all.reduce((b, c) =>
          c.date < b.date ||
          (c.date === b.date &&
            (c.total.lt(b.total) || (c.total.eq(b.total) && lexLess(c.key, b.key))))
            ? c
            : b,
        );
        const gotFastest = optimalCompletion({ ...input, objective: 'fastest' });
        expect(gotFastest.deliveryDate).toBe(fastest.date);
        expect(gotFastest.total).toBe(fastest.total.toFixed(2));
        expect(gotFastest.selection).toEqual(fastest.selection);
      });
});

/** Today's bugs (issue 14): the defaults came before the objective. */
describe('optimalCompletion on an empty selection', () => {
  const input = (product: string) => ({
    compiled: compiledFor(product),
    selection: {},
    quantity: 1,
    pricing: { pricing, currency: 'EUR', date: DATE },
    availability: { snapshot, now: NOW },
  });
  it.each([
    ['SOFA', 'arms', 'none'],
    ['DESK', 'width', 1000],
  ])('%s cheapest is cheaper than the defaults completion (%s = %s)', (product, id, value) => {
    const got = optimalCompletion({ ...input(product), objective: 'cheapest' });
    const defaults = complete(compiledFor(product), {});
    expect(got.selection[id]).toBe(value);
    expect(dec(got.total!).lt(totalOf(compiledFor(product), defaults, 1, LIST))).toBe(true);
  });
  it('DESK cheapest is €667.59 (the defaults give €772.31)', () => {
    expect(optimalCompletion({ ...input('DESK'), objective: 'cheapest' }).total).toBe('667.59');
    expect(
      totalOf(compiledFor('DESK'), complete(compiledFor('DESK'), {}), 1, LIST).toFixed(2),
    ).toBe('772.31');
  });
  it('BIKE fastest takes the aluminium frame, earlier than the default steel one', () => {
    const got = optimalCompletion({ ...input('BIKE'), objective: 'fastest' });
    expect(got.selection.frameMaterial).toBe('aluminium');
    const defaults = complete(compiledFor('BIKE'), {});
    expect(defaults.frameMaterial).toBe('steel');
    expect(got.deliveryDate! < dateOf(compiledFor('BIKE'), defaults, 1)).toBe(true);
  });
  it("keeps the buyer's choices, text included", () => {
    const got = optimalCompletion({
      ...input('DESK'),
      selection: { topMaterial: 'oak', engraving: 'Anna' },
      objective: 'cheapest',
    });
    expect(got.selection.topMaterial).toBe('oak');
    expect(got.selection.engraving).toBe('Anna');
  });
});

describe('optimalCompletion input errors', () => {
  const compiled = () => compiledFor('BIKE');
  const availability = { snapshot, now: NOW };
  it.each([
    ['cheapest without pricing', { objective: 'cheapest' as const, quantity: 1 }, '$.pricing'],
    [
      'fastest without availability',
      { objective: 'fastest' as const, quantity: 1 },
      '$.availability',
    ],
    ['quantity 0', { objective: 'fastest' as const, quantity: 0, availability }, '$.quantity'],
    ['quantity 1.5', { objective: 'fastest' as const, quantity: 1.5, availability }, '$.quantity'],
  ])('%s → %s', (_, extra, path) => {
    expect(() => optimalCompletion({ compiled: compiled(), selection: {}, ...extra })).toThrow(
      expect.objectContaining({ code: 'OBJECTIVE_INPUT_INVALID', path }),
    );
  });
  it('an inconsistent selection is UNSATISFIABLE', () => {
    expect(() =>
      optimalCompletion({
        compiled: compiled(),
        selection: {
          eAssist: true,
          frameMaterial: 'carbon',
          battery: 'range-extender',
          brakes: 'rim',
        },
        quantity: 1,
        objective: 'fastest',
        availability: { snapshot, now: NOW },
      }),
    ).toThrow(expect.objectContaining({ code: 'UNSATISFIABLE' }));
  });
});
