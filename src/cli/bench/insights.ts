import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  commonConfigurations,
  dateOf,
  dayOf,
  frequentConflicts,
  funnel,
  leadTimeByWeek,
  optionPopularity,
  parseModel,
  seededRandom,
  type InsightEvent,
  type InsightFilter,
  type ProductModel,
} from '../../engine/index.ts';
import { openDb } from '../../server/db/createDb.ts';
import { InsightStore } from '../../server/db/insightStore.ts';
import { migrate } from '../../server/db/migrate.ts';
import type { BenchContext, BenchFigure } from './suites.ts';

const EVENTS = 1_000_000;
const DAYS = 365;
const BATCH = 10_000;

/**
 * Seeded configuration sessions over a year on the sample catalogue: each opens a product, picks a
 * few values, completes 60 % of the time (a random valid-looking choice per choice attribute),
 * asks for a quote in half of those, orders in a third of those; 10 % meet a conflict, the others
 * that do not complete abandon on a step.
 */
function* sessions(models: readonly ProductModel[], seed: number): Generator<InsightEvent> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const start = dayOf('2025-12-08');
  for (let n = 0; ; n++) {
    const model = pick(models);
    const day = dateOf(start + Math.floor(random() * DAYS));
    const at = (minute: number) =>
      `${day}T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
    const base = {
      session: `bench-${seed}-${n}`,
      productId: model.id,
      channel: random() < 0.8 ? ('shop' as const) : ('rep' as const),
    };
    const choices = model.attributes.filter((a) => a.type === 'choice');
    yield { type: 'opened', at: at(0), ...base };
    for (let i = 0; i < 3; i++) {
      const attr = pick(choices);
      yield {
        type: 'chosen',
        at: at(1 + i),
        ...base,
        attributeId: attr.id,
        value: pick(attr.values).id,
      };
    }
    if (random() < 0.1 && model.constraints.length > 0)
      yield {
        type: 'conflict',
        at: at(5),
        ...base,
        attributeId: pick(choices).id,
        constraintIds: [pick(model.constraints).id],
        resolution: pick(['repaired', 'reverted', 'unresolved'] as const),
      };
    if (random() < 0.6) {
      const selection = Object.fromEntries(
        choices.slice(0, 6).map((a) => [a.id, (random() < 0.5 ? a.values[0]! : pick(a.values)).id]),
      );
      yield {
        type: 'completed',
        at: at(10),
        ...base,
        selection,
        promisedDays: 7 + Math.floor(random() * 35),
      };
      if (random() < 0.5) {
        yield { type: 'quoteRequested', at: at(12), ...base, selection };
        if (random() < 0.33) yield { type: 'ordered', at: at(14), ...base, selection };
      }
    } else yield { type: 'abandoned', at: at(10), ...base, step: pick(model.groups).id };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/**
 * The insights over a million events on SQLite (issue 20: ≤ 1 s): loads seeded events through the
 * store (10,000 per transaction, the daily pre-aggregate added as for `POST /api/events`), then
 * times each insight, as the API computes it, over the whole year and over one channel and month.
 */
export async function runInsightsSuite(context: BenchContext): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'madeto-insights-bench-'));
  const db = openDb({ kind: 'sqlite', file: join(dir, 'insights.sqlite') });
  const figures: BenchFigure[] = [];
  try {
    await migrate(db);
    const store = new InsightStore(db);
    const catalogue = join(context.root, 'public/catalogue');
    const models = ['desk', 'bike', 'sofa'].map((f) =>
      parseModel(JSON.parse(readFileSync(join(catalogue, `${f}.json`), 'utf8')) as unknown),
    );
    const source = sessions(models, 7);
    const loadStart = performance.now();
    let stored = 0;
    while (stored < EVENTS) {
      const batch: InsightEvent[] = [];
      while (batch.length < Math.min(BATCH, EVENTS - stored))
        batch.push(source.next().value as InsightEvent);
      await store.storeBatch(
        `bench-batch-${stored}`,
        'sha256:bench',
        batch,
        new Date().toISOString(),
      );
      stored += batch.length;
      if (stored % 100_000 === 0) context.log(`insights: ${stored} events stored`);
    }
    const loadMs = performance.now() - loadStart;
    figures.push({
      name: 'insights: store 1,000,000 events (10,000 per transaction)',
      unit: 'events/s',
      value: Math.round(EVENTS / (loadMs / 1000)),
      note: `${(loadMs / 1000).toFixed(1)} s`,
    });
    const filters: [string, InsightFilter][] = [
      ['whole year', {}],
      ['shop, one month', { channel: 'shop', from: '2026-06-01', to: '2026-06-30' }],
    ];
    const queries: [string, (f: InsightFilter) => Promise<unknown>][] = [
      ['popularity', async (f) => optionPopularity(await store.sums(['stage', 'value'], f), f)],
      ['funnel', async (f) => funnel(await store.sums(['stage', 'abandoned'], f), f)],
      ['conflicts', async (f) => frequentConflicts(await store.sums(['conflict'], f), f)],
      ['lead time', async (f) => leadTimeByWeek(await store.sums(['leadtime'], f, 'week'), f)],
      [
        'configurations',
        async (f) => {
          const [stages, configs] = await Promise.all([
            store.sums(['stage'], f),
            store.topConfigurations(f, 10),
          ]);
          return commonConfigurations([...stages, ...configs], {}, 10);
        },
      ],
    ];
    for (const [range, filter] of filters)
      for (const [name, query] of queries) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          await query(filter);
          times.push(performance.now() - t);
        }
        const m = median(times);
        figures.push({
          name: `insights over 1,000,000 events: ${name}, ${range}`,
          unit: 'ms',
          median: Math.round(m),
          p95: Math.round(Math.max(...times)),
          runs: times.length,
          target: '≤ 1000 ms',
          meets: Math.max(...times) <= 1000,
        });
      }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
