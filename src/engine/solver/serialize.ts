import type { ProductModel } from '../model/types.ts';
import { assemble, type CompiledModel } from './compile.ts';
import { constraintSources } from './constraintDiagrams.ts';
import { layLevels, solverAttributes } from './encoding.ts';
import { Mdd, TRUE } from './mdd.ts';
import { modelHash } from '../orders/contentHash.ts';
import { jsonDigest } from '../json/jsonDigest.ts';
import { SolverError } from './SolverError.ts';

/** The version of the compiled-file format that `serializeCompiled` writes. */
export const COMPILED_FORMAT_VERSION = 4;

/**
 * The JSON form of a compiled model: the attribute order, the diagram as flat node arrays
 * (`level[i]` and the children of node i at `kids[offset…]`, nodes 0 and 1 being FALSE and TRUE
 * and left out; only nodes reachable from the roots, children first), the root and one root per
 * constraint. Version 2 may carry the model document it was made from (`document`), so a compiled
 * file stands on its own (`madeto domains x.compiled.json`); version 3 adds the model's content
 * hash (`modelHash`), so a file made for other content under the same version is refused;
 * version 4 carries a fast digest of the same content instead (`modelDigest`, `jsonDigest` of the
 * model document: tens of milliseconds to check on BR4CP big where the SHA-256 of its canonical
 * JSON took about a second, most of a worker's load). `deserializeCompiled` checks the model it is
 * given (id, version, digest or hash, and constraints). Versions 1 (no document), 2 (no hash)
 * and 3 (SHA-256 `modelHash`, checked as before) still load. `encodeCompiled` writes the same
 * data as bytes (`compiledBinary.ts`).
 */
export interface SerializedCompiled {
  format: 'madeto-compiled';
  version: 1 | 2 | 3 | 4;
  modelId: string;
  modelVersion: string;
  /** `modelHash(model)`: the SHA-256 content hash of the model document (version 3). */
  modelHash?: string;
  /** `jsonDigest(model.document)`: the fast digest of the model document (version 4). */
  modelDigest?: string;
  /** Solver attribute ids in diagram order. */
  order: string[];
  /** Level of each node from id 2 on. */
  level: number[];
  /** Children of every node from id 2 on, concatenated. */
  kids: number[];
  root: number;
  constraints: { id: string; root: number }[];
  /** The model document the file was compiled from (version 2, optional). */
  document?: unknown;
}

/**
 * Whether a parsed JSON value is a compiled file (by its `format`), as opposed to a model.
 *
 * @example
 * isCompiledFile(JSON.parse(text)) ? deserializeCompiled(…) : compile(parseModel(…));
 */
export function isCompiledFile(json: unknown): json is SerializedCompiled {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { format?: unknown }).format === 'madeto-compiled'
  );
}

/**
 * The compiled model as a compact JSON-safe object (for `madeto compile`, so a page can load a
 * large model precompiled).
 *
 * @example
 * const text = JSON.stringify(serializeCompiled(compile(model)));
 * const again = deserializeCompiled(JSON.parse(text), model);
 */
export function serializeCompiled(c: CompiledModel, document?: unknown): SerializedCompiled {
  const order: string[] = [];
  for (const level of c.levels) {
    const id = c.attributes[level.attribute]!.id;
    if (order[order.length - 1] !== id) order.push(id);
  }
  const roots = [c.root, ...c.constraints.map((k) => k.root)];
  const { level, kids, ids } = nodeList(c.mdd, roots);
  return {
    format: 'madeto-compiled',
    version: COMPILED_FORMAT_VERSION,
    modelId: c.model.id,
    modelVersion: c.model.version,
    modelDigest: modelDigest(c.model),
    order,
    level: Array.from(level),
    kids: Array.from(kids),
    root: ids[0]!,
    constraints: c.constraints.map((k, i) => ({ id: k.id, root: ids[i + 1]! })),
    ...(document === undefined ? {} : { document }),
  };
}

/**
 * The nodes reachable from `roots` through the diagram's public node list (`nodeCount`, `level`,
 * `sizes`, `kid`), renumbered from 2 in id order (children first), with the roots' new ids: what
 * a compiled file stores, whatever else the store holds.
 */
export function nodeList(
  mdd: Mdd,
  roots: readonly number[],
): { level: Int32Array; kids: Int32Array; ids: number[] } {
  const top = Math.max(TRUE, ...roots);
  const mark = new Uint8Array(top + 1);
  for (const r of roots) mark[r] = 1;
  let nodes = 0;
  let slots = 0;
  for (let u = top; u > TRUE; u--) {
    if (mark[u] === 0) continue;
    const size = mdd.sizes[mdd.level[u]!]!;
    nodes++;
    slots += size;
    for (let i = 0; i < size; i++) mark[mdd.kid(u, i)] = 1;
  }
  const map = new Int32Array(top + 1);
  map[TRUE] = TRUE;
  const level = new Int32Array(nodes);
  const kids = new Int32Array(slots);
  let n = 0;
  let k = 0;
  for (let u = 2; u <= top; u++) {
    if (mark[u] === 0) continue;
    const l = mdd.level[u]!;
    const size = mdd.sizes[l]!;
    level[n] = l;
    for (let i = 0; i < size; i++) kids[k++] = map[mdd.kid(u, i)]!;
    map[u] = 2 + n++;
  }
  return { level, kids, ids: roots.map((r) => map[r]!) };
}

