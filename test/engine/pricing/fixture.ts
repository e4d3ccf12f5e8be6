import { readFileSync } from 'node:fs';
import { parseModel } from '../../../src/engine/model/parseModel.ts';
import type { ProductModel } from '../../../src/engine/model/types.ts';
import { parsePricing } from '../../../src/engine/pricing/parsePricing.ts';
import type { Pricing } from '../../../src/engine/pricing/schema.ts';

/** Reads a JSON file of test/fixtures/pricing. */
export function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/pricing/${name}`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}

/** The desk and chair models of the pricing fixture. */
export const models: ProductModel[] = [
  parseModel(readFixture('desk.model.json')),
  parseModel(readFixture('chair.model.json')),
];

/** The raw pricing fixture (a fresh deep copy each call, to edit). */
export function pricingJson(): Record<string, any> {
  return structuredClone(readFixture('pricing.json'));
}

/** The parsed pricing fixture, optionally edited first. */
export function pricingWith(edit?: (p: Record<string, any>) => void): Pricing {
  const json = pricingJson();
  edit?.(json);
  return parsePricing(json, models);
}
