import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseModel,
  type ProductModel,
  parseSnapshot,
  type Snapshot,
  parsePricing,
  type Pricing,
} from '../engine/index.ts';

/** The catalogue a server serves and verifies against: parsed, and as the JSON it sends. */
export interface Catalogue {
  index: unknown;
  models: ProductModel[];
  /** The model documents as files, by product id. */
  modelJson: ReadonlyMap<string, unknown>;
  pricing: Pricing;
  pricingJson: unknown;
  snapshot?: Snapshot;
  snapshotJson?: unknown;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw Object.assign(new Error(`${file}: ${(error as Error).message}`), {
      code: 'CATALOGUE_UNREADABLE',
    });
  }
}

/**
 * Loads a catalogue directory laid out like `public/catalogue`: `index.json` naming each product's
 * model file (a site path whose file name is looked up in `dir`), `pricing.json`, and
 * `availability.json` when present. Throws (code `CATALOGUE_UNREADABLE`, or the engine's
 * `MODEL_INVALID` / `PRICING_INVALID`) naming the file.
 *
 * @example
 * loadCatalogue('public/catalogue').models.map((m) => m.id) // ['DESK', 'BIKE', 'SOFA']
 */
export function loadCatalogue(dir: string): Catalogue {
  const index = readJson(join(dir, 'index.json')) as {
    products?: { model?: string }[];
    pricing?: string;
    availability?: string;
  };
  const base = (p: string | undefined, fallback: string) =>
    join(dir, (p ?? fallback).split('/').pop()!);
  const modelJson = new Map<string, unknown>();
  const models = (index.products ?? []).map((p, i) => {
    if (!p.model)
      throw Object.assign(
        new Error(`${join(dir, 'index.json')}: $.products[${i}].model is missing`),
        {
          code: 'CATALOGUE_UNREADABLE',
        },
      );
    const json = readJson(base(p.model, ''));
    const model = parseModel(json);
    modelJson.set(model.id, json);
    return model;
  });
  const pricingJson = readJson(base(index.pricing, 'pricing.json'));
  const pricing = parsePricing(pricingJson, models);
  let snapshotJson: unknown;
  try {
    snapshotJson = readJson(base(index.availability, 'availability.json'));
  } catch {
    snapshotJson = undefined; // availability is optional: orders are still verified and stored
  }
  return {
    index,
    models,
    modelJson,
    pricing,
    pricingJson,
    ...(snapshotJson !== undefined && {
      snapshot: parseSnapshot(snapshotJson, models),
      snapshotJson,
    }),
  };
}
