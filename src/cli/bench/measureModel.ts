import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type ProductModel,
  type Selection,
  compile,
  compileReordered,
  type CompiledModel,
  count,
  domains,
  SolverError,
} from '../../engine/index.ts';
import { SatPeer } from './peer.ts';
import type { BenchFigure } from './suites.ts';
import { distribution } from './timing.ts';

/** Limits of one model's benchmark, so `npm run bench` ends in minutes. */
export interface ModelBenchOptions {
  maxNodes?: number;
  /** Clicks answered by the peer (each costs one SAT call per value). */
  peerClicks?: number;
  /** Wall-clock budget of the peer, in milliseconds. */
  peerBudgetMs?: number;
  /** Per click: whether it chose or took back a value (absent: all choose). */
  kinds?: readonly ('choose' | 'unchoose')[];
}

/** Targets of the constraint-engine issue. */
export const TARGETS = { clickMs: 1, clickP95Ms: 5, speedUp: 100, compileMs: 10_000 } as const;

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** A garbage collection on demand, so heap figures are not noise (undefined if unavailable). */
function collector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/**
 * Compiles a model (within `maxNodes`, else the engine's default limits) and measures the time,
 * the size and the heap it takes. With `reorder`, a model every static order fails is tried with
 * dynamic reordering (`compileReordered`) before the SAT fallback.
 */
export function measureCompile(
  name: string,
  model: ProductModel,
  maxNodes?: number,
  /** Try the compile with sifting and atomic sets (`compileReordered`) when the static orders fail. */
  reorder = false,
): { compiled?: CompiledModel; figures: BenchFigure[] } {
  const gc = collector();
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  try {
    const compiled = compile(model, {
      ...(maxNodes === undefined ? {} : { maxNodes }),
      ...(reorder ? { reorder: compileReordered } : {}),
    });
    const ms = performance.now() - t0;
    gc?.();
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    return {
      compiled,
      figures: [
        {
          name: `${name}: compile`,
          unit: 'ms',
          value: round(ms, 1),
          target: `≤ ${TARGETS.compileMs} ms`,
          meets: ms <= TARGETS.compileMs,
        },
        {
          name: `${name}: diagram nodes`,
          unit: 'nodes',
          value: compiled.nodes.length,
          note: 'answered by the diagram',
        },
        {
          name: `${name}: peak memory`,
          unit: 'MB',
          value: round(process.resourceUsage().maxRSS / 1024, 0),
          note: 'resident high-water mark of the bench process so far (models run in size order)',
        },
        {
          name: `${name}: heap after compile`,
          unit: 'MB',
          value: round(heap, 1),
          note: gc ? 'heap growth after a full gc' : 'heap growth (no gc available: an estimate)',
        },
      ],
    };
  } catch (error) {
    if (!(error instanceof SolverError) || error.code !== 'COMPILE_LIMIT') throw error;
    const ms = performance.now() - t0;
    const { nodes = 0, variables = 0, constraintsDone = 0, work = 0 } = error.details;
    return {
      figures: [
        {
          name: `${name}: compile`,
          unit: '',
          value: 'COMPILE_LIMIT',
          target: `≤ ${TARGETS.compileMs} ms`,
          meets: false,
          note: `too big for the diagram: ${model.attributes.length} attributes, ${model.constraints.length} constraints; stopped at ${nodes} nodes over ${variables} variables after ${constraintsDone} conjunctions (${work} nodes made over every order tried), ${round(ms / 1000, 1)} s`,
        },
      ],
    };
  }
}

/**
 * Figures of one compiled model under a click sequence: the exact count, per-click `domains`
 * times, the same clicks answered by the SAT peer (capped), and the ratio of the medians.
 * `clicks` are the selections after each click.
 */