const modelDigests = new WeakMap<ProductModel, string>();

/** `jsonDigest` of the model's document, cached per model object. */
function modelDigest(model: ProductModel): string {
  let digest = modelDigests.get(model);
  if (digest === undefined) {
    digest = jsonDigest(model.document);
    modelDigests.set(model, digest);
  }
  return digest;
}

function bad(path: string, message: string): never {
  throw new SolverError('BAD_COMPILED', message, path);
}

function intArray(value: unknown, path: string): ArrayLike<number> {
  if (value instanceof Int32Array) return value;
  if (!Array.isArray(value) || !value.every((x) => Number.isInteger(x) && x >= 0))
    bad(path, 'expected an array of non-negative integers');
  return value as number[];
}

/**
 * Loads a compiled model written by `serializeCompiled` for `model` (the same id, version and
 * constraints). Throws a `SolverError` with code `BAD_COMPILED` and the JSON path of the first
 * problem when the data is damaged or belongs to another model.
 *
 * @example
 * const compiled = deserializeCompiled(await (await fetch(url)).json(), model);
 */
export function deserializeCompiled(json: unknown, model: ProductModel): CompiledModel {
  if (typeof json !== 'object' || json === null) bad('$', 'expected a compiled model object');
  const j = json as Partial<SerializedCompiled>;
  if (j.format !== 'madeto-compiled')
    bad('$.format', 'not a madeto compiled model (format "madeto-compiled")');
  if (
    j.version !== 1 &&
    j.version !== 2 &&
    j.version !== 3 &&
    j.version !== COMPILED_FORMAT_VERSION
  )
    bad(
      '$.version',
      `compiled-file version ${JSON.stringify(j.version)} is not supported (this madeto reads 1 to ${COMPILED_FORMAT_VERSION}): compile the model again`,
    );
  if (j.modelId !== model.id || j.modelVersion !== model.version)
    bad(
      '$.modelId',
      `compiled for ${String(j.modelId)}@${String(j.modelVersion)}, not ${model.id}@${model.version}: compile the model again (madeto compile)`,
    );
  const changed = `compiled from other content of ${model.id}@${model.version} (the model changed without a new version): compile the model again (madeto compile)`;
  if (j.version === 4 && typeof j.modelDigest !== 'string')
    bad('$.modelDigest', 'expected the digest of the model the file was compiled from');
  if (j.modelDigest !== undefined) {
    if (j.modelDigest !== modelDigest(model)) bad('$.modelDigest', changed);
  } else if (j.modelHash !== undefined && j.modelHash !== modelHash(model))
    bad('$.modelHash', changed);
  const attributes = solverAttributes(model);
  const index = new Map(attributes.map((a, i) => [a.id, i] as const));
  const order = (Array.isArray(j.order) ? j.order : []).map((id, i) => {
    const found = typeof id === 'string' ? index.get(id) : undefined;
    return found ?? bad(`$.order[${i}]`, `unknown attribute ${JSON.stringify(id)}`);
  });
  if (new Set(order).size !== attributes.length)
    bad('$.order', `expected each of the ${attributes.length} solver attributes once`);
  const levels = layLevels(attributes, order);
  const mdd = new Mdd(levels.map((l) => l.size));
  const level = intArray(j.level, '$.level');
  const kids = intArray(j.kids, '$.kids');
  let offset = 0;
  const children: number[] = [];
  for (let n = 0; n < level.length; n++) {
    const id = n + 2;
    const l = level[n]!;
    const size = mdd.sizes[l] ?? bad(`$.level[${n}]`, `level ${l} out of range`);
    if (offset + size > kids.length) bad(`$.kids`, `node ${id} has bad children`);
    children.length = size;
    for (let i = 0; i < size; i++) {
      const k = kids[offset + i]!;
      if (k < 0 || k >= id || mdd.level[k]! <= l) bad(`$.kids`, `node ${id} has bad children`);
      children[i] = k;
    }
    offset += size;
    if (mdd.mk(l, children) !== id) bad(`$.level[${n}]`, `node ${id} is a duplicate`);
  }
  const nodeCount = mdd.nodeCount;
  const rootOf = (r: unknown, path: string): number =>
    Number.isInteger(r) && (r as number) >= 0 && (r as number) < nodeCount
      ? (r as number)
      : bad(path, `not a node id below ${nodeCount}`);
  const sources = constraintSources(model, attributes);
  const stored = Array.isArray(j.constraints) ? j.constraints : [];
  if (stored.length !== sources.length)
    bad('$.constraints', `expected ${sources.length} constraints, found ${stored.length}`);
  const constraints = sources.map((s, i) => {
    if (stored[i]?.id !== s.id) bad(`$.constraints[${i}].id`, `expected constraint '${s.id}'`);
    return {
      id: s.id,
      message: s.message,
      attributes: s.attributes,
      root: rootOf(stored[i]?.root, `$.constraints[${i}].root`),
    };
  });
  return assemble(model, attributes, levels, mdd, rootOf(j.root, '$.root'), constraints);
}
