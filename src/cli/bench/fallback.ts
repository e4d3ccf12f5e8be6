import { performance } from 'node:perf_hooks';
import {
  createConfiguratorEngine,
  type ProductModel,
  type Selection,
  type SelectionValue,
  seededRandom,
} from '../../engine/index.ts';
import { distribution } from './timing.ts';
import type { BenchFigure } from './suites.ts';

/** The fallback's per-click target (issue 17: Automotive01 p95 ≤ 250 ms). */
export const FALLBACK_CLICK_P95_MS = 250;

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/**
 * A model the diagram could not compile, answered by the SAT fallback
 * (`createConfiguratorEngine` past its node limit): the time to encode it, the first `domains` (no
 * selection), then seeded random buyers — each click chooses a random available value of a
 * random open attribute, and every fifth click takes a random earlier choice back — timing
 * `domains` per click, within a wall-clock budget. Figures say which path answered.
 */
export function measureFallback(
  name: string,
  model: ProductModel,
  options: { walks?: number; clicks?: number; budgetMs?: number; seed?: number } = {},
): BenchFigure[] {
  const { walks = 3, clicks = 20, budgetMs = 60_000, seed = 2026 } = options;
  const t0 = performance.now();
  // the diagram's failed compile is measured apart: here it stops at once
  const engine = createConfiguratorEngine(model, { maxNodes: 1 });
  const setup = performance.now() - t0;
  const figures: BenchFigure[] = [
    {
      name: `${name}: path`,
      unit: '',
      value: engine.kind === 'sat' ? 'SAT fallback' : 'diagram',
      note: `the SAT encoding took ${round(setup / 1000)} s`,
    },
  ];
  const f0 = performance.now();
  engine.domains({});
  figures.push({
    name: `${name}: fallback first domains`,
    unit: 'ms',
    value: round(performance.now() - f0),
    note: 'no selection: also finds the dead values',
  });
  const random = seededRandom(seed);
  const times = { choose: [] as number[], unchoose: [] as number[] };
  const cpu: number[] = [];
  const started = performance.now();
  for (let w = 0; w < walks; w++) {
    const selection: Record<string, SelectionValue> = {};
    let states = engine.domains(selection);
    for (let c = 0; c < clicks && performance.now() - started < budgetMs; c++) {
      const chosen = Object.keys(selection);
      const kind = c % 5 === 4 && chosen.length > 0 ? 'unchoose' : 'choose';
      if (kind === 'unchoose') delete selection[chosen[Math.floor(random() * chosen.length)]!];
      else if (!choose(model, states, selection, random)) break;
      const s0 = performance.now();
      const c0 = process.cpuUsage();
      states = engine.domains(selection as Selection);
      times[kind].push(performance.now() - s0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  for (const kind of ['choose', 'unchoose'] as const) {
    if (times[kind].length === 0) continue;
    const d = distribution(times[kind]);
    figures.push({
      name: `${name}: domains per click (${kind === 'choose' ? 'choose' : 'un-choose'})`,
      unit: 'ms',
      ...d,
      target: `≤ ${FALLBACK_CLICK_P95_MS} ms p95`,
      meets: d.p95 <= FALLBACK_CLICK_P95_MS,
      note: `SAT fallback; ${walks} seeded random buyers`,
    });
  }
  if (cpu.length > 0)
    figures.push({
      name: `${name}: CPU time per click`,
      unit: 'ms',
      ...distribution(cpu),
      note: 'SAT fallback, all clicks: the process CPU time, which a loaded machine inflates less than the wall clock',
    });
  return figures;
}

/** Adds one random available value of a random open single-valued attribute; false when none. */
function choose(
  model: ProductModel,
  states: Record<string, Record<string, string>>,
  selection: Record<string, SelectionValue>,
  random: () => number,
): boolean {
  const open = model.attributes.filter(
    (a) =>
      (a.type === 'boolean' || a.type === 'choice') &&
      !(a.id in selection) &&
      Object.values(states[a.id] ?? {}).filter((s) => s === 'available').length > 1,
  );
  if (open.length === 0) return false;
  const attr = open[Math.floor(random() * open.length)]!;
  const keys = Object.entries(states[attr.id]!)
    .filter(([, s]) => s === 'available')
    .map(([k]) => k);
  const key = keys[Math.floor(random() * keys.length)]!;
  selection[attr.id] = attr.type === 'boolean' ? key === 'true' : key;
  return true;
}
