import { readFileSync } from 'node:fs';
import {
  parsePromiseRequest,
  parseSnapshot,
  promise,
  type PromiseRequestInput,
  type Snapshot,
  parseModel,
  type ProductModel,
} from '../../engine/index.ts';
import { distribution, timeCalls } from './timing.ts';

/**
 * One measured figure (milliseconds per call); the same shape as the bench registry's
 * `BenchFigure` (`suites.ts`), declared here so this suite stands alone.
 */
export interface BenchFigure {
  name: string;
  unit: 'ms';
  median: number;
  p95: number;
  runs: number;
  target: string;
  meets: boolean;
}

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

function measure(name: string, runs: number, targetMs: number, call: () => void): BenchFigure {
  const { median, p95 } = distribution(timeCalls(runs, Math.min(20, runs), call), 3);
  return {
    name,
    unit: 'ms',
    median,
    p95,
    runs,
    target: `≤ ${targetMs} ms median`,
    meets: median <= targetMs,
  };
}

interface Scenario {
  name: string;
  snapshot: Snapshot;
  models: ProductModel[];
  request: PromiseRequestInput;
}

function scenarios(root: string): Scenario[] {
  const desk = parseModel(read(`${root}/test/fixtures/leadtime/desk.model.json`));
  const out: Scenario[] = [
    {
      name: 'desk ×5 (oak top bought, make item, 2 routings)',
      snapshot: parseSnapshot(read(`${root}/test/fixtures/snapshots/berlin.json`), [desk]),
      models: [desk],
      request: parsePromiseRequest(read(`${root}/test/fixtures/leadtime/request.oak.json`)),
    },
  ];
  const dir = `${root}/public/catalogue`;
  try {
    const models = ['desk', 'bike', 'sofa'].map((m) => parseModel(read(`${dir}/${m}.json`)));
    out.push({
      name: 'catalogue order (desk, bike, sofa: 3 plants)',
      snapshot: parseSnapshot(read(`${dir}/availability.json`), models),
      models,
      request: parsePromiseRequest(read(`${dir}/requests/promise-mixed.json`)),
    });
  } catch {
    // The sample catalogue is optional: the fixture scenario alone still measures the engine.
  }
  return out;
}

/**
 * The `promise` benchmark suite: `promise()` on realistic products and snapshots, without extras
 * (the date, drivers and components) and with every extra (quantity curve, option swaps,
 * confidence). Targets (lead-time issue): ≤ 5 ms per promise, ≤ 50 ms with all suggestions.
 *
 * @example
 * run({ root: process.cwd() }) // [{ name: 'promise: desk ×5 … (core)', median: 0.2, p95: 0.4, … }, …]
 */
export function run(options: { root?: string; runs?: number } = {}): BenchFigure[] {
  const root = options.root ?? process.cwd();
  const runs = options.runs ?? 200;
  const figures: BenchFigure[] = [];
  for (const s of scenarios(root)) {
    const core = {
      ...s.request,
      options: { atpCurve: false, suggestions: false, confidence: false },
    };
    figures.push(
      measure(`promise: ${s.name} (core)`, runs, 5, () => {
        promise(core, { snapshot: s.snapshot, models: s.models });
      }),
    );
    figures.push(
      measure(`promise: ${s.name} (curve, swaps, confidence)`, Math.max(20, runs / 4), 50, () => {
        promise(s.request, { snapshot: s.snapshot, models: s.models });
      }),
    );
  }
  return figures;
}
