import { describe, expect, it } from 'vitest';
import { checkQuantity, quantityLimits } from '../../src/core/index.ts';
import { ModelError, parseModel } from '../../src/engine/index.ts';
import deskJson from '../../public/catalogue/desk.json';

const withQuantity = (quantity: unknown) => ({ ...structuredClone(deskJson), quantity });

describe('quantity limits from the model', () => {
  it.each<[unknown, { min: number; max: number; step: number }]>([
    [undefined, { min: 1, max: 9999, step: 1 }],
    [{ max: 50 }, { min: 1, max: 50, step: 1 }],
    [
      { min: 2, max: 20, step: 2 },
      { min: 2, max: 20, step: 2 },
    ],
  ])('%j', (quantity, limits) => {
    const json = quantity === undefined ? deskJson : withQuantity(quantity);
    expect(quantityLimits(parseModel(json))).toEqual(limits);
  });

  it.each([{ min: 5, max: 2 }, { min: 0 }, { step: 1.5 }, { max: 2, extra: 1 }])(
    'refuses %j, naming $.quantity',
    (quantity) => {
      let error: unknown;
      try {
        parseModel(withQuantity(quantity));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).issues.some((i) => i.path.startsWith('$.quantity'))).toBe(true);
    },
  );
});

describe('checkQuantity', () => {
  const limits = { min: 2, max: 20, step: 2 };
  it.each<[string | number, string]>([
    ['4', 'ok'],
    [' 20 ', 'ok'],
    ['3', 'off-step'],
    ['1', 'below-min'],
    ['22', 'above-max'],
    ['2.5', 'not-whole'],
    ['1e3', 'above-max'],
    ['four', 'not-a-number'],
    ['', 'not-a-number'],
    [Number.NaN, 'not-a-number'],
  ])('%j → %s', (input, expected) => {
    const check = checkQuantity(input, limits);
    expect(check.state === 'ok' ? 'ok' : check.problem).toBe(expected);
  });
});
