import type { ProductModel, Selection } from '../model/types.ts';
import { compile, type CompiledModel, type CompileOptions } from '../solver/compile.ts';
import { complete } from '../solver/complete.ts';
import { count } from '../solver/count.ts';
import { domains } from '../solver/domains.ts';
import { SolverError } from '../solver/SolverError.ts';
import type { Domains, Violation } from '../solver/types.ts';
import { validate } from '../solver/validate.ts';
import { encodeModel, type SatEncoding } from './encodeModel.ts';
import { satComplete } from './satComplete.ts';
import { satDomains } from './satDomains.ts';

/**
 * The exact engine of one model, whichever back end answers: `diagram` (the compiled decision
 * diagram) or `sat` (the SAT fallback, used when the diagram does not compile within limits).
 * Both give the same answers; `count` needs the diagram and is `undefined` on `sat`.
 */
export interface ConfiguratorEngine {
  kind: 'diagram' | 'sat';
  model: ProductModel;
  /** The compiled diagram (`diagram` only). */
  compiled: CompiledModel | undefined;
  domains(selection: Selection): Domains;
  complete(selection: Selection): Selection;
  validate(selection: Selection): Violation[];
  /** Valid configurations extending the selection (`diagram` only). */
  count: ((selection: Selection) => bigint) | undefined;
}

/**
 * Never refuses a model: compiles it to a decision diagram, and when that stops with
 * `COMPILE_LIMIT` answers through the SAT fallback (`encodeModel`) instead. Other errors pass.
 *
 * @example
 * const engine = createConfiguratorEngine(parseModel(json));
 * engine.kind; // 'diagram' (or 'sat' for a model past the node limit)
 * engine.domains({ frame: 'steel' });
 */
export function createConfiguratorEngine(
  model: ProductModel,
  options: CompileOptions = {},
): ConfiguratorEngine {
  let compiled: CompiledModel;
  try {
    compiled = compile(model, options);
  } catch (error) {
    if (!(error instanceof SolverError) || error.code !== 'COMPILE_LIMIT') throw error;
    return satEngine(encodeModel(model));
  }
  return {
    kind: 'diagram',
    model,
    compiled,
    domains: (selection) => domains(compiled, selection),
    complete: (selection) => complete(compiled, selection),
    validate: (selection) => validate(compiled, selection),
    count: (selection) => count(compiled, selection),
  };
}

function satEngine(enc: SatEncoding): ConfiguratorEngine {
  return {
    kind: 'sat',
    model: enc.model,
    compiled: undefined,
    domains: (selection) => satDomains(enc, selection),
    complete: (selection) => satComplete(enc, selection),
    validate: (selection) => validate(enc.model, selection),
    count: undefined,
  };
}
