import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import {
  type Attribute,
  type CompiledModel,
  type ProductModel,
  type Selection,
  type SelectionValue,
  compile,
  type ConfiguratorEngine,
  createConfiguratorEngine,
  decodeCompiled,
  deserializeCompiled,
  diagramEngine,
  isCompiledBinary,
  isCompiledFile,
  isOnStep,
  parseModel,
  SolverError,
} from '../engine/index.ts';
import { single, type ParsedArgs } from './args.ts';
import { CliError, EXIT } from './CliError.ts';
import { formatOf, importFile } from './importFile.ts';
import { readJson } from './readJson.ts';

/** A model ready for solver queries: compiled on first use, or loaded from a compiled file. */
export interface SolverInput {
  model: ProductModel;
  compiled: () => CompiledModel;
  /**
   * The engine answering queries, made on first use: the diagram, or the SAT fallback when the
   * model passes `maxNodes` (`createConfiguratorEngine`).
   */
  engine: (maxNodes?: number) => ConfiguratorEngine;
}

/**
 * The common start of a query command on a model and `--select a=v ...`: the model, the selection
 * checked against it, and the engine that answers (the diagram or, past `--max-nodes`, the SAT
 * fallback), whose path is noted on stderr.
 */
export function selectionQuery(parsed: ParsedArgs, usage: string, stderr: (text: string) => void) {
  const { model, engine } = loadSolverInput(parsed.positionals[0], usage, single(parsed, 'model'));
  const selection = parseSelections(model, parsed.options.get('select') ?? []);
  const answering = engine(maxNodesOption(single(parsed, 'max-nodes')));
  stderr(pathNote(answering));
  return { model, selection, answering };
}

/** What a command prints on stderr about the path that answered. */
export function pathNote(engine: ConfiguratorEngine): string {
  return engine.kind === 'diagram'
    ? 'answered by the decision diagram'
    : "answered by the SAT fallback (the model passes the decision diagram's node limit)";
}

/**
 * Reads a model file (JSON, or XCSP `.xml` / DIMACS `.dimacs` imported on the fly) or a compiled
 * file (detected by its `format`, or binary and possibly gzipped by its bytes, as `madeto compile`
 * writes it). A compiled file carries its model document; `modelFile` (`--model`) gives the model for
 * an older compiled file without one, and when both are there the compiled file must have been
 * made for that model's id and version (else a clear `BAD_COMPILED` error, exit 1).
 *
 * @example
 * const { model, compiled } = loadSolverInput('desk.compiled.json', USAGE);
 */
export function loadSolverInput(
  file: string | undefined,
  usage: string,
  modelFile?: string,
): SolverInput {
  if (!file) throw new CliError(`missing the model file: ${usage}`, EXIT.usage);
  const format = formatOf(file);
  const json = format ? importFile(file, format) : (readCompiledBinary(file) ?? readJson(file));
  if (!isCompiledFile(json)) {
    const model = parseModel(json);
    let made: CompiledModel | undefined;
    let engine: ConfiguratorEngine | undefined;
    return {
      model,
      compiled: () => (made ??= solverCall(() => compile(model))),
      engine: (maxNodes) =>
        (engine ??= solverCall(() =>
          createConfiguratorEngine(model, maxNodes === undefined ? {} : { maxNodes }),
        )),
    };
  }
  const document = modelFile !== undefined ? readJson(modelFile) : json.document;
  if (document === undefined)
    throw new CliError(
      `${file}: this compiled file has no model inside (made by an older madeto compile): pass --model <model.json> or compile again`,
      EXIT.usage,
    );
  const model = parseModel(document);
  const compiled = solverCall(() => deserializeCompiled(json, model));
  return { model, compiled: () => compiled, engine: () => diagramEngine(compiled) };
}

/**
 * A binary compiled file (`madeto compile --binary`, gzipped or not, detected by its bytes) read
 * into its JSON form; undefined for any other file.
 */
function readCompiledBinary(file: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // readJson names the problem
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new CliError(`${file}: not a readable gzip file (${(error as Error).message})`);
    }
  }
  return isCompiledBinary(bytes) ? solverCall(() => decodeCompiled(bytes)) : undefined;
}

