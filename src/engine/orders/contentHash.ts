import type { ProductModel } from '../model/types.ts';
import { sha256Hex } from './sha256.ts';

/**
 * JSON with object keys sorted at every level and no whitespace, so the same data always gives the
 * same text (and hash) whatever order its keys were written in. `undefined` members are dropped as
 * `JSON.stringify` does.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, { d: 'x', c: null }] }) // '{"a":[true,{"c":null,"d":"x"}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The content hash of any JSON value: `sha256:` and the SHA-256 of its canonical JSON.
 *
 * @example
 * contentHash({}) // 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
 */
export function contentHash(value: unknown): string {
  return `sha256:${sha256Hex(canonicalJson(value))}`;
}

const modelHashes = new WeakMap<ProductModel, string>();

/**
 * The content hash of a product model: the hash of its document (as parsed, defaults applied).
 * An order carries it so the server can tell that the buyer configured the model it knows.
 * Cached per model object.
 *
 * @example
 * modelHash(parseModel(deskJson)) // 'sha256:5f1c…'
 */
export function modelHash(model: ProductModel): string {
  let hash = modelHashes.get(model);
  if (hash === undefined) {
    hash = contentHash(model.document);
    modelHashes.set(model, hash);
  }
  return hash;
}
