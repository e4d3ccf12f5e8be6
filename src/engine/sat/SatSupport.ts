import { negate } from './CdclSolver.ts';
import { modelValues, type SatEncoding } from './encodeModel.ts';
import { assumptionsOf } from './satSelection.ts';

/** Models kept between calls. */
const KEPT_MODELS = 64;
/** Earlier selections whose unsupported values are kept between calls. */
const KEPT_IMPLICATIONS = 16;

interface Implication {
  fixed: Int32Array;
  /** `level * stride + index` of values found unsupported under `fixed`. */
  unsupported: number[];
}

/**
 * Valid domains by satisfiability under assumptions, kept between calls for one encoding.
 * `(l, j)` is supported under fixed levels S when S without level `l`, plus `l = j`, is
 * satisfiable. Each model found marks at once every value it supports: all its values when it
 * agrees with S, its own value at `l` when it differs from S only there. The last models are kept
 * and tried first on the next selection (a click usually changes one level), and values found
 * unsupported stay so under any later selection that fixes at least the same other levels
 * (backbone-style filtering: a value is only tested by the solver when no kept model and no kept
 * implication decides it).
 *
 * @example
 * const support = supportFor(enc);
 * support.under(selectionLevels(enc, { frame: 'steel' }))[level][index]; // 1: available
 */
export class SatSupport {
  private models: Int32Array[] = [];
  private implications: Implication[] = [];
  private base: Uint8Array[] | undefined;
  private readonly stride: number;
  /** Solver calls made (for benchmarks). */
  solverCalls = 0;

  constructor(private readonly enc: SatEncoding) {
    this.stride = Math.max(1, ...enc.levels.map((l) => l.size));
  }

  /** Per level and value index: 1 when some valid configuration takes it (no selection). */
  baseSupport(): Uint8Array[] {
    this.base ??= this.under(new Int32Array(this.enc.levels.length).fill(-1));
    return this.base;
  }

  /** Per level and value index: 1 when supported under the fixed levels (see the class). */
  under(fixed: Int32Array): Uint8Array[] {
    const { enc, stride } = this;
    const supported = enc.levels.map((l) => new Uint8Array(l.size));
    const known = enc.levels.map((l) => new Uint8Array(l.size));
    const mark = (values: Int32Array): void => {
      let differs = -1;
      for (let l = 0; l < fixed.length; l++)
        if (fixed[l]! >= 0 && values[l] !== fixed[l]) {
          if (differs >= 0) return;
          differs = l;
        }
      if (differs >= 0) {
        supported[differs]![values[differs]!] = 1;
        known[differs]![values[differs]!] = 1;
      } else
        for (let l = 0; l < values.length; l++) {
          supported[l]![values[l]!] = 1;
          known[l]![values[l]!] = 1;
        }
    };
    for (const m of this.models) mark(m);
    for (const imp of this.implications) {
      let differs = -1;
      let apart = false;
      for (let l = 0; l < fixed.length && !apart; l++)
        if (imp.fixed[l]! >= 0 && fixed[l] !== imp.fixed[l]) {
          if (differs >= 0) apart = true;
          differs = l;
        }
      if (apart) continue;
      for (const key of imp.unsupported) {
        const l = Math.floor(key / stride);
        if (differs < 0 || l === differs) known[l]![key % stride] = 1;
      }
    }
    const base = this.base;
    // backbone by propagation: a value whose literal the selection's propagation makes false is
    // unsupported (for a level the selection leaves open, S without it is S itself)
    const implied = enc.solver.implied(assumptionsOf(enc, fixed));
    if (implied)
      for (let l = 0; l < fixed.length; l++)
        if (fixed[l]! < 0)
          enc.literals[l]!.forEach((x, j) => {
            if (implied.has(negate(x))) known[l]![j] = 1;
          });
    // phase hints: the next model should take values nobody has decided yet
    const hint = (): void => {
      for (let l = 0; l < fixed.length; l++)
        for (let j = 0; j < known[l]!.length; j++)
          if (!known[l]![j]) enc.solver.preferLit(enc.literals[l]![j]!);
    };
    const selected = assumptionsOf(enc, fixed);
    const check = (l: number, j: number): void => {
      if (known[l]![j]) return;
      known[l]![j] = 1;
      if (base && !base[l]![j]) return;
      const others = fixed[l]! >= 0 ? assumptionsOf(enc, fixed, l) : selected;
      const assumptions = [enc.literals[l]![j]!, ...others];
      // propagation over the last model answers many values without a search (the selection
      // first: the solver keeps it propagated from one value to the next)
      const quick = enc.solver.quickSolve([...others, enc.literals[l]![j]!]);
      if (quick === 'sat') this.keep(mark);
      if (quick !== undefined) return;
      hint();
      this.solverCalls++;
      const answer = enc.solver.solve(assumptions);
      if (answer === 'sat') this.keep(mark);
    };
    this.solverCalls++;
    hint();
    if (enc.solver.solve(assumptionsOf(enc, fixed)) === 'sat') this.keep(mark);
    for (let l = 0; l < fixed.length; l++)
      for (let j = 0; j < enc.levels[l]!.size; j++) check(l, j);
    const unsupported: number[] = [];
    supported.forEach((row, l) => row.forEach((v, j) => v || unsupported.push(l * stride + j)));
    this.implications.unshift({ fixed, unsupported });
    this.implications.length = Math.min(this.implications.length, KEPT_IMPLICATIONS);
    return supported;
  }

  private keep(mark: (values: Int32Array) => void): void {
    const values = modelValues(this.enc);
    mark(values);
    this.models.unshift(values);
    this.models.length = Math.min(this.models.length, KEPT_MODELS);
  }
}

const cache = new WeakMap<SatEncoding, SatSupport>();

/** The `SatSupport` kept for an encoding (made on first use). */
export function supportFor(enc: SatEncoding): SatSupport {
  let found = cache.get(enc);
  if (!found) cache.set(enc, (found = new SatSupport(enc)));
  return found;
}