export function measureClicks(
  name: string,
  model: ProductModel,
  compiled: CompiledModel,
  clicks: readonly Selection[],
  options: ModelBenchOptions = {},
): BenchFigure[] {
  const figures: BenchFigure[] = [];
  const t0 = performance.now();
  const total = count(compiled);
  figures.push({
    name: `${name}: count`,
    unit: 'configurations',
    value: total.toString(),
    note: `${round(performance.now() - t0, 1)} ms`,
  });
  if (clicks.length === 0) return figures;

  for (const selection of clicks.slice(0, 50)) domains(compiled, selection); // warm-up
  const byKind = { choose: [] as number[], unchoose: [] as number[] };
  clicks.forEach((selection, i) => {
    const start = performance.now();
    domains(compiled, selection);
    byKind[options.kinds?.[i] ?? 'choose'].push(performance.now() - start);
  });
  for (const kind of ['choose', 'unchoose'] as const) {
    if (byKind[kind].length === 0) continue;
    const engine = distribution(byKind[kind]);
    figures.push({
      name: `${name}: domains per click (${kind === 'choose' ? 'choose' : 'un-choose'})`,
      unit: 'ms',
      ...engine,
      target: `≤ ${TARGETS.clickMs} ms median, ≤ ${TARGETS.clickP95Ms} ms p95`,
      meets: engine.median <= TARGETS.clickMs && engine.p95 <= TARGETS.clickP95Ms,
      note: 'diagram',
    });
  }

  let peer: SatPeer;
  try {
    peer = new SatPeer(model);
  } catch (error) {
    figures.push({
      name: `${name}: peer`,
      unit: 'ms',
      value: 'n/a',
      note: (error as Error).message,
    });
    return figures;
  }
  const cap = options.peerClicks ?? 200;
  const budget = options.peerBudgetMs ?? 30_000;
  const step = Math.max(1, Math.floor(clicks.length / cap));
  const peerTimes: number[] = [];
  const engineTimes: number[] = [];
  let calls = 0;
  let mismatches = 0;
  const started = performance.now();
  for (let i = 0; i < clicks.length && peerTimes.length < cap; i += step) {
    if (performance.now() - started > budget) break;
    const selection = clicks[i]!;
    const p0 = performance.now();
    let answer: ReturnType<SatPeer['availableValues']>;
    try {
      answer = peer.availableValues(selection);
    } catch (error) {
      // logic-solver is MiniSat compiled with a fixed 64 MB heap: big models abort it (its abort
      // throws a string, not an Error).
      const reason = String(error instanceof Error ? error.message : error);
      figures.push({
        name: `${name}: peer (logic-solver SAT) per click`,
        unit: 'ms',
        value: 'n/a',
        note: `the peer failed after ${peerTimes.length} clicks: ${reason.split('\n')[0]}`,
      });
      return figures;
    }
    peerTimes.push(performance.now() - p0);
    calls += answer.calls;
    const e0 = performance.now();
    const states = domains(compiled, selection);
    engineTimes.push(performance.now() - e0);
    for (const [id, values] of Object.entries(states))
      for (const [key, state] of Object.entries(values))
        if (
          (state === 'available' || state === 'selected') !== answer.available.has(`${id}=${key}`)
        )
          mismatches++;
  }
  const sat = distribution(peerTimes);
  const same = distribution(engineTimes);
  const ratio = same.median > 0 ? sat.median / same.median : Number.POSITIVE_INFINITY;
  figures.push({
    name: `${name}: peer (logic-solver SAT) per click`,
    unit: 'ms',
    ...sat,
    note: `${round(calls / Math.max(1, sat.runs), 1)} SAT calls a click; ${mismatches} disagreements with the engine`,
  });
  figures.push({
    name: `${name}: engine speed-up over the peer`,
    unit: '×',
    value: round(ratio, 1),
    target: `≥ ${TARGETS.speedUp}×`,
    meets: ratio >= TARGETS.speedUp,
    note: `medians on the same ${sat.runs} clicks (engine ${same.median} ms)`,
  });
  return figures;
}
