import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseModel } from '../src/engine/model/parseModel.ts';
import type { ModelDocument } from '../src/engine/model/schema.ts';
import type { ProductModel } from '../src/engine/model/types.ts';

/**
 * The sample catalogue in public/catalogue as the tests read it: the index and every file it
 * names, read from disk (the site serves public/ at "/").
 */

const publicDir = new URL('../public/', import.meta.url);
const repoRoot = new URL('../', import.meta.url);

/** A site path such as "/catalogue/desk.json" as a file URL under public/. */
export function sitePath(path: string): URL {
  return new URL(path.replace(/^\//, ''), publicDir);
}

function readJson(path: string): any {
  return JSON.parse(readFileSync(sitePath(path), 'utf8'));
}

/** One product of `public/catalogue/index.json`. */
export interface IndexEntry {
  id: string;
  name: string;
  description: string;
  model: string;
  image: string;
}

/** The catalogue index. */
export const index = readJson('/catalogue/index.json') as {
  products: IndexEntry[];
  pricing: string;
  availability: string;
};

/** The product ids, in index order. */
export const products = index.products.map((p) => p.id);

/** Each product's model document as authored (JSON, no defaults applied). */
export const documents = new Map<string, ModelDocument>(
  index.products.map((p) => [p.id, readJson(p.model) as ModelDocument]),
);

/** The pricing file and the availability snapshot as JSON. */
export const pricingJson = readJson(index.pricing);
export const snapshotJson = readJson(index.availability);

/** A product's parsed model (throws a `ModelError` for an invalid one). */
export function modelOf(id: string): ProductModel {
  return parseModel(documents.get(id));
}

/** Whether an engine module exists in the tree yet (its checks are skipped until it does). */
export function exists(path: string): boolean {
  return existsSync(fileURLToPath(new URL(path, repoRoot)));
}

/** Loads an engine module by its path in the repository, e.g. "src/engine/pricing/price.ts". */
export async function engineModule(path: string): Promise<Record<string, any>> {
  const file = fileURLToPath(new URL(path, repoRoot));
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, any>;
}