/** Reads and parses a model file (a `ModelError` is reported by `main` with exit 1). */
export function loadModel(file: string | undefined, usage: string): ProductModel {
  if (!file) throw new CliError(`missing the model file: ${usage}`, EXIT.usage);
  return parseModel(readJson(file));
}

function attributeOf(model: ProductModel, id: string, option: string): Attribute {
  const attr = model.attributes.find((a) => a.id === id);
  if (attr) return attr;
  throw new CliError(
    `${option}: unknown attribute '${id}' (attributes: ${model.attributes.map((a) => a.id).join(', ')})`,
  );
}

function valuesText(attr: Attribute): string {
  switch (attr.type) {
    case 'choice':
    case 'multi':
      return attr.values.map((v) => v.id).join(', ');
    case 'number':
      return `${attr.min}..${attr.max} by ${attr.step}`;
    case 'boolean':
      return 'true, false';
    case 'text':
      return 'any text';
    default:
      return attr satisfies never;
  }
}

function badValue(attr: Attribute, value: string, option: string): never {
  throw new CliError(
    `${option}: unknown value '${value}' for attribute '${attr.id}' (values: ${valuesText(attr)})`,
  );
}

/** One value of `attr` written on the command line, checked against the model. */
function parseValue(attr: Attribute, text: string, option: string): SelectionValue {
  switch (attr.type) {
    case 'choice':
      if (!attr.values.some((v) => v.id === text)) badValue(attr, text, option);
      return text;
    case 'multi': {
      const ids = text === '' ? [] : text.split(',').map((s) => s.trim());
      for (const id of ids) if (!attr.values.some((v) => v.id === id)) badValue(attr, id, option);
      return ids;
    }
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n) || !isOnStep(n, attr.min, attr.max, attr.step))
        badValue(attr, text, option);
      return n;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') badValue(attr, text, option);
      return text === 'true';
    case 'text':
      return text;
    default:
      return attr satisfies never;
  }
}

function split(item: string, option: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new CliError(`${option} takes attribute=value, not '${item}'`, EXIT.usage);
  return [item.slice(0, eq), item.slice(eq + 1)];
}

/**
 * The selection given by `--select` options: `a=v`, `a=v1,v2` for a multi, `a=1200` for a number,
 * `a=true` for a boolean. An unknown attribute or value is a CliError (exit 1) naming it and
 * listing the valid ones.
 *
 * @example
 * parseSelections(model, ['frame=steel', 'accessories=rack,lamp']);
 * // { frame: 'steel', accessories: ['rack', 'lamp'] }
 */
export function parseSelections(model: ProductModel, items: readonly string[]): Selection {
  const out: Record<string, SelectionValue> = {};
  for (const item of items) {
    const [id, text] = split(item, '--select');
    const attr = attributeOf(model, id, '--select');
    out[id] = parseValue(attr, text, '--select');
  }
  return out;
}

/**
 * One `attribute=value` naming a single value (as for `--why`), checked against the model; the
 * value is returned as its `Domains` key (`'1200'`, `'true'`).
 */
export function parseValueRef(
  model: ProductModel,
  item: string,
  option: string,
): { attribute: string; value: string } {
  const [id, text] = split(item, option);
  const attr = attributeOf(model, id, option);
  if (attr.type === 'text')
    throw new CliError(`${option}: '${id}' is free text, outside the constraint solver`);
  if (attr.type === 'multi') {
    const value = parseValue(attr, text, option) as string[];
    if (value.length !== 1)
      throw new CliError(`${option}: name one value of multi attribute '${id}'`, EXIT.usage);
    return { attribute: id, value: value[0]! };
  }
  return { attribute: id, value: String(parseValue(attr, text, option)) };
}

/** Runs a solver call, turning a `SolverError` into a CliError (exit 1) with its message. */
export function solverCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof SolverError) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/**
 * The `--max-nodes N` option of the query commands: the diagram's node limit before the SAT
 * fallback answers (undefined: the engine's default).
 */
export function maxNodesOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`--max-nodes must be a positive integer, not '${text}'`, EXIT.usage);
  return n;
}
